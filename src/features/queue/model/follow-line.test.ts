import { lineFixture, ticketFixture } from '@/test-utils/fixtures';
import type { LineState, Ticket } from '@/types/contract';
import { followLine, followTicket } from './follow-line';

// ticketFixture: B007 on jinse/library, 2026-11-25, waiting with 4 ahead (20 minutes).
// lineFixture: the same line at version 10, B003 at the desk, 4…8 waiting, 5 minutes each.
const line = (overrides: Partial<LineState> = {}) => lineFixture(overrides);
/** The line once B007 has left the waiting order (called, missed or gone). */
const without7 = (overrides: Partial<LineState> = {}) =>
  lineFixture({ waitingNumbers: [8], ...overrides });
const waiting = (overrides: Partial<Ticket> = {}) => ticketFixture(overrides);
const called = (overrides: Partial<Ticket> = {}) =>
  ticketFixture({
    status: 'called',
    ahead: 0,
    estimatedWaitMinutes: null,
    calledAt: '2026-11-25T18:40:00+08:00',
    ...overrides,
  });
const missed = (overrides: Partial<Ticket> = {}) =>
  ticketFixture({
    status: 'missed',
    ahead: 0,
    estimatedWaitMinutes: null,
    calledAt: '2026-11-25T18:40:00+08:00',
    requeueUntil: '2026-11-25T18:52:00+08:00',
    requeueSecondsLeft: 540,
    ...overrides,
  });

describe('followTicket: my ticket from the line state alone', () => {
  it('is waiting at its index in the line, with the estimate the server would give', () => {
    const { ticket, refetch } = followTicket(
      waiting(),
      line({ waitingNumbers: [5, 7, 8], serviceMinutes: 4.3, version: 11 }),
    );
    expect(refetch).toBe(false);
    expect(ticket).toEqual(
      waiting({
        ahead: 1,
        // Math.ceil(1 × 4.3), as ticketView computes it.
        estimatedWaitMinutes: 5,
      }),
    );
    expect(
      followTicket(waiting(), line({ waitingNumbers: [4, 5, 6, 7], serviceMinutes: 4.3 })).ticket
        .estimatedWaitMinutes,
    ).toBe(13);
  });

  it('says 0 ahead and 0 minutes at the head of the line', () => {
    const { ticket } = followTicket(waiting(), line({ waitingNumbers: [7, 8] }));
    expect(ticket.ahead).toBe(0);
    expect(ticket.estimatedWaitMinutes).toBe(0);
  });

  it('returns the very same ticket when the line changes nothing for it', () => {
    const mine = waiting();
    // B007 fifth in line, 5 minutes each: 4 ahead and 20 minutes, as the fixture already says.
    const same = line({ waitingNumbers: [3, 4, 5, 6, 7, 8], calledNumbers: [], version: 12 });
    const { ticket, refetch } = followTicket(mine, same);
    expect(ticket).toBe(mine);
    expect(refetch).toBe(false);
  });

  it('is called when its number is at the desk, with the line’s call time when it is the newest call', () => {
    const { ticket, refetch } = followTicket(
      waiting(),
      line({
        waitingNumbers: [8],
        calledNumbers: [7, 6],
        nowCalling: 'B007',
        nowCallingAt: '2026-11-25T18:41:00+08:00',
      }),
    );
    expect(refetch).toBe(false);
    expect(ticket).toEqual(
      waiting({
        status: 'called',
        ahead: 0,
        estimatedWaitMinutes: null,
        calledAt: '2026-11-25T18:41:00+08:00',
      }),
    );
  });

  it('keeps its own call time when another number was called after it', () => {
    const mine = called();
    const { ticket } = followTicket(
      mine,
      without7({
        calledNumbers: [9, 7],
        nowCalling: 'B009',
        nowCallingAt: '2026-11-25T18:45:00+08:00',
      }),
    );
    expect(ticket).toBe(mine);
  });

  it('takes a recall’s new call time, so the page calls again', () => {
    const { ticket } = followTicket(
      called(),
      without7({
        calledNumbers: [7],
        nowCalling: 'B007',
        nowCallingAt: '2026-11-25T18:44:00+08:00',
      }),
    );
    expect(ticket.status).toBe('called');
    expect(ticket.calledAt).toBe('2026-11-25T18:44:00+08:00');
  });

  it('is missed with the line’s deadline, and asks the server once for the seconds left', () => {
    const { ticket, refetch } = followTicket(
      called(),
      without7({
        calledNumbers: [],
        missed: [{ number: 7, requeueUntil: '2026-11-25T18:52:00+08:00' }],
      }),
    );
    expect(refetch).toBe(true);
    expect(ticket).toEqual(
      called({
        status: 'missed',
        requeueUntil: '2026-11-25T18:52:00+08:00',
        requeueSecondsLeft: null,
      }),
    );
  });

  it('keeps the seconds left it already knows for the same deadline, without asking', () => {
    const mine = missed();
    const { ticket, refetch } = followTicket(
      mine,
      without7({ version: 14, missed: [{ number: 7, requeueUntil: '2026-11-25T18:52:00+08:00' }] }),
    );
    expect(ticket).toBe(mine);
    expect(refetch).toBe(false);
  });

  it('asks again for a new deadline (missed a second time)', () => {
    const { ticket, refetch } = followTicket(
      missed(),
      without7({ missed: [{ number: 7, requeueUntil: '2026-11-25T19:05:00+08:00' }] }),
    );
    expect(ticket.requeueUntil).toBe('2026-11-25T19:05:00+08:00');
    expect(ticket.requeueSecondsLeft).toBeNull();
    expect(refetch).toBe(true);
  });

  it('is waiting again after a requeue, without the old deadline', () => {
    const { ticket, refetch } = followTicket(missed(), line({ waitingNumbers: [5, 6, 7, 8] }));
    expect(refetch).toBe(false);
    expect(ticket).toEqual(
      missed({
        status: 'waiting',
        ahead: 2,
        estimatedWaitMinutes: 10,
        calledAt: null,
        requeueUntil: null,
        requeueSecondsLeft: null,
      }),
    );
  });

  it('asks the server when my active ticket left the line (done or cancelled)', () => {
    const gone = line({ waitingNumbers: [8], calledNumbers: [6], missed: [] });
    for (const mine of [waiting(), called(), missed()]) {
      const { ticket, refetch } = followTicket(mine, gone);
      expect(ticket).toBe(mine);
      expect(refetch).toBe(true);
    }
  });

  it('does not ask about a ticket already over', () => {
    const gone = line({ waitingNumbers: [8], calledNumbers: [6] });
    const over = [
      ticketFixture({ status: 'done', ahead: 0, estimatedWaitMinutes: null }),
      ticketFixture({ status: 'cancelled', ahead: 0, estimatedWaitMinutes: null }),
      missed({ requeueUntil: null, requeueSecondsLeft: null }),
    ];
    for (const mine of over) {
      expect(followTicket(mine, gone)).toEqual({ ticket: mine, refetch: false });
    }
  });

  it('ignores another line, another community and another evening', () => {
    const mine = waiting();
    const others = [
      line({ queue: 'health', waitingNumbers: [7] }),
      line({ community: 'huchi', waitingNumbers: [7] }),
      line({ date: '2026-12-02', version: 1, waitingNumbers: [] }),
    ];
    for (const other of others) {
      expect(followTicket(mine, other)).toEqual({ ticket: mine, refetch: false });
    }
  });

  it('falls back to the server for a line state without the order (written before it existed)', () => {
    const old = { ...line() } as Partial<LineState>;
    delete old.waitingNumbers;
    delete old.calledNumbers;
    delete old.missed;
    const mine = waiting();
    expect(followTicket(mine, old as LineState)).toEqual({ ticket: mine, refetch: true });
  });
});

describe('followLine: all my tickets after a new line state', () => {
  const health = ticketFixture({
    id: 't-12',
    queue: 'health',
    queueName: '健康检测',
    number: 12,
    label: 'A012',
    ahead: 2,
    estimatedWaitMinutes: 10,
  });

  it('moves only the tickets on that line, and asks nothing when the line tells all', () => {
    const mine = [waiting(), health];
    const { tickets, refetch } = followLine(mine, line({ waitingNumbers: [6, 7], version: 11 }), {
      date: '2026-11-25',
      version: 10,
    });
    expect(refetch).toBe(false);
    expect(tickets[0]).toEqual(waiting({ ahead: 1, estimatedWaitMinutes: 5 }));
    expect(tickets[1]).toBe(health);
  });

  it('keeps the same array when nothing changed', () => {
    const mine = [health];
    expect(followLine(mine, line({ version: 11 })).tickets).toBe(mine);
  });

  it('ignores an older or repeated version of the line', () => {
    const mine = [waiting()];
    const seen = { date: '2026-11-25', version: 12 };
    for (const version of [11, 12]) {
      const { tickets, refetch } = followLine(mine, line({ version, waitingNumbers: [] }), seen);
      expect(tickets).toBe(mine);
      expect(refetch).toBe(false);
    }
  });

  it('asks the server when one of my tickets left the line', () => {
    const { tickets, refetch } = followLine(
      [waiting(), health],
      line({ version: 11, waitingNumbers: [8], calledNumbers: [] }),
    );
    expect(refetch).toBe(true);
    expect(tickets[0]).toEqual(waiting());
  });
});
