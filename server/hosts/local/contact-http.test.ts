/** 不要电话回访 over HTTP on real SQLite: a resident's choice, the morning job and the call list. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Booking } from '../../../contract/booking';
import type { CallList, ContactPreference, ResidentFollowUp } from '../../../contract/followup';
import { handClock } from '../../testing/core-harness';
import {
  adminAndStaff,
  startTestHost,
  type TestClient,
  type TestHost,
  type TestResponse,
} from './testing';

function ok<T>(res: TestResponse<T>): T {
  if (!res.body.ok) throw new Error(res.text);
  return res.body.data;
}

describe('不要电话回访 over HTTP', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-contact-'));
  const clock = handClock('2026-12-02T18:00:00+08:00');
  let host: TestHost;
  let admin: TestClient;
  let staff: TestClient;
  let quiet: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    host = await startTestHost({ clock, dataDir, rateLimit: false });
    ({ admin, staff } = await adminAndStaff(host));
    quiet = host.client();
    other = host.client();
    await quiet.session();
    await other.session();
  });
  afterAll(async () => {
    await host.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Books tonight's 政务服务 at `time` with a phone, and staff complete it. */
  async function served(who: TestClient, day: string, time: string, phone: string) {
    const booking = ok<Booking>(
      await who.call<Booking>('booking', {
        action: 'book',
        slotId: `jinse_paperwork_${day.replaceAll('-', '')}_${time}`,
        requestId: `contact-${day}-${time}-book`,
        phone,
        consent: true,
      }),
    );
    ok(await staff.call('booking', { action: 'complete', bookingId: booking.id }));
  }

  it('asks an opted-out resident in the app instead of calling; only they change it; back on, calls again', async () => {
    await served(quiet, '2026-12-02', '1900', '13911110001');
    await served(other, '2026-12-02', '1930', '13911110002');

    const before = ok<ContactPreference>(
      await quiet.call<ContactPreference>('followup', { action: 'preferences' }),
    );
    expect(before).toEqual({ noCalls: false, updatedAt: null });
    const off = ok<ContactPreference>(
      await quiet.call<ContactPreference>('followup', { action: 'setContact', noCalls: true }),
    );
    expect(off).toMatchObject({ noCalls: true, updatedAt: '2026-12-02T18:00:00+08:00' });

    // Another resident cannot name whose choice to change: no such field; their own stays theirs.
    const meddling = await other.call('followup', {
      action: 'setContact',
      noCalls: false,
      userId: 'someone-else',
    });
    expect(meddling.status).toBe(400);
    ok(await other.call('followup', { action: 'setContact', noCalls: false }));
    expect(ok(await quiet.call('followup', { action: 'preferences' }))).toMatchObject({
      noCalls: true,
    });
    // Staff and strangers without a session cannot set it either.
    expect(
      (await host.client().call('followup', { action: 'setContact', noCalls: true })).status,
    ).toBeGreaterThanOrEqual(400);

    clock.set('2026-12-03T09:00:00+08:00');
    expect(ok(await admin.call('followup', { action: 'run' }))).toEqual({ created: 2 });
    const rows = host.db
      .prepare('SELECT phone, channel FROM follow_ups ORDER BY phone')
      .all() as Array<{ phone: string | null; channel: string }>;
    // No call task, and no phone kept, for the resident who said no calls.
    expect(rows).toEqual([
      { phone: null, channel: 'message' },
      { phone: '13911110002', channel: 'call' },
    ]);
    const asked = host.db
      .prepare("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'follow-up-ask'")
      .get() as { n: number };
    expect(asked.n).toBe(1);

    // Staff see them on the call list as 不要电话, with no number, and cannot record a call.
    const list = ok<CallList>(await staff.call('followup', { action: 'due', community: 'jinse' }));
    const byCall = list.dueToday.map((t) => [t.noCalls, t.phone]);
    expect(byCall).toEqual(
      expect.arrayContaining([
        [true, null],
        [false, '13911110002'],
      ]),
    );
    const quietTask = list.dueToday.find((t) => t.noCalls)!;
    const refused = await staff.call('followup', {
      action: 'record',
      id: quietTask.id,
      outcome: 'no-answer',
    });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('不要电话回访');

    // The resident answers in the app.
    const pending = ok<ResidentFollowUp[]>(await quiet.call('followup', { action: 'pending' }));
    expect(pending).toEqual([expect.objectContaining({ id: quietTask.id, kind: 'ask' })]);
    ok(
      await quiet.call('followup', {
        action: 'answer',
        id: quietTask.id,
        satisfaction: 'satisfied',
        solved: 'yes',
      }),
    );

    // Calls back on: the next evening's follow-up is a call again.
    ok(await quiet.call('followup', { action: 'setContact', noCalls: false }));
    clock.set('2026-12-09T18:00:00+08:00');
    await served(quiet, '2026-12-09', '1900', '13911110001');
    clock.set('2026-12-10T09:00:00+08:00');
    expect(ok(await admin.call('followup', { action: 'run' }))).toEqual({ created: 1 });
    const next = ok<CallList>(await staff.call('followup', { action: 'due', community: 'jinse' }));
    expect(next.dueToday).toEqual([
      expect.objectContaining({ noCalls: false, phone: '13911110001', channel: 'call' }),
    ]);
  });
});
