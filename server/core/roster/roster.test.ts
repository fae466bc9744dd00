/** 伴 and 调休, through dispatch, on a real SQLite file. */
import type { Booking, BookingList } from '../../../contract/booking';
import type {
  CompanionRequest,
  CompBalance,
  EveningRoster,
  LeaveRequest,
  MyCompanion,
  Shift,
} from '../../../contract/roster';
import type { QueueDesk, Ticket } from '../../../contract/queue';
import type { Invite, StaffMember } from '../../../contract/staff';
import { coreHarness, ok } from '../../testing/core-harness';

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
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
    // A need is one short line: what the worker needs tonight, nothing more.
    expect(
      await h.as('u2')('roster.requestCompanion', {
        kind: 'booking',
        ref: booking.id,
        note: '听'.repeat(41),
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    // The booking and the request: nobody took the request up, so it only described her.
    expect(ok(await h.as('u2')<{ erased: number }>('followup.erase')).erased).toBe(2);
    const erased = ok(
      await h.staff<EveningRoster>('roster.evening', { community: 'jinse', date: '2026-12-09' }),
    );
    expect(erased.companions).toEqual([]);
  });

  it('keeps a need for its evening only: the morning job clears it, the request stays', async () => {
    h = await coreHarness('2026-12-02T12:00:00+08:00');
    const booking = ok(
      await h.as('u2')<Booking>('booking.book', {
        slotId: 'jinse_paperwork_20261202_1900',
        requestId: 'book-u2-morning',
      }),
    );
    const asked = ok(
      await h.as('u2')<MyCompanion>('roster.requestCompanion', {
        kind: 'booking',
        ref: booking.id,
        note: '坐轮椅',
      }),
    );
    ok(await h.staff('followup.run'));
    const tonight = async () =>
      ok(
        await h.staff<EveningRoster>('roster.evening', { community: 'jinse', date: '2026-12-02' }),
      );
    expect((await tonight()).companions.map((c) => c.note)).toEqual(['坐轮椅']);
    h.clock.set('2026-12-03T09:00:00+08:00');
    ok(await h.staff('followup.run'));
    expect((await tonight()).companions.map((c) => [c.id, c.note])).toEqual([[asked.id, '']]);
  });
});
