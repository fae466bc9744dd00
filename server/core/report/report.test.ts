/** 社区买单: the evening report, through dispatch, on a real SQLite file. */
import type { Booking } from '../../../contract/booking';
import type { Notice } from '../../../contract/notice';
import type { EveningReport, Overview, ReportCsv } from '../../../contract/report';
import type { Ticket } from '../../../contract/queue';
import type { CallList } from '../../../contract/followup';
import { coreHarness, ok } from '../../testing/core-harness';
import { median, p90 } from './rules';

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
});

describe('社区买单: the evening report', () => {
  it('counts a played evening the way a person would, with costs, the trend and CSVs', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    const at = (hhmm: string) => h.clock.set(`2026-12-02T${hhmm}:00+08:00`);
    // Health line: u1 waits 10 min and is seen 6 min; u2 waits 20 min and is seen 4; u3 misses.
    const join = async (u: string) =>
      ok(
        await h.as(u)<Ticket>('queue.join', {
          community: 'jinse',
          queue: 'health',
          requestId: `join-${u}-0001`,
        }),
      );
    const t1 = await join('u1');
    at('18:05');
    const t2 = await join('u2');
    at('18:06');
    const t3 = await join('u3');
    at('18:10');
    ok(await h.staff('queue.callNext', { community: 'jinse', queue: 'health' }));
    at('18:16');
    ok(await h.staff('queue.complete', { ticketId: t1.id }));
    at('18:25');
    ok(await h.staff('queue.callNext', { community: 'jinse', queue: 'health' }));
    at('18:29');
    ok(await h.staff('queue.complete', { ticketId: t2.id }));
    at('18:30');
    ok(await h.staff('queue.callNext', { community: 'jinse', queue: 'health' }));
    ok(await h.staff('queue.miss', { ticketId: t3.id }));
    // u1 also reads at the library: a second visit (人次) of the same resident (人).
    const lib = ok(
      await h.as('u1')<Ticket>('queue.join', {
        community: 'jinse',
        queue: 'library',
        requestId: 'join-u1-library',
      }),
    );
    ok(await h.staff('queue.callNext', { community: 'jinse', queue: 'library' }));
    at('18:40');
    ok(await h.staff('queue.complete', { ticketId: lib.id }));
    // Paperwork: u4 served, u5 a no-show.
    const book = async (u: string, slot: string) =>
      ok(
        await h.as(u)<Booking>('booking.book', {
          slotId: `jinse_paperwork_20261202_${slot}`,
          requestId: `book-${u}-0001`,
          phone: '13800000000',
          consent: true,
        }),
      );
    const b4 = await book('u4', '1900');
    const b5 = await book('u5', '1930');
    ok(await h.staff('booking.complete', { bookingId: b4.id }));
    // 未到 only once the slot has started.
    at('19:30');
    ok(await h.staff('booking.noShow', { bookingId: b5.id }));
    // One suggestion about paperwork tonight, answered.
    const s = ok(
      await h.as('u4')<{ id: string }>('suggestion.submit', {
        community: 'jinse',
        category: 'paperwork',
        text: '材料清单能不能提前发',
        requestId: 'report-suggest-1',
      }),
    );
    ok(await h.staff('suggestion.reply', { id: s.id, status: 'answered', reply: '好的' }));
    // An activity with one person checked in at the door.
    const notice = ok(
      await h.staff<Notice>('notice.save', {
        community: 'jinse',
        week: '2026-12-02',
        title: '本周活动',
        body: '',
        activities: [
          {
            name: '象棋',
            date: '2026-12-02',
            startsAt: '18:00',
            endsAt: '20:00',
            place: '活动室',
            capacity: null,
            signUp: false,
          },
        ],
      }),
    );
    ok(await h.staff('notice.publish', { id: notice.id }));
    ok(
      await h.staff('notice.checkInFor', {
        activityId: notice.activities[0]!.id,
        name: '李大爷',
        requestId: 'walk-in-chess',
      }),
    );
    ok(
      await h.staff('report.costs', { community: 'jinse', costs: { paperwork: 20, health: 12.5 } }),
    );
    // The next day u4 is called back and is satisfied.
    h.clock.set('2026-12-03T10:00:00+08:00');
    ok(await h.staff('followup.run'));
    const list = ok(await h.staff<CallList>('followup.due', { community: 'jinse' }));
    const u4 = list.dueToday.find((t) => t.resident === 'u4')!;
    ok(
      await h.staff('followup.record', {
        id: u4.id,
        outcome: 'reached',
        satisfaction: 'satisfied',
        solved: 'yes',
      }),
    );

    const report = ok(
      await h.staff<EveningReport>('report.evening', { community: 'jinse', date: '2026-12-02' }),
    );
    const row = (id: string) => report.services.find((x) => x.service === id)!;
    expect(row('health')).toMatchObject({
      visits: 2,
      people: 2,
      tickets: 3,
      bookings: 0,
      noShows: 1,
      waitMedian: 20,
      waitP90: 24,
      serviceMedian: 5,
      unitCost: 12.5,
      cost: 25,
    });
    expect(row('library')).toMatchObject({ visits: 1, people: 1, tickets: 1 });
    expect(row('paperwork')).toMatchObject({
      visits: 1,
      people: 1,
      bookings: 2,
      noShows: 1,
      satisfaction: { satisfied: 1, mostly: 0, unsatisfied: 0 },
      suggestions: { received: 1, answered: 1 },
      cost: 20,
    });
    expect(row('activity')).toMatchObject({ visits: 1, people: 1, attendance: 1, cost: null });
    // Five visits, four residents: u1 counts once although served twice.
    expect(report.totals).toEqual({ visits: 5, people: 4, cost: 45 });
    expect(report.previous).toMatchObject({ date: '2026-11-25', visits: 0, people: 0 });

    const summary = ok(
      await h.staff<ReportCsv>('report.csv', {
        community: 'jinse',
        date: '2026-12-02',
        kind: 'summary',
      }),
    );
    expect(summary.filename).toBe('金色里程社区-2026-12-02-服务汇总.csv');
    expect(summary.csv.startsWith('\uFEFF服务,服务人次,服务人数,取号,预约,未到')).toBe(true);
    expect(summary.csv).toContain(',单价(元/人次),费用(元),上周服务人次\r\n');
    expect(summary.csv).toContain('\r\n健康检测,2,2,3,0,1,20,24,5,0,0,0,0,0,0,12.5,25,0\r\n');
    expect(summary.csv).toContain('\r\n合计（人数按居民去重）,5,4,4,2,2,,,,1,1,0,0,1,1,,45,0\r\n');
    const visits = ok(
      await h.staff<ReportCsv>('report.csv', {
        community: 'jinse',
        date: '2026-12-02',
        kind: 'visits',
      }),
    );
    const lines = visits.csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 4 + 2 + 1);
    // Statuses in Chinese words, never codes.
    const statuses = lines.slice(1).map((l) => l.split(',')[4]);
    expect(statuses).toEqual([
      '已完成',
      '已完成',
      '过号未到',
      '已完成',
      '已完成',
      '未到',
      '已到场',
    ]);
    expect(visits.csv).not.toMatch(/\b(done|no-show|attended|confirmed|missed|completed)\b/);

    const overview = ok(await h.staff<Overview>('report.overview', { date: '2026-12-03' }));
    expect(overview.communities.find((c) => c.id === 'jinse')).toMatchObject({
      date: '2026-12-02',
      visits: 5,
      people: 4,
      cost: 45,
    });
  });

  it('computes median and nearest-rank 90th percentile', () => {
    expect(median([])).toBeNull();
    expect(median([4, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([7])).toBe(7);
  });
});
