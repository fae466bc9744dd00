/** What erasing a resident leaves of each record: the erasedX rules, without a store. */
import { erasedBooking } from './booking/decisions';
import { forgettableUser } from './identity';
import { erasedSignUp } from './notice/decisions';
import type { BookingRecord, EveningRecord, SignUpRecord, TicketRecord, VoteRecord } from './ports';
import { erasedEvening, erasedTicket } from './queue/evening';
import { erasedVote } from './survey/rules';

const ticket = (fields: Partial<TicketRecord>): TicketRecord => ({
  id: 'K-1',
  community: 'c1',
  queue: 'library',
  date: '2026-12-02',
  number: 1,
  label: 'A001',
  status: 'done',
  userId: 'u1',
  note: '',
  requestId: 'req-1',
  sortKey: 1,
  createdAt: '2026-12-02T10:00:00.000Z',
  calledAt: '2026-12-02T10:05:00.000Z',
  missedAt: null,
  closedAt: '2026-12-02T10:10:00.000Z',
  serviceSeconds: 300,
  alerted: true,
  alertedAt: null,
  ...fields,
});

describe('erasing a resident', () => {
  it('leaves a ticket without owner, note or request id; its number and times stay', () => {
    expect(erasedTicket(ticket({ note: '红外套' }))).toEqual(
      ticket({ userId: null, note: '', requestId: null }),
    );
  });

  it("erases only the resident's tickets of an evening, and nothing when they hold none", () => {
    const evening = {
      community: 'c1',
      queue: 'library',
      date: '2026-12-02',
      key: 'K',
      setup: null,
      paused: false,
      lastNumber: 2,
      version: 3,
      tickets: [ticket({}), ticket({ id: 'K-2', number: 2, userId: 'u2' })],
    } satisfies EveningRecord;
    const next = erasedEvening(evening, 'u1');
    expect(next?.tickets.map((t) => t.userId)).toEqual([null, 'u2']);
    expect(next?.tickets[1]).toBe(evening.tickets[1]);
    expect(erasedEvening(evening, 'u9')).toBeNull();
  });

  it('leaves a booking without owner, 称呼 or phone; seat, code and status stay', () => {
    const booking = {
      id: 'b1',
      userId: 'u1',
      name: '王阿姨',
      phone: '13812345678',
      requestId: 'r-1',
      code: 'K7MP',
      status: 'confirmed',
    } as BookingRecord;
    expect(erasedBooking(booking)).toEqual({
      ...booking,
      userId: null,
      name: '',
      phone: null,
      requestId: 'erased:b1',
    });
  });

  it('leaves a sign-up without owner or name; status and attendance stay', () => {
    const signUp = {
      id: 's1',
      userId: 'u1',
      name: '3栋 王阿姨',
      requestId: 'r-1',
      status: 'signed',
      attendedAt: '2026-12-02T11:00:00.000Z',
    } as SignUpRecord;
    expect(erasedSignUp(signUp)).toEqual({
      ...signUp,
      userId: null,
      name: '',
      requestId: 'erased:s1',
    });
  });

  it('keeps a ballot’s choices under a key that does not name the voter', () => {
    const vote: VoteRecord = {
      roundId: 'r1',
      voterKey: 'u1',
      choices: ['library'],
      paper: false,
      updatedAt: '2026-12-02T10:00:00.000Z',
    };
    expect(erasedVote(vote, 'x9')).toEqual({ ...vote, voterKey: 'erased:x9' });
  });

  it('forgets a resident’s user record, never an admin’s or a staff member’s', () => {
    expect(forgettableUser({ id: 'u1', admin: false, staffOf: [] })).toBe(true);
    expect(forgettableUser({ id: 'a1', admin: true, staffOf: [] })).toBe(false);
    expect(forgettableUser({ id: 's1', admin: false, staffOf: ['c1'] })).toBe(false);
    expect(forgettableUser(null)).toBe(false);
  });
});
