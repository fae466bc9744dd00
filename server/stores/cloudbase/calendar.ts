/**
 * A community's calendar (the CalendarRepo port):
 * - community_dates/<community>_<YYYYMMDD>: { community, date, kind, reason, opensAt, closesAt,
 *   added }: one exception per date to the weekly evenings (core/community/calendar.ts).
 *
 * cancel() finds the date's live bookings with one query, then writes the entry and cancels
 * them in one transaction (a transaction cannot query). A booking made between the query and the
 * commit read the calendar before it (the core refuses a cancelled date), so one more query
 * after the commit cancels any such latecomer in a transaction of its own.
 */
import type { CalendarDate } from '../../../contract/calendar';
import { CLOSED_BY_DATE } from '../../core/community/calendar';
import type { BookingRecord, CalendarRepo } from '../../core/ports';
import { closeDateIn } from './bookings';
import { readDoc } from './documents';
import { bool, fieldsOf, oneOf, read, readAll, text, type Shape } from './fields';
import type { CloudDatabase, DocData } from './sdk';
import { MANY_RACERS, transact } from './transaction';

type Names = Record<
  | 'community_dates'
  | 'booking_settings'
  | 'booking_slots'
  | 'bookings'
  | 'booking_codes'
  | 'booking_residents',
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

const entryId = (community: string, date: string) => `${community}_${date.replace(/-/g, '')}`;

export function calendarRepo(db: CloudDatabase, names: Names): CalendarRepo {
  const dates = () => db.collection(names.community_dates);
  const dataOf = (community: string, entry: CalendarDate): DocData => ({
    community,
    ...fieldsOf(ENTRY, entry),
  });
  /** The ids of the community's live bookings on `date` (one query). */
  const liveOn = async (community: string, date: string) => {
    const query = () =>
      db
        .collection(names.bookings)
        .where({ community, date })
        .orderBy('startsAt', 'asc')
        .orderBy('createdAt', 'asc')
        .orderBy('_id', 'asc')
        .field({ _id: true, status: true });
    return (await readAll(query))
      .filter((doc) => CLOSED_BY_DATE.includes(doc.status as BookingRecord['status']))
      .map((doc) => text(doc, '_id', 'bookings/?'));
  };

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
    async cancel(community, entry, now) {
      const ids = await liveOn(community, entry.date);
      const cancelled = await transact(db, MANY_RACERS, async (tx) => {
        await tx
          .collection(names.community_dates)
          .doc(entryId(community, entry.date))
          .set({ data: dataOf(community, entry) });
        return closeDateIn(tx, names, ids, now);
      });
      const late = await liveOn(community, entry.date);
      if (late.length === 0) return cancelled;
      const more = await transact(db, MANY_RACERS, (tx) => closeDateIn(tx, names, late, now));
      return [...cancelled, ...more];
    },
  };
}
