/**
 * A whole evening through the uploaded code: every cloud function is built exactly as
 * `npm run build:cloud` builds it for upload (esbuild bundle, wx-server-sdk left external) and
 * loaded with a wx-server-sdk stand-in whose database is the CloudBase emulator. OPENIDs come
 * from the call context, subscription messages and msgSecCheck are recorded, and a resident's
 * mini-program watches the public line documents with the client security rules applied.
 *
 * Time: the functions use the real clock, so the test moves Date (only Date) through a
 * Wednesday evening and the next morning.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Booking, Slot } from '../../../contract/booking';
import type { Tonight } from '../../../contract/community';
import type { CallList } from '../../../contract/followup';
import type { Notice } from '../../../contract/notice';
import type { QueueDesk, LineState, Ticket } from '../../../contract/queue';
import { seedPilots } from '../../core/seed';
import { createCloudBaseStore, type CloudDatabase } from '../../stores/cloudbase';
import type { Snapshot } from '../../testing/cloudbase-emulator';
import {
  createCloudWorld,
  fakeDateOnly,
  TEST_TEMPLATES,
  type CloudWorld,
} from '../../testing/cloud-world';
import { buildCloud } from '../../../scripts/build-cloud';

const ADMIN_TOKEN = 'bundle-test-admin-token-0001';
const TEMPLATES = TEST_TEMPLATES;

let dir: string;
let world: CloudWorld;

const at = (iso: string) => jest.setSystemTime(new Date(iso));

/** The data of an answer that must have worked. */
function ok<T>(envelope: { ok: boolean; data?: unknown; error?: unknown }): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

beforeAll(async () => {
  // Inside the repository, so the bundles resolve wx-server-sdk as they do in the cloud.
  const base = path.resolve(__dirname, '../../../test-output');
  fs.mkdirSync(base, { recursive: true });
  dir = fs.mkdtempSync(path.join(base, 'bdb-bundles-'));
  await buildCloud({ outDir: dir, log: () => undefined });
  Object.assign(process.env, TEMPLATES, { ADMIN_TOKEN, MP_STATE: 'formal' });
  fakeDateOnly();
  at('2026-12-02T08:50:00.000Z'); // Wednesday 16:50 in Suzhou
  world = createCloudWorld({
    load: (fn) => {
      // Through jest's registry, so jest.doMock('wx-server-sdk') reaches the bundle's require.
      const main = jest.requireActual<{ main: unknown }>(path.join(dir, fn, 'index.js')).main;
      if (typeof main !== 'function') throw new Error(`${fn}/index.js exports no main`);
      return main as (event: unknown) => Promise<unknown>;
    },
  });
  jest.doMock('wx-server-sdk', () => world.wx.sdk);
  // The first communities, as `npm run cloud:seed` creates them in a new environment.
  await seedPilots(createCloudBaseStore(world.emulator.database() as unknown as CloudDatabase));
}, 120_000);

afterAll(() => {
  jest.useRealTimers();
  for (const key of [...Object.keys(TEMPLATES), 'ADMIN_TOKEN', 'MP_STATE']) delete process.env[key];
  fs.rmSync(dir, { recursive: true, force: true });
});

it('plays an evening and the next morning through the built cloud functions', async () => {
  const { call, emulator, wx } = world;
  const sent = (templateId: string) => wx.messages.filter((m) => m.templateId === templateId);

  // ── 16:50 the admin and a social worker sign in ──
  ok(await call('o-admin', 'staff', 'redeem', { code: ADMIN_TOKEN }));
  const invite = ok<{ code: string }>(
    await call('o-admin', 'staff', 'invite', { community: 'jinse' }),
  );
  const worker = ok<{ role: string; communities: string[] }>(
    await call('o-worker', 'staff', 'redeem', { code: invite.code }),
  );
  expect(worker).toMatchObject({ role: 'staff', communities: ['jinse'] });
  ok(
    await call('o-worker', 'booking', 'configure', {
      community: 'jinse',
      service: 'paperwork',
      seatsPerSlot: 1,
      cutoffHours: 0,
    }),
  );

  // A notice with an activity of one place.
  const notice = ok<Notice>(
    await call('o-worker', 'notice', 'save', {
      community: 'jinse',
      week: '2026-11-30',
      title: '本周三晚 八点伴活动',
      body: '剪纸体验。',
      activities: [
        {
          name: '剪纸体验',
          date: '2026-12-02',
          startsAt: '18:30',
          endsAt: '19:30',
          place: '二楼活动室',
          capacity: 1,
          signUp: true,
        },
      ],
    }),
  );
  ok(await call('o-worker', 'notice', 'publish', { id: notice.id }));

  // ── 17:05 residents scan the poster: one call shows everything ──
  at('2026-12-02T09:05:00.000Z');
  const tonight = ok<Tonight>(await call('o-r1', 'community', 'tonight', { community: 'jinse' }));
  expect(tonight).toMatchObject({ open: true, mine: { tickets: [], bookings: [], followUps: [] } });
  expect(tonight.notices.map((n) => n.title)).toEqual(['本周三晚 八点伴活动']);

  // A resident's mini-program watches the community's lines; it may not read the private evening.
  const snapshots: Snapshot[] = [];
  const client = emulator.clientDatabase('o-r2');
  const watcher = client
    .collection('queue_lines')
    .where({ community: 'jinse' })
    .watch({ onChange: (s) => snapshots.push(s), onError: (e) => snapshots.push(e as Snapshot) });
  await expect(
    client.collection('queue_evenings').where({ community: 'jinse' }).get(),
  ).rejects.toThrow(/permission denied/);

  const joined: Ticket[] = [];
  for (const r of ['o-r1', 'o-r2', 'o-r3', 'o-r4', 'o-r5']) {
    joined.push(
      ok<Ticket>(
        await call(r, 'queue', 'join', {
          community: 'jinse',
          queue: 'library',
          requestId: `join-${r}`,
        }),
      ),
    );
  }
  expect(joined.map((t) => [t.label, t.ahead])).toEqual([
    ['B001', 0],
    ['B002', 1],
    ['B003', 2],
    ['B004', 3],
    ['B005', 4],
  ]);
  // A retried join (same requestId) makes nothing new.
  expect(
    ok<Ticket>(
      await call('o-r2', 'queue', 'join', {
        community: 'jinse',
        queue: 'library',
        requestId: 'join-o-r2',
      }),
    ).id,
  ).toBe(joined[1]!.id);

  // ── 17:10 the desk calls ──
  at('2026-12-02T09:10:00.000Z');
  const desk = ok<QueueDesk>(
    await call('o-worker', 'queue', 'callNext', { community: 'jinse', queue: 'library' }),
  );
  expect(desk.line).toMatchObject({ nowCalling: 'B001', waiting: 4 });
  expect(desk.tickets.filter((t) => t.status === 'waiting').map((t) => t.number)).toEqual([
    2, 3, 4, 5,
  ]);
  expect(sent('tmpl-turn').map((m) => m.touser)).toEqual(['o-r1']);
  // B005 now has three ahead: told once, by subscription message.
  expect(sent('tmpl-three').map((m) => m.touser)).toEqual(['o-r5']);

  // The watcher saw the change without anyone asking: r2 is next (index 0 of the line).
  await new Promise((r) => setImmediate(r));
  const lines = snapshots.flatMap((s) => s.docs as unknown as LineState[]);
  const last = lines.filter((l) => l.queue === 'library').at(-1)!;
  expect(last).toMatchObject({ nowCalling: 'B001', calledNumbers: [1] });
  expect(last.waitingNumbers.indexOf(joined[1]!.number)).toBe(0);
  expect(JSON.stringify(lines)).not.toMatch(/o-r\d|wx:/);

  // B001 does not come: missed, then back in the line behind two.
  ok(await call('o-worker', 'queue', 'miss', { ticketId: joined[0]!.id }));
  at('2026-12-02T09:13:00.000Z');
  const back = ok<Ticket>(await call('o-r1', 'queue', 'requeue', { ticketId: joined[0]!.id }));
  expect(back).toMatchObject({ status: 'waiting', ahead: 2 });
  ok(await call('o-worker', 'queue', 'callNext', { community: 'jinse', queue: 'library' }));
  at('2026-12-02T09:20:00.000Z');
  const after = ok<QueueDesk>(
    await call('o-worker', 'queue', 'complete', {
      ticketId: joined[1]!.id,
    }),
  );
  expect(after.stats.served).toBe(1);
  // B003 comes up; at the next call B003 is done and the requeued B001 is called.
  ok(await call('o-worker', 'queue', 'callNext', { community: 'jinse', queue: 'library' }));
  at('2026-12-02T09:25:00.000Z');
  const desk2 = ok<QueueDesk>(
    await call('o-worker', 'queue', 'callNext', { community: 'jinse', queue: 'library' }),
  );
  expect(desk2.line).toMatchObject({ nowCalling: 'B001' });
  expect(desk2.stats.served).toBe(2);
  // Another resident's ticket is not theirs to cancel.
  expect(await call('o-r3', 'queue', 'cancel', { ticketId: joined[0]!.id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' },
  });
  const mine = ok<Ticket[]>(await call('o-r2', 'queue', 'mine', { community: 'jinse' }));
  expect(mine).toEqual([expect.objectContaining({ label: 'B002', status: 'done' })]);

  // ── bookings: one seat, a waitlist, a promotion ──
  const slots = ok<Slot[]>(
    await call('o-r1', 'booking', 'slots', {
      community: 'jinse',
      service: 'paperwork',
      date: '2026-12-02',
    }),
  );
  const slot = slots.find((s) => s.open)!;
  const first = ok<Booking>(
    await call('o-r1', 'booking', 'book', { slotId: slot.id, requestId: 'book-r1-0001' }),
  );
  const second = ok<Booking>(
    await call('o-r2', 'booking', 'book', {
      slotId: slot.id,
      requestId: 'book-r2-0001',
      phone: '13812345678',
      consent: true,
    }),
  );
  expect([first.status, second.status]).toEqual(['confirmed', 'waitlisted']);
  ok(await call('o-r1', 'booking', 'cancel', { bookingId: first.id }));
  expect(sent('tmpl-promoted').map((m) => m.touser)).toEqual(['o-r2']);

  // ── the notice: one place, a waitlist ──
  const activityId = ok<Notice>(await call('o-r3', 'notice', 'get', { id: notice.id }))
    .activities[0]!.id;
  ok(
    await call('o-r3', 'notice', 'signUp', {
      activityId,
      requestId: 'sign-r3-0001',
      name: '3栋 王阿姨',
    }),
  );
  const waiting = ok<{ mine: { status: string } | null }>(
    await call('o-r4', 'notice', 'signUp', {
      activityId,
      requestId: 'sign-r4-0001',
      name: '5栋 李阿姨',
    }),
  );
  expect(waiting.mine?.status).toBe('waitlisted');

  // The tonight page now shows what r2 has: a done ticket and the promoted booking.
  const again = ok<Tonight>(await call('o-r2', 'community', 'tonight', { community: 'jinse' }));
  expect(again.mine?.tickets.map((t) => t.status)).toEqual(['done']);
  expect(again.mine?.bookings.map((b) => b.status)).toEqual(['confirmed']);

  // ── the next morning: the timers ──
  await watcher.close();
  at('2026-12-03T01:00:00.000Z'); // Thursday 09:00
  const followUps = world.emulator.dump('followups').length;
  const timer = world.wx.as(null, () =>
    jest
      .requireActual<{ main: () => Promise<unknown> }>(path.join(dir, 'followup-timer', 'index.js'))
      .main(),
  );
  expect(await timer).toMatchObject({ ok: true });
  expect(world.emulator.dump('followups').length).toBeGreaterThan(followUps);
  // Residents without a phone are asked in the app, and told by subscription message.
  expect(sent('tmpl-follow-up').length).toBeGreaterThan(0);
  // r3 gave no phone: asked in the app, and answers there.
  const pending = ok<Tonight>(await call('o-r3', 'community', 'tonight', { community: 'jinse' }));
  const ask = pending.mine!.followUps.find((f) => f.kind === 'ask')!;
  ok(
    await call('o-r3', 'followup', 'answer', {
      id: ask.id,
      satisfaction: 'satisfied',
      solved: 'yes',
    }),
  );
  // r2 consented to calls on the booking: on the worker's call list, with the number to dial.
  const list = ok<CallList>(await call('o-worker', 'followup', 'due', { community: 'jinse' }));
  const task = list.dueToday.find((t) => t.channel === 'call')!;
  expect(task.phone).toBe('13812345678');
  ok(
    await call('o-worker', 'followup', 'record', {
      id: task.id,
      outcome: 'reached',
      satisfaction: 'mostly',
      solved: 'yes',
    }),
  );

  // A suggestion passes WeChat's content check (recorded) and gets a receipt.
  const filed = ok<{ receipt: string }>(
    await call('o-r3', 'suggestion', 'submit', {
      community: 'jinse',
      category: 'library',
      text: '希望图书角多放一些大字书',
      requestId: 'suggest-r3-0001',
    }),
  );
  expect(filed.receipt).toMatch(/^[A-Z]+-\d{4}-\d{3}$/);
  expect(wx.checks).toEqual(['希望图书角多放一些大字书']);
}, 120_000);
