/**
 * A community's calendar on SQLite (community_dates): one row per date; cancel() writes the row
 * and cancels the date's live bookings (decideCloseDate) in one IMMEDIATE transaction.
 */
import type Database from 'better-sqlite3';
import type { CalendarDate } from '../../../contract/calendar';
import { CLOSED_BY_DATE, decideCloseDate } from '../../core/community/calendar';
import type { BookingRecord, CalendarRepo } from '../../core/ports';
import { immediate, table } from './rows';

type Row = CalendarDate & { community: string };

export function calendarRepo(db: Database.Database): CalendarRepo {
  const dates = table<Row>(db, 'community_dates', { bool: ['added'] });
  const bookings = table<BookingRecord>(db, 'bookings');
  const atomic = immediate(db);
  const entryOf = ({ community: _community, ...entry }: Row): CalendarDate => entry;
  const write = (community: string, entry: CalendarDate) =>
    dates.upsert({ community, ...entry }, ['community', 'date']);
  // Fixed status names from the core, never input.
  const live = CLOSED_BY_DATE.map((s) => `'${s}'`).join(', ');

  return {
    list: async (community, from, to) =>
      dates
        .all('community_id = ? AND date >= ? AND date <= ? ORDER BY date', community, from, to)
        .map(entryOf),
    save: async (community, entry) => {
      write(community, entry);
    },
    remove: async (community, date) =>
      dates.remove('community_id = ? AND date = ?', community, date).changes === 1,
    cancel: async (community, entry, now) =>
      atomic(() => {
        write(community, entry);
        const held = bookings.all(
          `community_id = ? AND date = ? AND status IN (${live}) ORDER BY starts_at, created_at`,
          community,
          entry.date,
        );
        return decideCloseDate(held, now).map((d) => {
          bookings.update(d.cancelled);
          return d.cancelled;
        });
      }),
  };
}
