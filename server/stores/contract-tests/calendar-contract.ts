/**
 * A community's calendar (#16) on every store: exceptions by date, and a cancelled date cancelling
 * its live bookings in the same transaction. Wired into each store's contract test file.
 */
import type { CalendarDate } from '../../../contract/calendar';
import type { BookRequest, Store } from '../../core/ports';
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
      await store.calendar.cancel('c1', CANCELLED, NOW);
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

    it("cancelling a date cancels that date's live bookings, and only those", async () => {
      const seated = await store.bookings.book(request('u1', 'r-1'));
      const waiting = await store.bookings.book(request('u2', 'r-2'));
      const other = await store.bookings.book(request('u3', 'r-3', '2026-12-09'));
      const gone = await store.bookings.book(request('u4', 'r-4'));
      if (gone.kind !== 'created') throw new Error('expected a booking');
      await store.bookings.cancel(gone.booking.id, ['waitlisted'], AT);
      expect([seated.kind, waiting.kind, other.kind]).toEqual(['created', 'created', 'created']);

      const cancelled = await store.calendar.cancel('c1', CANCELLED, NOW);
      expect(cancelled.map((b) => b.userId).sort()).toEqual(['u1', 'u2']);
      expect(cancelled.every((b) => b.status === 'cancelled')).toBe(true);
      expect(cancelled.every((b) => b.closedAt === NOW.toISOString())).toBe(true);

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
      // The seat is free again for the slot's later bookings (no holder left behind).
      expect((await store.bookings.book(request('u1', 'r-5'))).kind).toBe('created');
      expect(await store.calendar.list('c1', '2026-12-02', '2026-12-02')).toEqual([CANCELLED]);
    });
  });
}
