/**
 * 街道汇总 and 本周海报 over HTTP against a started local host on real SQLite: only admins see the
 * subdistrict view and its CSV, whose rows carry a played evening's figures.
 */
import type { Ticket } from '../../../contract/queue';
import type { Poster, ReportCsv, Subdistrict } from '../../../contract/report';
import type { Clock } from '../../core/ports';
import { adminAndStaff, startTestHost, type TestClient, type TestHost } from './testing';

/** A new resident takes a health ticket at jinse; staff call it and close it with `outcome`. */
async function playTicket(
  host: TestHost,
  staff: TestClient,
  requestId: string,
  outcome: 'complete' | 'miss',
) {
  const resident = host.client();
  await resident.session();
  const joined = await resident.call<Ticket>('queue', {
    action: 'join',
    community: 'jinse',
    queue: 'health',
    requestId,
  });
  if (!joined.body.ok) throw new Error(joined.text);
  await staff.call('queue', { action: 'callNext', community: 'jinse', queue: 'health' });
  const done = await staff.call('queue', { action: outcome, ticketId: joined.body.data.id });
  expect(done.status).toBe(200);
}

describe('subdistrict view over HTTP', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startTestHost({ rateLimit: false });
  });
  afterEach(async () => {
    await host.destroy();
  });

  it('shows admins a played evening, per community-week in the CSV; staff and residents are refused', async () => {
    const { admin, staff } = await adminAndStaff(host);
    // Two residents served at the health line tonight (Wednesday 18:30), one missed.
    for (const [i, outcome] of (['complete', 'complete', 'miss'] as const).entries()) {
      await playTicket(host, staff, `http-subdistrict-${i}`, outcome);
    }
    await staff.call('report', { action: 'costs', community: 'jinse', costs: { health: 8 } });

    const view = await admin.call<Subdistrict>('report', { action: 'subdistrict' });
    if (!view.body.ok) throw new Error(view.text);
    expect(view.body.data.communities.find((c) => c.id === 'jinse')?.last).toMatchObject({
      date: '2026-12-02',
      visits: 2,
      people: 2,
      cost: 16,
    });

    const csv = await admin.call<ReportCsv>('report', { action: 'subdistrictCsv' });
    if (!csv.body.ok) throw new Error(csv.text);
    const rows = csv.body.data.csv.trimEnd().split('\r\n');
    expect(rows[0]!.startsWith('\uFEFF社区,周（周一）,服务晚,取消的服务晚,服务人次')).toBe(true);
    // Two pilot communities, eight weeks each.
    expect(rows.slice(1)).toHaveLength(16);
    expect(rows.filter((r) => r.startsWith('金色里程社区,'))).toHaveLength(8);
    expect(rows).toContain('金色里程社区,2026-11-30,2026-12-02,,2,2,16,0,0,0,,0');
    expect(rows).toContain('金色里程社区,2026-11-23,2026-11-25,,0,0,0,0,0,0,,0');
    expect(rows).toContain('虎池苑社区,2026-11-30,2026-12-02,,0,0,,0,0,0,,0');

    const resident = host.client();
    await resident.session();
    for (const caller of [staff, resident]) {
      for (const action of ['subdistrict', 'subdistrictCsv']) {
        const refused = await caller.call('report', { action });
        expect(refused.status).toBe(403);
        expect(refused.body.ok).toBe(false);
        expect(refused.text).not.toContain('金色里程');
      }
    }

    // The weekly poster is the community's staff's: tonight while open.
    const poster = await staff.call<Poster>('report', { action: 'poster', community: 'jinse' });
    if (!poster.body.ok) throw new Error(poster.text);
    expect(poster.body.data.evening).toEqual({
      date: '2026-12-02',
      opensAt: '17:00',
      closesAt: '20:00',
    });
    // This host has no PUBLIC_URL: H5 draws /qr/jinse.png, and the poster names no URL.
    expect(poster.body.data.tonightUrl).toBeNull();
    const stranger = await resident.call('report', { action: 'poster', community: 'jinse' });
    expect(stranger.status).toBe(403);
  });
});

describe('subdistrict view over HTTP across the calendar', () => {
  let host: TestHost;
  afterEach(async () => {
    await host.destroy();
  });

  it('counts an extra evening in its week and shows a cancelled one apart, with no visits', async () => {
    let now = new Date('2026-11-20T10:00:00+08:00');
    const clock: Clock = { now: () => new Date(now), demo: false };
    host = await startTestHost({ rateLimit: false, clock });
    const { admin, staff } = await adminAndStaff(host);
    const calendar = async (action: string, body: object) => {
      const res = await staff.call('community', { action, community: 'jinse', ...body });
      if (!res.body.ok) throw new Error(res.text);
    };
    await calendar('cancelDate', { date: '2026-11-25', reason: '台风停开' });
    await calendar('addEvening', { date: '2026-11-28', opensAt: '09:00', closesAt: '11:00' });
    await staff.call('report', { action: 'costs', community: 'jinse', costs: { health: 8 } });

    // One resident served at the extra Saturday evening.
    now = new Date('2026-11-28T10:00:00+08:00');
    await playTicket(host, staff, 'http-subdistrict-extra', 'complete');

    now = new Date('2026-12-03T10:00:00+08:00');
    const view = await admin.call<Subdistrict>('report', { action: 'subdistrict' });
    if (!view.body.ok) throw new Error(view.text);
    const jinse = view.body.data.communities.find((c) => c.id === 'jinse')!;
    expect(jinse.weeks.find((w) => w.week === '2026-11-23')).toMatchObject({
      evenings: ['2026-11-28'],
      cancelled: [{ date: '2026-11-25', reason: '台风停开' }],
      visits: 1,
      cost: 8,
    });

    const csv = await admin.call<ReportCsv>('report', { action: 'subdistrictCsv' });
    if (!csv.body.ok) throw new Error(csv.text);
    expect(csv.body.data.csv.split('\r\n')).toContain(
      '金色里程社区,2026-11-23,2026-11-28,2026-11-25（台风停开）,1,1,8,0,0,0,,0',
    );
  });
});
