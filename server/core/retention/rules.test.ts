import type {
  BookingRecord,
  CompanionRecord,
  EveningRecord,
  FollowUpRecord,
  SignUpRecord,
  SuggestionRecord,
  TicketRecord,
} from '../ports';
import { erasedTicket } from '../queue/evening';
import { erasedCompanion } from '../roster/rules';
import { erasedBooking } from '../booking/decisions';
import { erasedTask } from '../followup/rules';
import { erasedSignUp } from '../notice/decisions';
import { erasedSuggestion } from '../suggestion/rules';
import {
  cutoffInstant,
  pastRetention,
  RETENTION_DAYS,
  retainedBooking,
  retainedCompanion,
  retainedEvening,
  retainedSignUp,
  retainedSuggestion,
  retainedTask,
  retentionCutoff,
} from './rules';

// 2026-12-02 07:30 in Suzhou is still 2026-12-01 in UTC (and in Los Angeles, where CI runs).
const NOW = new Date('2026-12-01T23:30:00.000Z');
const CUTOFF = '2025-12-02';

const booking = (date: string, over: Partial<BookingRecord> = {}) =>
  ({
    id: 'b1',
    date,
    userId: 'u1',
    name: '王阿姨',
    phone: '13812345678',
    requestId: 'r1',
    status: 'completed',
    ...over,
  }) as BookingRecord;

describe('the retention rule', () => {
  it('keeps a year after the evening, counted in Asia/Shanghai', () => {
    expect(RETENTION_DAYS).toBe(365);
    expect(retentionCutoff(NOW)).toBe(CUTOFF);
    expect(retentionCutoff(NOW, 10)).toBe('2026-11-22');
    expect(cutoffInstant(CUTOFF)).toBe('2025-12-01T16:00:00.000Z');
  });

  it('an evening before the cutoff is past retention; the cutoff day itself is kept', () => {
    expect(pastRetention('2025-10-28', CUTOFF)).toBe(true);
    expect(pastRetention('2025-12-01', CUTOFF)).toBe(true);
    expect(pastRetention(CUTOFF, CUTOFF)).toBe(false);
    expect(pastRetention('2026-11-22', CUTOFF)).toBe(false);
  });

  it('applies erase’s own rule to an old booking, and nothing to a recent or anonymous one', () => {
    const old = booking('2025-10-28');
    expect(retainedBooking(old, CUTOFF)).toEqual(erasedBooking(old));
    expect(retainedBooking(booking('2026-11-22'), CUTOFF)).toBeNull();
    expect(retainedBooking(erasedBooking(old), CUTOFF)).toBeNull();
    // Staff-made: no user, but a 称呼 and a phone.
    const walkIn = booking('2025-10-28', { userId: null });
    expect(retainedBooking(walkIn, CUTOFF)).toMatchObject({ name: '', phone: null });
  });

  it('counts sign-ups and suggestions from the day they were made', () => {
    const s = {
      id: 's1',
      userId: 'u1',
      name: '甄测试',
      requestId: 'r',
      createdAt: '2025-12-01T15:59:59.000Z',
    } as SignUpRecord;
    expect(retainedSignUp(s, cutoffInstant(CUTOFF))).toEqual(erasedSignUp(s));
    const onCutoffDay = { ...s, createdAt: '2025-12-01T16:00:00.000Z' };
    expect(retainedSignUp(onCutoffDay, cutoffInstant(CUTOFF))).toBeNull();
    expect(retainedSignUp(erasedSignUp(s), cutoffInstant(CUTOFF))).toBeNull();

    const g = {
      id: 'g1',
      userId: null,
      name: '',
      photo: 'cloud://env/p.jpg',
      createdAt: '2025-01-01T00:00:00.000Z',
    } as SuggestionRecord;
    expect(retainedSuggestion(g, cutoffInstant(CUTOFF))).toEqual(erasedSuggestion(g));
    expect(retainedSuggestion(erasedSuggestion(g), cutoffInstant(CUTOFF))).toBeNull();
  });

  it('applies erasedCompanion to an old request still naming its resident', () => {
    const c = {
      id: 'k1',
      date: '2025-10-28',
      userId: 'u1',
      subject: 'ticket:t1',
      about: '取号 A012',
      note: '',
      worker: 'w1',
    } as CompanionRecord;
    expect(retainedCompanion(c, CUTOFF)).toEqual(erasedCompanion(c));
    expect(retainedCompanion({ ...c, worker: null }, CUTOFF)).toBe('delete');
    expect(retainedCompanion({ ...c, date: CUTOFF }, CUTOFF)).toBeNull();
    const erased = erasedCompanion(c);
    expect(erased !== 'delete' && retainedCompanion(erased, CUTOFF)).toBeNull();
  });

  it('clears an old task’s note even when nothing else names the resident', () => {
    const t = {
      id: 'f1',
      date: '2025-10-28',
      residentKey: 'u1',
      userId: 'u1',
      name: '',
      phone: null,
      result: { satisfaction: 'satisfied', solved: 'yes', note: '腿脚不便' },
    } as FollowUpRecord;
    expect(retainedTask(t, CUTOFF)).toEqual(erasedTask(t));
    const noted = { ...erasedTask(t), result: t.result };
    expect(retainedTask(noted, CUTOFF)).toEqual(erasedTask(noted));
    expect(retainedTask(erasedTask(t), CUTOFF)).toBeNull();
    expect(retainedTask({ ...t, date: CUTOFF }, CUTOFF)).toBeNull();
  });

  it('erases an old evening’s tickets that name someone; counts, times and recent evenings stay', () => {
    const ticket = (number: number, over: Partial<TicketRecord>) =>
      ({
        id: `k-${number}`,
        number,
        status: 'done',
        userId: null,
        note: '',
        requestId: null,
        calledAt: '2025-10-28T11:05:00.000Z',
        closedAt: '2025-10-28T11:15:00.000Z',
        serviceSeconds: 600,
        ...over,
      }) as TicketRecord;
    const evening = (date: string) =>
      ({
        community: 'c1',
        queue: 'q1',
        date,
        key: 'k',
        lastNumber: 4,
        tickets: [
          ticket(1, { userId: 'u1', requestId: 'r1', note: '腿脚不便' }),
          ticket(2, { note: '代办社保' }),
          ticket(3, {}),
          ticket(4, { userId: 'u2', status: 'missed' }),
        ],
      }) as EveningRecord;
    const old = evening('2025-10-28');
    const kept = retainedEvening(old, CUTOFF);
    expect(kept).toEqual({
      ...old,
      tickets: [
        erasedTicket(old.tickets[0]!),
        erasedTicket(old.tickets[1]!),
        old.tickets[2],
        erasedTicket(old.tickets[3]!),
      ],
    });
    expect(kept!.tickets.map((t) => [t.status, t.serviceSeconds, t.calledAt])).toEqual(
      old.tickets.map((t) => [t.status, t.serviceSeconds, t.calledAt]),
    );
    expect(retainedEvening(kept!, CUTOFF)).toBeNull();
    expect(retainedEvening(evening(CUTOFF), CUTOFF)).toBeNull();
  });
});
