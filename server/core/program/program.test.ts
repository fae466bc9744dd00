/** 居民点单, 社区买单, 伴 and 调休, through dispatch, on a real SQLite file. */
import type { Booking } from '../../../contract/booking';
import type { Tonight } from '../../../contract/community';
import type { Notice } from '../../../contract/notice';
import type {
  CompanionRequest,
  CompBalance,
  EveningReport,
  EveningRoster,
  LeaveRequest,
  Overview,
  ReportCsv,
  Round,
  Shift,
} from '../../../contract/program';
import type { Ticket } from '../../../contract/queue';
import type { CallList } from '../../../contract/followup';
import { coreHarness, ok } from '../../testing/core-harness';
import { median, p90 } from './report';
import { rank } from './survey';

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
});

describe('居民点单', () => {
  it('ranks with shared places and shows a tie across the eighth place whole', () => {
    const candidates = 'abcdefghij'.split('').map((id) => ({
      id,
      name: id,
      kind: 'drop-in' as const,
      description: '',
      source: 'current' as const,
    }));
    // a 5, b 4, c..g 3 each... h and i tie for 8th with 1, j 0.
    const ballots = [
      ['a', 'b', 'c'],
      ['a', 'b', 'd'],
      ['a', 'b', 'e'],
      ['a', 'b', 'f'],
      ['a', 'c', 'g'],
      ['c', 'd', 'e'],
      ['d', 'e', 'f'],
      ['f', 'g', 'h'],
      ['g', 'i'],
    ].map((choices, n) => ({
      roundId: 'r',
      voterKey: `u${n}`,
      choices,
      paper: n === 0,
      updatedAt: '',
    }));
    const { ranking, tieAtCut } = rank(candidates, ballots);
    expect(ranking.map((r) => [r.id, r.votes, r.rank, r.proposed])).toEqual([
      ['a', 5, 1, true],
      ['b', 4, 2, true],
      ['c', 3, 3, true],
      ['d', 3, 3, true],
      ['e', 3, 3, true],
      ['f', 3, 3, true],
      ['g', 3, 3, true],
      ['h', 1, 8, true],
      ['i', 1, 8, true],
      ['j', 0, 10, false],
    ]);
    expect(tieAtCut).toBe(true);
    expect(ranking[0]!.paperVotes).toBe(1);
  });

  it('opens a round, takes one ballot per resident and paper votes, closes and publishes the menu', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    const round = ok(
      await h.staff<Round>('survey.open', {
        community: 'jinse',
        title: '明年的八点伴服务',
        maxChoices: 3,
        closesOn: '2026-12-09',
        proposals: [{ name: '手机使用课', kind: 'drop-in', description: '教老人用手机' }],
      }),
    );
    expect(round.ranking).toHaveLength(9);
    const phone = round.ranking.find((c) => c.name === '手机使用课')!;
    const vote = (userId: string, choices: string[]) =>
      h.as(userId)<Round>('survey.vote', { roundId: round.id, choices });
    expect(await vote('u1', ['health', 'library', 'repair', 'mending'])).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '每人最多选 3 项' },
    });
    ok(await vote('u1', ['health', 'library']));
    // Changing one's mind replaces the ballot.
    const changed = ok(await vote('u1', ['health', phone.id]));
    expect(changed.mine).toEqual(['health', phone.id]);
    expect(changed.voters).toBe(1);
    ok(await vote('u2', [phone.id]));
    const paper = {
      roundId: round.id,
      choices: [phone.id, 'paperwork'],
      copies: 3,
      requestId: 'paper-stack-01',
    };
    ok(await h.staff('survey.paper', paper));
    const again = ok(await h.staff<Round>('survey.paper', paper));
    expect(again.voters).toBe(5);
    expect(again.ranking[0]).toMatchObject({ id: phone.id, votes: 5, paperVotes: 3, rank: 1 });
    expect(
      ok(await h.as(null)<Round | null>('survey.current', { community: 'jinse' }))?.voters,
    ).toBe(5);

    expect(await h.staff('survey.publish', { roundId: round.id, menu: ['health'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '请先结束投票，再发布菜单' },
    });
    ok(await h.staff('survey.close', { roundId: round.id }));
    expect(await vote('u3', ['health'])).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    const menu = [
      phone.id,
      'paperwork',
      'health',
      'library',
      'repair',
      'mending',
      'physio',
      'culture',
    ];
    const published = ok(await h.staff<Round>('survey.publish', { roundId: round.id, menu }));
    expect(published).toMatchObject({ status: 'published', menu });
    const tonight = ok(await h.as(null)<Tonight>('community.tonight', { community: 'jinse' }));
    expect(tonight.services.map((s) => s.name)).toEqual([
      '手机使用课',
      '政务服务',
      '健康检测',
      '图书阅览',
      '家电维修',
      '便民缝补',
      '康复理疗',
      '文体活动',
    ]);
  });
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
      served: 2,
      tickets: 3,
      bookings: 0,
      noShows: 1,
      waitMedian: 20,
      waitP90: 24,
      serviceMedian: 5,
      unitCost: 12.5,
      cost: 25,
    });
    expect(row('paperwork')).toMatchObject({
      served: 1,
      bookings: 2,
      noShows: 1,
      satisfaction: { satisfied: 1, mostly: 0, unsatisfied: 0 },
      suggestions: { received: 1, answered: 1 },
      cost: 20,
    });
    expect(row('activity')).toMatchObject({ served: 1, attendance: 1, cost: null });
    expect(report.totals).toEqual({ served: 4, cost: 45 });
    expect(report.previous).toMatchObject({ date: '2026-11-25', served: 0 });

    const summary = ok(
      await h.staff<ReportCsv>('report.csv', {
        community: 'jinse',
        date: '2026-12-02',
        kind: 'summary',
      }),
    );
    expect(summary.filename).toBe('金色里程社区-2026-12-02-服务汇总.csv');
    expect(summary.csv.startsWith('\uFEFF服务,服务人数,取号,预约,未到')).toBe(true);
    expect(summary.csv).toContain('\r\n健康检测,2,3,0,1,20,24,5,0,0,0,0,0,0,12.5,25,0\r\n');
    const visits = ok(
      await h.staff<ReportCsv>('report.csv', {
        community: 'jinse',
        date: '2026-12-02',
        kind: 'visits',
      }),
    );
    expect(visits.csv.trimEnd().split('\r\n')).toHaveLength(1 + 3 + 2 + 1);

    const overview = ok(await h.staff<Overview>('report.overview', { date: '2026-12-03' }));
    expect(overview.communities.find((c) => c.id === 'jinse')).toMatchObject({
      date: '2026-12-02',
      served: 4,
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

describe('伴 and 调休', () => {
  it('accrues comp time from evening shifts, approves leave, and assigns companions', async () => {
    h = await coreHarness('2026-12-02T16:00:00+08:00');
    const shift = ok(
      await h.staff<Shift>('roster.assign', {
        community: 'jinse',
        date: '2026-12-02',
        name: '李社工',
        start: '16:30',
        end: '20:00',
      }),
    );
    expect(
      await h.staff('roster.assign', {
        community: 'jinse',
        date: '2026-12-02',
        worker: 'not-staff',
        name: '路人',
        start: '17:00',
        end: '20:00',
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'worker' } });
    // 16:30 to 20:30: only the 210 minutes after 17:00 count.
    expect(
      ok(await h.staff<Shift>('roster.logEnd', { shiftId: shift.id, end: '20:30' })),
    ).toMatchObject({
      loggedEnd: '20:30',
      compMinutes: 210,
    });
    const next = ok(
      await h.staff<Shift>('roster.assign', {
        community: 'jinse',
        date: '2026-12-09',
        name: '李社工',
        start: '17:30',
        end: '20:00',
      }),
    );
    ok(await h.staff('roster.logEnd', { shiftId: next.id, end: '19:00' }));

    const leave = ok(
      await h.staff<LeaveRequest>('roster.requestLeave', {
        community: 'jinse',
        date: '2026-12-14',
        minutes: 240,
      }),
    );
    expect(
      await h.staff('roster.requestLeave', {
        community: 'jinse',
        date: '2026-12-15',
        minutes: 120,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '调休余额不足：可用 60 分钟' },
    });
    expect(ok(await h.staff<LeaveRequest[]>('roster.leave')).map((l) => l.id)).toEqual([leave.id]);
    ok(await h.staff('roster.decideLeave', { leaveId: leave.id, approve: true }));
    expect(
      await h.staff('roster.decideLeave', { leaveId: leave.id, approve: false }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    // A deaf resident asks for a companion; the worker on duty is assigned and sees it.
    const asked = ok(
      await h.as('u1')<CompanionRequest>('roster.requestCompanion', {
        community: 'jinse',
        about: '取号 A012',
        note: '听障，请用文字沟通',
        requestId: 'companion-u1-01',
      }),
    );
    expect(
      ok(
        await h.as('u1')<CompanionRequest>('roster.requestCompanion', {
          community: 'jinse',
          about: '取号 A012',
          requestId: 'companion-u1-01',
        }),
      ).id,
    ).toBe(asked.id);
    expect(
      await h.staff('roster.assignCompanion', { companionId: asked.id, worker: 'u9' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'worker' },
    });
    const assigned = ok(
      await h.staff<CompanionRequest>('roster.assignCompanion', {
        companionId: asked.id,
        worker: 'staff-1',
      }),
    );
    expect(assigned).toMatchObject({ status: 'assigned', workerName: '李社工' });
    // A booking on a coming evening files the request on that evening's roster.
    const later = ok(
      await h.as('u2')<CompanionRequest>('roster.requestCompanion', {
        community: 'jinse',
        date: '2026-12-09',
        about: '预约 政务服务 12月9日 19:00',
        requestId: 'companion-u2-01',
      }),
    );
    expect(later.date).toBe('2026-12-09');
    expect(
      await h.as('u2')('roster.requestCompanion', {
        community: 'jinse',
        date: '2026-12-01',
        about: '过去的预约',
        requestId: 'companion-u2-02',
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'date' } });
    const evening = ok(
      await h.staff<EveningRoster>('roster.evening', { community: 'jinse', date: '2026-12-02' }),
    );
    expect(evening.shifts.map((s) => s.name)).toEqual(['李社工']);

    const mine = ok(await h.staff<CompBalance>('roster.mine'));
    expect(mine).toMatchObject({
      accruedMinutes: 300,
      takenMinutes: 240,
      pendingMinutes: 0,
      balanceMinutes: 60,
    });
    expect(mine.companions.map((c) => c.note)).toEqual(['听障，请用文字沟通']);
  });
});
