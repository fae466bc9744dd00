/** 居民点单, 社区买单, 伴 and 调休, through dispatch, on a real SQLite file. */
import type { Booking, BookingList } from '../../../contract/booking';
import type { Tonight } from '../../../contract/community';
import type { Notice } from '../../../contract/notice';
import type { EveningReport, Overview, ReportCsv } from '../../../contract/report';
import type {
  CompanionRequest,
  CompBalance,
  EveningRoster,
  LeaveRequest,
  MyCompanion,
  Shift,
} from '../../../contract/roster';
import type { Round } from '../../../contract/survey';
import type { QueueDesk, Ticket } from '../../../contract/queue';
import type { Invite, StaffMember } from '../../../contract/staff';
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
    // Before any vote, nine candidates do not "tie for first": nothing is proposed yet.
    const empty = rank(candidates.slice(0, 9), []);
    expect(empty.tieAtCut).toBe(false);
    expect(empty.ranking.filter((r) => r.proposed)).toEqual([]);
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

describe('伴 and 调休', () => {
  /** Makes `userId` staff of jinse through an invite, as a real colleague becomes one. */
  const colleague = async (userId: string, name?: string) => {
    const invite = ok(await h.staff<Invite>('staff.invite', { community: 'jinse' }));
    ok(await h.as(userId)('staff.redeem', { code: invite.code }));
    if (name) ok(await h.as(userId)('staff.setName', { name }));
  };

  it('accrues comp time only for time already worked, and approves leave', async () => {
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
    // 18:53: a planned 20:30 cannot be banked yet, nor can tonight's planned 20:00.
    h.clock.set('2026-12-02T18:53:00+08:00');
    for (const end of ['20:30', '20:00']) {
      expect(await h.staff('roster.logEnd', { shiftId: shift.id, end })).toMatchObject({
        ok: false,
        error: {
          code: 'BAD_INPUT',
          field: 'end',
          message: '现在才 18:53，不能登记以后的下班时间：调休只算已经工作的时间，请下班后再登记',
        },
      });
    }
    expect(await h.staff('roster.logEnd', { shiftId: shift.id, end: '16:00' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'end', message: '下班时间要晚于上班时间' },
    });
    // Leaving early is loggable as soon as it happened.
    expect(
      ok(await h.staff<Shift>('roster.logEnd', { shiftId: shift.id, end: '18:50' })),
    ).toMatchObject({ loggedEnd: '18:50', compMinutes: 110 });
    // 16:30 to 20:30, logged after: only the 210 minutes after 17:00 count.
    h.clock.set('2026-12-02T20:31:00+08:00');
    expect(
      ok(await h.staff<Shift>('roster.logEnd', { shiftId: shift.id, end: '20:30' })),
    ).toMatchObject({ loggedEnd: '20:30', compMinutes: 210 });
    const next = ok(
      await h.staff<Shift>('roster.assign', {
        community: 'jinse',
        date: '2026-12-09',
        name: '李社工',
        start: '17:30',
        end: '20:00',
      }),
    );
    expect(await h.staff('roster.logEnd', { shiftId: next.id, end: '19:00' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'end', message: expect.stringContaining('这一晚还没到') },
    });
    h.clock.set('2026-12-09T19:00:00+08:00');
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
    const mine = ok(await h.staff<CompBalance>('roster.mine'));
    expect(mine).toMatchObject({
      accruedMinutes: 300,
      takenMinutes: 240,
      pendingMinutes: 0,
      balanceMinutes: 60,
    });
  });

  it('rosters colleagues picked by name from the staff directory', async () => {
    h = await coreHarness('2026-12-02T16:00:00+08:00');
    await colleague('w-wang', '王社工');
    await colleague('w-li');
    ok(await h.staff('staff.setName', { name: '  张站长 ' }));
    expect(await h.as('u1')('staff.setName', { name: '居民' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有社工可以设置称呼' },
    });
    expect(await h.as('w-li')('staff.directory', { community: 'huchi' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const directory = ok(
      await h.as('w-li')<StaffMember[]>('staff.directory', { community: 'jinse' }),
    );
    expect(directory).toEqual([
      { userId: 'w-wang', name: '王社工', named: true },
      { userId: 'staff-1', name: '张站长', named: true },
      { userId: 'w-li', name: '社工（尾号 w-li）', named: false },
    ]);
    // No name typed: the roster shows the directory's.
    const shift = ok(
      await h.as('w-li')<Shift>('roster.assign', {
        community: 'jinse',
        date: '2026-12-02',
        worker: 'w-wang',
        start: '17:00',
        end: '20:00',
      }),
    );
    expect(shift).toMatchObject({ worker: 'w-wang', name: '王社工' });
    expect(
      await h.staff('roster.assign', {
        community: 'jinse',
        date: '2026-12-02',
        worker: 'u1',
        start: '17:00',
        end: '20:00',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'worker', message: '只能给本社区的社工排班' },
    });
  });

  it('keeps one companion request per ticket, shows it at the desk and to the resident', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    await colleague('w-li', '李社工');
    const ticket = ok(
      await h.as('u1')<Ticket>('queue.join', {
        community: 'jinse',
        queue: 'health',
        requestId: 'join-u1-companion',
      }),
    );
    const ask = (note?: string, user = 'u1') =>
      h.as(user)<MyCompanion>('roster.requestCompanion', {
        kind: 'ticket',
        ref: ticket.id,
        ...(note ? { note } : {}),
      });
    const asked = ok(await ask('听障，请用文字沟通'));
    expect(asked).toEqual({
      id: asked.id,
      kind: 'ticket',
      ref: ticket.id,
      about: `取号 ${ticket.label} 健康检测`,
      note: '听障，请用文字沟通',
      status: 'waiting',
      workerName: null,
    });
    // A second tap (after a reload, another note) is the same request: nothing new.
    expect(ok(await ask('再点一次'))).toEqual(asked);
    expect(await ask(undefined, 'u2')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const roster = ok(
      await h.staff<EveningRoster>('roster.evening', { community: 'jinse', date: '2026-12-02' }),
    );
    expect(roster.companions).toHaveLength(1);
    expect(roster.companions[0]).toMatchObject({ kind: 'ticket', ref: ticket.id });

    // The desk calling her sees the need on her row, and in the call's answer.
    const called = ok(
      await h.staff<QueueDesk>('queue.callNext', { community: 'jinse', queue: 'health' }),
    );
    expect(called.tickets.find((t) => t.id === ticket.id)?.companion).toEqual({
      id: asked.id,
      status: 'waiting',
      note: '听障，请用文字沟通',
      workerName: null,
    });

    expect(
      await h.staff('roster.assignCompanion', { companionId: asked.id, worker: 'w-li' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'worker', message: '请先把这位社工排进这一晚的值班' },
    });
    ok(
      await h.staff('roster.assign', {
        community: 'jinse',
        date: '2026-12-02',
        worker: 'w-li',
        start: '16:30',
        end: '20:00',
      }),
    );
    expect(
      ok(
        await h.staff<CompanionRequest>('roster.assignCompanion', {
          companionId: asked.id,
          worker: 'w-li',
        }),
      ),
    ).toMatchObject({ status: 'assigned', worker: 'w-li', workerName: '李社工' });
    const desk = ok(
      await h.staff<QueueDesk>('queue.desk', { community: 'jinse', queue: 'health' }),
    );
    expect(desk.tickets.find((t) => t.id === ticket.id)?.companion).toMatchObject({
      status: 'assigned',
      workerName: '李社工',
    });
    // Her ticket, after a reload, shows who accompanies her; nobody else sees her request.
    const ref = { kind: 'ticket', ref: ticket.id };
    expect(ok(await h.as('u1')<MyCompanion>('roster.companionOf', ref))).toMatchObject({
      status: 'assigned',
      workerName: '李社工',
    });
    expect(ok(await h.as('u2')('roster.companionOf', ref))).toBeNull();
    expect(
      ok(await h.as('w-li')<CompBalance>('roster.mine')).companions.map((c) => c.about),
    ).toEqual([`取号 ${ticket.label} 健康检测`]);
    // The TV and the tonight page never carry it.
    const board = JSON.stringify(ok(await h.as(null)('queue.board', { community: 'jinse' })));
    expect(board).not.toContain('听障');

    // A ticket that is over takes no new request.
    const other = ok(
      await h.as('u3')<Ticket>('queue.join', {
        community: 'jinse',
        queue: 'library',
        requestId: 'join-u3-companion',
      }),
    );
    ok(await h.as('u3')('queue.cancel', { ticketId: other.id }));
    expect(
      await h.as('u3')('roster.requestCompanion', { kind: 'ticket', ref: other.id }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'ref' } });
  });

  it("files a booking's request on its evening, and erases the resident's note", async () => {
    h = await coreHarness('2026-12-02T12:00:00+08:00');
    const booking = ok(
      await h.as('u2')<Booking>('booking.book', {
        slotId: 'jinse_paperwork_20261209_1900',
        requestId: 'book-u2-companion',
      }),
    );
    const asked = ok(
      await h.as('u2')<MyCompanion>('roster.requestCompanion', {
        kind: 'booking',
        ref: booking.id,
        note: '坐轮椅',
      }),
    );
    expect(asked).toMatchObject({ about: '预约 政务服务 12月9日 19:00', status: 'waiting' });
    const later = ok(
      await h.staff<EveningRoster>('roster.evening', { community: 'jinse', date: '2026-12-09' }),
    );
    expect(later.companions.map((c) => [c.id, c.note])).toEqual([[asked.id, '坐轮椅']]);
    // The bookings desk sees the need on her row, and only there.
    const desk = ok(
      await h.staff<BookingList>('booking.list', { community: 'jinse', date: '2026-12-09' }),
    );
    expect(desk.bookings.map((b) => [b.id, b.companion])).toEqual([
      [booking.id, { id: asked.id, status: 'waiting', note: '坐轮椅', workerName: null }],
    ]);
    expect(
      await h.as('u1')('roster.requestCompanion', { kind: 'booking', ref: booking.id }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个预约' } });

    expect(ok(await h.as('u2')<{ erased: number }>('followup.erase')).erased).toBe(1);
    const erased = ok(
      await h.staff<EveningRoster>('roster.evening', { community: 'jinse', date: '2026-12-09' }),
    );
    // The need is forgotten; that someone asked stays for the evening's numbers.
    expect(erased.companions.map((c) => [c.id, c.note, c.about])).toEqual([
      [asked.id, '', '预约 政务服务 12月9日 19:00'],
    ]);
  });
});
