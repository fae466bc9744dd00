import type { CalendarDate } from '../../../contract/calendar';
import { bookableDates, eveningOn } from '../booking/slots';
import { lastEvening } from '../report/rules';
import { cancelledAhead, eveningStatus, nextOpening, type Calendar } from '../kernel/schedule';
import { isoLocal } from '../kernel/time';
import type { ActivityRecord, BookingRecord, SignUpRecord } from '../ports';
import { lineHours } from '../queue/lines';
import {
  ARCHIVED_REASON,
  archiveClosing,
  assertNotCancelled,
  calendarView,
  dateClosing,
  decideCloseBookings,
  decideCloseSignUps,
  decideAddEvening,
  decideCancelDate,
  decideRemoveEvening,
  decideRestore,
  reasonOf,
} from './calendar';

// Wednesdays 17:00–20:00. 2026-12-09 (a Wednesday) is cancelled; Friday 2026-12-11 is extra.
const WEDNESDAY = [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }];
const CANCELLED: CalendarDate = {
  date: '2026-12-09',
  kind: 'cancelled',
  reason: '台风停课',
  opensAt: '17:00',
  closesAt: '20:00',
  added: false,
};
const EXTRA: CalendarDate = {
  date: '2026-12-11',
  kind: 'extra',
  reason: '',
  opensAt: '18:00',
  closesAt: '20:30',
  added: true,
};
const calendar: Calendar = { evenings: WEDNESDAY, dates: [CANCELLED, EXTRA] };
const at = (iso: string) => new Date(iso);

describe('the calendar decides what a date is, without a store', () => {
  it('a cancelled Wednesday is no service evening and says why', () => {
    const status = eveningStatus(calendar, at('2026-12-09T18:00:00+08:00'));
    expect(status).toMatchObject({ serviceEvening: false, open: false, cancelled: '台风停课' });
    // The next opening skips it and finds the extra Friday.
    expect(isoLocal(status.nextOpening!)).toBe('2026-12-11T18:00:00+08:00');
    expect(status).toMatchObject({ opensAt: '18:00', closesAt: '20:30' });
  });

  it('an extra Friday is an ordinary evening with its own hours', () => {
    expect(eveningStatus(calendar, at('2026-12-11T18:30:00+08:00'))).toMatchObject({
      serviceEvening: true,
      open: true,
      opensAt: '18:00',
      closesAt: '20:30',
      cancelled: null,
    });
    expect(eveningStatus(calendar, at('2026-12-11T20:30:00+08:00')).open).toBe(false);
  });

  it('the next opening from the Monday before skips the cancelled date', () => {
    const monday = at('2026-12-07T10:00:00+08:00');
    expect(isoLocal(nextOpening(calendar, monday)!)).toBe('2026-12-11T18:00:00+08:00');
    expect(cancelledAhead(calendar, monday)).toEqual([{ date: '2026-12-09', reason: '台风停课' }]);
    // Without the extra evening it is the Wednesday after.
    const weekly = { evenings: WEDNESDAY, dates: [CANCELLED] };
    expect(isoLocal(nextOpening(weekly, monday)!)).toBe('2026-12-16T17:00:00+08:00');
    // A bare list of evenings still works (no exceptions).
    expect(isoLocal(nextOpening(WEDNESDAY, monday)!)).toBe('2026-12-09T17:00:00+08:00');
  });

  it('finds the next opening past several cancelled weeks', () => {
    const dates = ['2026-12-09', '2026-12-16', '2026-12-23'].map((date) => ({
      ...CANCELLED,
      date,
    }));
    const next = nextOpening({ evenings: WEDNESDAY, dates }, at('2026-12-07T10:00:00+08:00'));
    expect(isoLocal(next!)).toBe('2026-12-30T17:00:00+08:00');
  });

  it('bookings: the cancelled date is refused with its reason, the extra one is bookable', () => {
    const monday = at('2026-12-07T10:00:00+08:00');
    expect(bookableDates(calendar, monday)).toEqual([
      '2026-12-11',
      '2026-12-16',
      '2026-12-23',
      '2026-12-30',
    ]);
    expect(() => eveningOn(calendar, '2026-12-09', monday)).toThrow('暂停开放：台风停课');
    expect(eveningOn(calendar, '2026-12-11', monday)).toEqual({
      opensAt: '18:00',
      closesAt: '20:30',
    });
    // A service running on Wednesdays only keeps to them: four Wednesdays, not the cancelled one.
    expect(bookableDates(calendar, monday, [3])).toEqual([
      '2026-12-16',
      '2026-12-23',
      '2026-12-30',
      '2027-01-06',
    ]);
  });

  it('reports: the last evening skips a cancelled one and counts an extra one', () => {
    expect(lastEvening(calendar, '2026-12-10')).toBe('2026-12-02');
    expect(lastEvening(calendar, '2026-12-12')).toBe('2026-12-11');
  });

  it('the staff calendar lists weekly and extra evenings with the cancelled ones', () => {
    const view = calendarView('jinse', calendar, at('2026-12-07T10:00:00+08:00'));
    expect(view.evenings.slice(0, 3)).toEqual([
      {
        date: '2026-12-09',
        weekday: 3,
        opensAt: '17:00',
        closesAt: '20:00',
        source: 'weekly',
        cancelled: true,
        reason: '台风停课',
      },
      {
        date: '2026-12-11',
        weekday: 5,
        opensAt: '18:00',
        closesAt: '20:30',
        source: 'extra',
        cancelled: false,
        reason: '',
      },
      {
        date: '2026-12-16',
        weekday: 3,
        opensAt: '17:00',
        closesAt: '20:00',
        source: 'weekly',
        cancelled: false,
        reason: '',
      },
    ]);
    expect(view.evenings).toHaveLength(8 + 1);
  });
});

describe('calendar changes staff make', () => {
  it('cancel: only a service evening not cancelled yet, with a reason', () => {
    const plain = { evenings: WEDNESDAY, dates: [] };
    expect(decideCancelDate(plain, '2026-12-16', '国庆假期')).toEqual({
      ...CANCELLED,
      date: '2026-12-16',
      reason: '国庆假期',
    });
    expect(decideCancelDate(calendar, '2026-12-11', '停电')).toMatchObject({
      kind: 'cancelled',
      opensAt: '18:00',
      added: true,
    });
    expect(() => decideCancelDate(calendar, '2026-12-09', '再次')).toThrow('已经暂停开放');
    expect(() => decideCancelDate(calendar, '2026-12-10', '周四')).toThrow('不是服务夜');
    expect(() => reasonOf('  ')).toThrow('请填写暂停开放的原因');
    expect(() => reasonOf('台'.repeat(61))).toThrow('最多 60 个字');
    expect(reasonOf(' 台风 ')).toBe('台风');
  });

  it('restore: a weekly date loses its exception, a cancelled extra one is extra again', () => {
    expect(decideRestore(calendar, '2026-12-09')).toEqual({ remove: true });
    const cancelledExtra = { ...EXTRA, kind: 'cancelled' as const, reason: '停电' };
    expect(decideRestore({ evenings: WEDNESDAY, dates: [cancelledExtra] }, EXTRA.date)).toEqual({
      save: EXTRA,
    });
    expect(() => decideRestore(calendar, '2026-12-16')).toThrow('没有暂停开放');
  });

  it('add and remove an extra evening', () => {
    expect(decideAddEvening(calendar, '2026-12-12', '09:00', '11:00')).toMatchObject({
      kind: 'extra',
      added: true,
    });
    expect(() => decideAddEvening(calendar, '2026-12-16', '18:00', '20:00')).toThrow(
      '已经是服务夜',
    );
    expect(() => decideAddEvening(calendar, '2026-12-09', '18:00', '20:00')).toThrow('请先恢复');
    expect(() => decideAddEvening(calendar, '2026-12-12', '20:00', '18:00')).toThrow(
      '至少晚 30 分钟',
    );
    expect(() => decideRemoveEvening(calendar, '2026-12-11', 0)).not.toThrow();
    expect(() => decideRemoveEvening(calendar, '2026-12-11', 2)).toThrow('已有 2 个预约');
    expect(() => decideRemoveEvening(calendar, '2026-12-16', 0)).toThrow('不是加开的服务夜');
  });
});

describe('what closing evenings cancels (a cancelled date, an archived community)', () => {
  const NOW = at('2026-12-09T18:00:00+08:00');
  const booking = (id: string, date: string, startsAt: string, status = 'confirmed') =>
    ({ id, date, startsAt, status, closedAt: null, cancelledReason: null }) as BookingRecord;
  const signUp = (id: string, status: SignUpRecord['status'], attendedAt: string | null = null) =>
    ({ id, status, attendedAt, cancelledReason: null }) as SignUpRecord;
  const activity = (id: string, date: string, startsAt: string) =>
    ({ id, date, startsAt }) as ActivityRecord;

  it("a cancelled date closes every live booking of it and its activities' sign-ups", () => {
    const closing = dateClosing(
      CANCELLED,
      [activity('a1', '2026-12-09', '19:00'), activity('a2', '2026-12-10', '19:00')],
      NOW,
    );
    expect(closing).toMatchObject({ from: '2026-12-09', to: '2026-12-09', after: null });
    expect(closing.activities).toEqual(['a1']);
    const decided = decideCloseBookings(
      [
        booking('b1', '2026-12-09', '17:00'),
        booking('b2', '2026-12-09', '19:00', 'waitlisted'),
        booking('b3', '2026-12-09', '19:00', 'cancelled'),
        booking('b4', '2026-12-09', '17:30', 'checked-in'),
      ],
      closing,
    );
    expect(decided.map((d) => d.cancelled.id)).toEqual(['b1', 'b2']);
    expect(decided.every((d) => d.seatsFreed === 0)).toBe(true);
    expect(decided[0]!.cancelled).toMatchObject({
      status: 'cancelled',
      cancelledReason: '台风停课',
      closedAt: NOW.toISOString(),
    });
  });

  it('an archive closes what is still to come, from now on, and writes no calendar entry', () => {
    const closing = archiveClosing(
      [activity('a1', '2026-12-09', '17:30'), activity('a2', '2026-12-09', '19:00')],
      NOW,
    );
    expect(closing).toMatchObject({
      entry: null,
      from: '2026-12-09',
      to: null,
      after: '2026-12-09T18:00',
      reason: ARCHIVED_REASON,
    });
    expect(closing.activities).toEqual(['a2']);
    const decided = decideCloseBookings(
      [
        booking('b1', '2026-12-09', '17:30'),
        booking('b2', '2026-12-09', '18:00'),
        booking('b3', '2026-12-16', '17:00'),
      ],
      closing,
    );
    expect(decided.map((d) => [d.cancelled.id, d.cancelled.cancelledReason])).toEqual([
      ['b2', '本社区已停止八点伴服务'],
      ['b3', '本社区已停止八点伴服务'],
    ]);
  });

  it('sign-ups: the live ones not checked in are cancelled with the reason', () => {
    const closed = decideCloseSignUps(
      [
        signUp('s1', 'signed'),
        signUp('s2', 'waitlisted'),
        signUp('s3', 'cancelled'),
        signUp('s4', 'signed', '2026-12-09T10:00:00.000Z'),
      ],
      '台风停课',
    );
    expect(closed.map((s) => [s.id, s.status, s.cancelledReason])).toEqual([
      ['s1', 'cancelled', '台风停课'],
      ['s2', 'cancelled', '台风停课'],
    ]);
  });

  it('a sign-up on a cancelled date is refused with the reason; other dates are fine', () => {
    expect(() => assertNotCancelled(calendar, '2026-12-09')).toThrow(
      '12月9日（周三）暂停开放：台风停课，活动不再报名',
    );
    expect(() => assertNotCancelled(calendar, '2026-12-12')).not.toThrow();
    expect(() => assertNotCancelled(calendar, '2026-12-16')).not.toThrow();
  });

  it("an archived community's lines have no hours: no new number, whatever the evening", () => {
    const evening = { serviceEvening: true, opensAt: '17:00', closesAt: '20:00' };
    expect(lineHours(evening, { archivedAt: null })).toEqual({
      opensAt: '17:00',
      closesAt: '20:00',
    });
    expect(lineHours(evening, { archivedAt: NOW.toISOString() })).toEqual({
      opensAt: '',
      closesAt: '',
    });
    expect(lineHours({ ...evening, serviceEvening: false }, { archivedAt: null })).toEqual({
      opensAt: '',
      closesAt: '',
    });
  });
});
