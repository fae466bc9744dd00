/**
 * A community's calendar (#16) on every store: exceptions by date, and closing evenings (a
 * cancelled date, an archived community) cancelling their live bookings and activity sign-ups,
 * with the reason kept on each, in the same change. Wired into each store's contract test file.
 */
import type { CalendarDate } from '../../../contract/calendar';
import type {
  ActivityRecord,
  BookRequest,
  Closing,
  NoticeRecord,
  SignUpRequest,
  Store,
} from '../../core/ports';
import { sampleCommunity } from './store-contract';

const AT = new Date('2026-11-28T02:00:00.000Z');
const NOW = new Date('2026-11-30T02:00:00.000Z');

const CANCELLED: CalendarDate = {
  date: '2026-12-02',
  kind: 'cancelled',
  reason: '台风停课',
  opensAt: '17:00',
  closesAt: '20:00',
  added: false,
};
const EXTRA: CalendarDate = {
  date: '2026-12-03',
  kind: 'extra',
  reason: '',
  opensAt: '18:00',
  closesAt: '20:30',
  added: true,
};

const request = (userId: string, requestId: string, date = '2026-12-02'): BookRequest => ({
  slotId: `c1_paperwork_${date.replace(/-/g, '')}_1900`,
  community: 'c1',
  service: 'paperwork',
  date,
  startsAt: '19:00',
  userId,
  name: '',
  phone: null,
  requestId,
  seats: 1,
  waitlist: true,
  codes: [requestId.toUpperCase().replace(/[^A-Z0-9]/g, '')],
  now: AT,
});

/** Closing CANCELLED's date: every live booking of it, and the sign-ups of `activities`. */
const dateClosing = (activities: string[] = []): Closing => ({
  entry: CANCELLED,
  from: CANCELLED.date,
  to: CANCELLED.date,
  after: null,
  activities,
  reason: CANCELLED.reason,
  now: NOW,
});

const activity = (id: string, date: string): ActivityRecord => ({
  id,
  noticeId: 'n1',
  community: 'c1',
  name: `活动${id}`,
  date,
  startsAt: '18:30',
  endsAt: '19:30',
  place: '二楼活动室',
  capacity: 2,
  signUp: true,
  code: 'K7P2Q9',
  sort: id === 'a1' ? 0 : 1,
});

const notice: NoticeRecord = {
  id: 'n1',
  community: 'c1',
  week: '2026-11-30',
  title: '本周活动',
  body: '',
  cover: null,
  status: 'published',
  pinned: false,
  createdBy: 'staff-1',
  createdAt: AT.toISOString(),
  updatedAt: AT.toISOString(),
  publishedAt: AT.toISOString(),
  editedAt: null,
  activities: [activity('a1', '2026-12-02'), activity('a2', '2026-12-03')],
};

const signUp = (activityId: string, userId: string | null, requestId: string): SignUpRequest => ({
  activityId,
  community: 'c1',
  userId,
  name: userId ? '' : '李大爷',
  requestId,
  capacity: 2,
  now: AT,
});

export function describeCalendarContract(name: string, open: () => Promise<Store>): void {
  describe(`calendar contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      await store.communities.save(sampleCommunity('c1'));
      await store.communities.save(sampleCommunity('c2'));
    });
    afterEach(async () => {
      await store?.close();
    });

    it('keeps one exception per date, listed by date within the window', async () => {
      await store.calendar.save('c1', EXTRA);
      await store.calendar.save('c1', { ...EXTRA, date: '2027-03-01' });
      await store.calendar.save('c2', { ...EXTRA, date: '2026-12-04' });
      await store.calendar.close('c1', dateClosing());
      expect(await store.calendar.list('c1', '2026-12-01', '2026-12-31')).toEqual([
        CANCELLED,
        EXTRA,
      ]);
      expect(await store.calendar.list('c1', '2026-12-03', '2026-12-03')).toEqual([EXTRA]);
      // Saving the same date again replaces its entry.
      await store.calendar.save('c1', { ...EXTRA, opensAt: '19:00' });
      expect(await store.calendar.list('c1', '2026-12-03', '2026-12-03')).toEqual([
        { ...EXTRA, opensAt: '19:00' },
      ]);
      expect(await store.calendar.remove('c1', '2026-12-03')).toBe(true);
      expect(await store.calendar.remove('c1', '2026-12-03')).toBe(false);
      expect(await store.calendar.list('c1', '2026-12-01', '2026-12-31')).toEqual([CANCELLED]);
      expect(await store.calendar.list('c2', '2026-12-01', '2026-12-31')).toHaveLength(1);
    });

    it('lists what was just saved, closed and removed, each answer a copy', async () => {
      const december = () => store.calendar.list('c1', '2026-12-01', '2026-12-31');
      expect(await december()).toEqual([]);
      await store.calendar.save('c1', EXTRA);
      const listed = await december();
      expect(listed).toEqual([EXTRA]);
      listed[0]!.reason = '改过';
      listed.push(CANCELLED);
      expect(await december()).toEqual([EXTRA]);
      await store.calendar.close('c1', dateClosing());
      expect(await december()).toEqual([CANCELLED, EXTRA]);
      expect(await store.calendar.remove('c1', EXTRA.date)).toBe(true);
      expect(await december()).toEqual([CANCELLED]);
    });

    it("cancelling a date cancels that date's live bookings, and only those", async () => {
      const seated = await store.bookings.book(request('u1', 'r-1'));
      const waiting = await store.bookings.book(request('u2', 'r-2'));
      const other = await store.bookings.book(request('u3', 'r-3', '2026-12-09'));
      const gone = await store.bookings.book(request('u4', 'r-4'));
      if (gone.kind !== 'created') throw new Error('expected a booking');
      await store.bookings.cancel(gone.booking.id, ['waitlisted'], AT);
      expect([seated.kind, waiting.kind, other.kind]).toEqual(['created', 'created', 'created']);

      const closed = await store.calendar.close('c1', dateClosing());
      const cancelled = closed.bookings;
      expect(closed.signUps).toEqual([]);
      expect(cancelled.map((b) => b.userId).sort()).toEqual(['u1', 'u2']);
      expect(cancelled.every((b) => b.status === 'cancelled')).toBe(true);
      expect(cancelled.every((b) => b.closedAt === NOW.toISOString())).toBe(true);
      expect(cancelled.every((b) => b.cancelledReason === '台风停课')).toBe(true);
      // What the store returns is what it keeps; a resident's own cancel keeps no reason.
      for (const b of cancelled) expect(await store.bookings.getBooking(b.id)).toEqual(b);
      expect((await store.bookings.getBooking(gone.booking.id))?.cancelledReason).toBeNull();

      const day = await store.bookings.listForDate('c1', '2026-12-02');
      // Made in one instant: ordered by id, which differs between stores.
      expect(day.map((b) => [b.userId, b.status]).sort()).toEqual([
        ['u1', 'cancelled'],
        ['u2', 'cancelled'],
        ['u4', 'cancelled'],
      ]);
      // Nobody was promoted into the freed seat, and the slot counts no seat taken.
      expect(await store.bookings.slotCounts('c1', 'paperwork', '2026-12-02')).toEqual([
        { slotId: 'c1_paperwork_20261202_1900', taken: 0, waitlisted: 0 },
      ]);
      // Another date keeps its booking.
      expect((await store.bookings.listForDate('c1', '2026-12-09'))[0]?.status).toBe('confirmed');
      expect(await store.calendar.list('c1', '2026-12-02', '2026-12-02')).toEqual([CANCELLED]);
      // Restored, the date's seat is free again (no holder left behind).
      await store.calendar.remove('c1', '2026-12-02');
      expect((await store.bookings.book(request('u1', 'r-5'))).kind).toBe('created');
    });

    it("cancels the named activities' live sign-ups with the reason, not those checked in", async () => {
      await store.notices.save(notice);
      const made = [
        await store.notices.signUp(signUp('a1', 'u1', 'r-1')),
        await store.notices.signUp(signUp('a1', 'u2', 'r-2')),
        await store.notices.signUp(signUp('a1', 'u5', 'r-5')),
        await store.notices.signUp(signUp('a2', 'u3', 'r-3')),
      ];
      expect(made.map((m) => m.kind === 'created' && m.signUp.status)).toEqual([
        'signed',
        'signed',
        'waitlisted',
        'signed',
      ]);
      // u1 cancels: u5 gets the place; u2 came and checked in; u6 waits.
      await store.notices.cancelSignUp('a1', 'u1', AT);
      const came = await store.notices.checkIn({ ...signUp('a1', 'u2', 'r-7'), by: 'staff' });
      expect(came.kind).toBe('checked-in');
      expect((await store.notices.signUp(signUp('a1', 'u6', 'r-6'))).kind).toBe('created');

      const closed = await store.calendar.close('c1', dateClosing(['a1']));
      expect(closed.signUps.map((s) => [s.userId, s.status, s.cancelledReason]).sort()).toEqual([
        ['u5', 'cancelled', '台风停课'],
        ['u6', 'cancelled', '台风停课'],
      ]);
      // Kept as returned; nobody was promoted; the other date's activity keeps its sign-up.
      for (const s of closed.signUps) expect(await store.notices.getSignUp(s.id)).toEqual(s);
      expect(await store.notices.counts(['a1', 'a2'])).toEqual([
        { activityId: 'a1', signed: 1, waitlisted: 0, attended: 1 },
        { activityId: 'a2', signed: 1, waitlisted: 0, attended: 0 },
      ]);
      expect((await store.notices.signUpOf('a1', 'u1'))?.cancelledReason).toBeNull();

      // Repeating the close changes nothing and returns nothing new.
      expect(await store.calendar.close('c1', dateClosing(['a1']))).toEqual({
        bookings: [],
        signUps: [],
      });
      // The activity takes sign-ups again once the date is restored (the core decides when).
      expect((await store.notices.signUp(signUp('a1', 'u5', 'r-8'))).kind).toBe('created');
    });

    it('refuses a booking, a move and a sign-up on a cancelled date in its own transaction', async () => {
      // The service checks the calendar first; these calls skip that check, as a request does
      // whose check ran before the cancellation committed.
      await store.notices.save(notice);
      const moving = await store.bookings.book(request('u2', 'r-2', '2026-12-09'));
      if (moving.kind !== 'created') throw new Error('expected a booking');
      await store.calendar.close('c1', dateClosing(['a1']));
      const closed = { kind: 'closed', reason: '台风停课' };

      expect(await store.bookings.book(request('u1', 'r-1'))).toEqual(closed);
      expect(
        await store.bookings.book({
          ...request('u3', 'r-3'),
          caps: { perEvening: 2, open: 3, from: '2026-11-28' },
        }),
      ).toEqual(closed);
      expect(await store.bookings.reschedule(moving.booking.id, request('u2', 'r-4'))).toEqual(
        closed,
      );
      const dated = { ...signUp('a1', 'u1', 'r-5'), date: '2026-12-02' };
      expect(await store.notices.signUp(dated)).toEqual(closed);

      // Nothing was written: no booking on the date, the moved one kept, no sign-up.
      expect(await store.bookings.listForDate('c1', '2026-12-02')).toEqual([]);
      expect(await store.bookings.getBooking(moving.booking.id)).toEqual(moving.booking);
      expect(await store.notices.signUpOf('a1', 'u1')).toBeNull();
      // A retry of a request that committed before is answered as it was; another date books.
      expect((await store.bookings.book(request('u2', 'r-2', '2026-12-09'))).kind).toBe('existing');
      expect((await store.bookings.book(request('u5', 'r-6', '2026-12-16'))).kind).toBe('created');
      // An extra evening is no cancellation.
      await store.calendar.save('c1', EXTRA);
      const extra = { ...signUp('a2', 'u1', 'r-7'), date: EXTRA.date };
      expect((await store.notices.signUp(extra)).kind).toBe('created');
      expect((await store.bookings.book(request('u1', 'r-8', EXTRA.date))).kind).toBe('created');
    });

    it('an archive closing keeps what started before its instant and cancels the rest', async () => {
      const early = await store.bookings.book({
        ...request('u1', 'r-1'),
        slotId: 'c1_paperwork_20261202_1700',
        startsAt: '17:00',
      });
      const later = await store.bookings.book(request('u2', 'r-2'));
      const next = await store.bookings.book(request('u3', 'r-3', '2026-12-09'));
      const before = await store.bookings.book(request('u4', 'r-4', '2026-11-30'));
      const closed = await store.calendar.close('c1', {
        entry: null,
        from: '2026-12-02',
        to: null,
        after: '2026-12-02T18:00',
        activities: [],
        reason: '本社区已停止八点伴服务',
        now: NOW,
      });
      const id = (o: typeof early) => (o.kind === 'created' ? o.booking.id : '');
      expect(closed.bookings.map((b) => b.id).sort()).toEqual([id(later), id(next)].sort());
      expect((await store.bookings.getBooking(id(early)))?.status).toBe('confirmed');
      expect((await store.bookings.getBooking(id(before)))?.status).toBe('confirmed');
      expect((await store.bookings.getBooking(id(next)))?.cancelledReason).toBe(
        '本社区已停止八点伴服务',
      );
      // No calendar entry is written by an archive.
      expect(await store.calendar.list('c1', '2026-11-01', '2027-01-31')).toEqual([]);
    });
  });
}
