/** Follow-ups and suggestions over HTTP against a started local host on real SQLite. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Booking } from '../../../contract/booking';
import type { CallList } from '../../../contract/followup';
import type { Suggestion, EchoWall } from '../../../contract/suggestion';
import { handClock } from '../../testing/core-harness';
import { adminAndStaff, startTestHost, type TestClient, type TestHost } from './testing';

describe('follow-ups and suggestions over HTTP', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-followup-'));
  const clock = handClock('2026-12-02T18:00:00+08:00');
  let host: TestHost;
  let admin: TestClient;
  let staff: TestClient;
  let resident: TestClient;

  beforeAll(async () => {
    host = await startTestHost({ clock, dataDir, rateLimit: false });
    ({ admin, staff } = await adminAndStaff(host));
    resident = host.client();
    await resident.session();
  });
  afterAll(async () => {
    await host.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs from a served booking to a call, a suggestion, a reply and the public board; tasks survive a restart', async () => {
    const booked = await resident.call<Booking>('booking', {
      action: 'book',
      slotId: 'jinse_paperwork_20261202_1900',
      requestId: 'http-followup-book',
      phone: '13912345678',
      consent: true,
    });
    if (!booked.body.ok) throw new Error(booked.text);
    await staff.call('booking', { action: 'complete', bookingId: booked.body.data.id });

    clock.set('2026-12-03T09:00:00+08:00');
    // Only an admin runs the job by hand; staff and residents are refused.
    expect((await staff.call('followup', { action: 'run' })).status).toBe(403);
    const run = await admin.call<{ created: number }>('followup', { action: 'run' });
    expect(run.body).toEqual({ ok: true, data: { created: 1 } });

    // The host restarts on the same data: the task is still there and nothing is made twice.
    await host.close();
    host = await startTestHost({ clock, dataDir, rateLimit: false });
    const again = await rebind(admin).call<{ created: number }>('followup', { action: 'run' });
    expect(again.body).toEqual({ ok: true, data: { created: 0 } });
    const list = await rebind(staff).call<CallList>('followup', {
      action: 'due',
      community: 'jinse',
    });
    if (!list.body.ok) throw new Error(list.text);
    const [task] = list.body.data.dueToday;
    expect(task).toMatchObject({ phone: '13912345678', services: ['政务服务 19:00'] });

    const recorded = await rebind(staff).call('followup', {
      action: 'record',
      id: task!.id,
      outcome: 'reached',
      satisfaction: 'satisfied',
      solved: 'yes',
    });
    expect(recorded.status).toBe(200);

    const submitted = await rebind(resident).call<Suggestion>('suggestion', {
      action: 'submit',
      community: 'jinse',
      category: 'paperwork',
      text: '希望政务服务也能预约周五',
      followupId: task!.id,
      requestId: 'http-followup-suggest',
    });
    if (!submitted.body.ok) throw new Error(submitted.text);
    await rebind(staff).call('suggestion', {
      action: 'reply',
      id: submitted.body.data.id,
      status: 'adopted',
      reply: '下个月起周五也能预约',
    });
    await rebind(staff).call('suggestion', {
      action: 'logChange',
      community: 'jinse',
      title: '政务服务周五也能预约',
      detail: '从 2027 年 1 月起。',
      since: '2027-01-01',
      suggestionIds: [submitted.body.data.id],
    });
    const wall = await host.client().call<EchoWall>('suggestion', {
      action: 'echoWall',
      community: 'jinse',
    });
    if (!wall.body.ok) throw new Error(wall.text);
    expect(wall.body.data.changes).toEqual([
      expect.objectContaining({
        title: '政务服务周五也能预约',
        receipts: [submitted.body.data.receipt],
      }),
    ]);
    expect(wall.text).not.toContain('13912345678');
    const outbox = host.db
      .prepare("SELECT kind FROM outbox WHERE kind IN ('follow-up-invite', 'suggestion-status')")
      .all();
    expect(outbox.length).toBeGreaterThanOrEqual(2);
  });

  it('answers the sixth suggestion of a day with 429 and a Chinese message', async () => {
    const someone = rebind(host.client());
    await someone.session();
    for (let i = 0; i < 5; i += 1) {
      const ok = await someone.call('suggestion', {
        action: 'submit',
        community: 'jinse',
        category: 'other',
        text: `第 ${i + 1} 条`,
        requestId: `http-limit-${i}-0000`,
      });
      expect(ok.status).toBe(200);
    }
    const sixth = await someone.call('suggestion', {
      action: 'submit',
      community: 'jinse',
      category: 'other',
      text: '第 6 条',
      requestId: 'http-limit-5-0000',
    });
    expect(sixth.status).toBe(429);
    expect(sixth.body).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });

  /** A client made before the restart, now talking to the new host (same cookie, new URL). */
  function rebind(c: TestClient): TestClient {
    const fresh = host.client();
    fresh.cookie = c.cookie;
    return fresh;
  }
});
