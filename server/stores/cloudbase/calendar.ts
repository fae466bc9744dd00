/**
 * A community's calendar (the CalendarRepo port):
 * - community_dates/<community>_<YYYYMMDD>: { community, date, kind, reason, opensAt, closesAt,
 *   added }: one exception per date to the weekly evenings (core/community/calendar.ts).
 *
 * close() finds the closed dates' live bookings with one query, then writes the entry and the
 * date's gate and cancels those bookings and the named activities' sign-ups in one transaction
 * (a transaction cannot query; an activity's live sign-ups are listed in its own document, so
 * they need none). Every booking, move or sign-up that makes something on the date reads the
 * entry and writes the same gate in its transaction (dates.ts): one committing after this
 * transaction conflicts, is retried and reads the date cancelled; one committing before it is
 * found by one more query after the commit and cancelled by a second transaction. Both passes
 * are idempotent: what is cancelled stays as it is. An archive writes no entry and no gate: a
 * booking racing it is one the service let through before the community was archived.
 */
import type { CalendarDate } from '../../../contract/calendar';
import { CLOSED_BY_DATE } from '../../core/community/calendar';
import type { BookingRecord, CalendarRepo, Closing } from '../../core/ports';
import { closeBookingsIn } from './bookings';
import { closeSignUpsIn } from './notices';
import { readDoc } from './documents';
import { entryId, passGate } from './dates';
import { bool, fieldsOf, oneOf, read, readAll, text, type Shape } from './fields';
import type { CloudDatabase, DocData } from './sdk';
import { MANY_RACERS, transact } from './transaction';

type Names = Record<
  | 'community_dates'
  | 'booking_settings'
  | 'booking_slots'
  | 'bookings'
  | 'booking_codes'
  | 'booking_residents'
  | 'notices'
  | 'notice_activities'
  | 'activity_signups'
  | 'notice_pins'
  | 'signup_residents',
  string
>;

const ENTRY: Shape<CalendarDate> = {
  date: text,
  kind: oneOf<CalendarDate['kind']>(['cancelled', 'extra']),
  reason: text,
  opensAt: text,
  closesAt: text,
  added: bool,
};

export function calendarRepo(db: CloudDatabase, names: Names): CalendarRepo {
  const dates = () => db.collection(names.community_dates);
  const dataOf = (community: string, entry: CalendarDate): DocData => ({
    community,
    ...fieldsOf(ENTRY, entry),
  });
  /** The ids of the community's live bookings on the closing's dates (one query). */
  const liveOn = async (community: string, { from, to }: Pick<Closing, 'from' | 'to'>) => {
    const date = to === from ? from : db.command.gte(from);
    const query = () =>
      db
        .collection(names.bookings)
        .where({ community, date })
        .orderBy('startsAt', 'asc')
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .field({ _id: true, status: true, date: true });
    return (await readAll(query))
      .filter((doc) => to === null || String(doc.date) <= to)
      .filter((doc) => CLOSED_BY_DATE.includes(doc.status as BookingRecord['status']))
      .map((doc) => text(doc, '_id', 'bookings/?'));
  };
  /** One transaction: the entry (first pass only), the bookings among `ids`, the sign-ups. */
  const closeIn = (community: string, closing: Closing, ids: string[], entry: boolean) =>
    transact(db, MANY_RACERS, async (tx) => {
      if (entry && closing.entry) {
        await tx
          .collection(names.community_dates)
          .doc(entryId(community, closing.entry.date))
          .set({ data: dataOf(community, closing.entry) });
        // Conflicts with any booking or sign-up of the date committing meanwhile (dates.ts).
        await passGate(tx, names.community_dates, community, closing.entry.date, closing.now);
      }
      const bookings = await closeBookingsIn(tx, names, ids, closing);
      const signUps = await closeSignUpsIn(tx, names, closing.activities, closing.reason);
      return { bookings, signUps };
    });

  return {
    async list(community, from, to) {
      const query = () =>
        dates()
          .where({ community, date: db.command.gte(from) })
          .orderBy('date', 'asc');
      return (await readAll(query))
        .map((doc) => read(ENTRY, doc, `community_dates/${String(doc._id)}`))
        .filter((entry) => entry.date <= to);
    },
    async save(community, entry) {
      await dates()
        .doc(entryId(community, entry.date))
        .set({ data: dataOf(community, entry) });
    },
    async remove(community, date) {
      const ref = dates().doc(entryId(community, date));
      if (!(await readDoc(ref))) return false;
      await ref.remove();
      return true;
    },
    async close(community, closing) {
      const first = await closeIn(community, closing, await liveOn(community, closing), true);
      const late = await liveOn(community, closing);
      if (late.length === 0 && closing.activities.length === 0) return first;
      const more = await closeIn(community, closing, late, false);
      return {
        bookings: [...first.bookings, ...more.bookings],
        signUps: [...first.signUps, ...more.signUps],
      };
    },
  };
}
