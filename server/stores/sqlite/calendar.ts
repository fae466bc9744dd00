/**
 * A community's calendar on SQLite (community_dates): one row per date. close() writes a
 * cancelled date's row and cancels the closed dates' live bookings and the named activities'
 * sign-ups (decideCloseBookings, decideCloseSignUps) in one IMMEDIATE transaction, so a booking
 * or sign-up either committed before it (and is cancelled) or reads the cancelled date after it
 * in its own transaction (dateClosed) and is refused.
 */
import type Database from 'better-sqlite3';
import type { CalendarDate } from '../../../contract/calendar';
import {
  CLOSED_BY_DATE,
  decideCloseBookings,
  decideCloseSignUps,
} from '../../core/community/calendar';
import type { BookingRecord, CalendarRepo, SignUpRecord } from '../../core/ports';
import { closedBy, type DateClosed } from '../../core/booking/decisions';
import { connectionCache, immediate, statements, table } from './rows';

/**
 * Inside a booking's or sign-up's transaction: whether the community's date is cancelled
 * (closedBy). Read under the same write lock as close(), so a cancellation either committed first
 * and is read here, or comes after and cancels what the transaction makes.
 */
export function dateClosed(db: Database.Database) {
  const sql = statements(db);
  return (community: string, date: string): DateClosed | null =>
    closedBy(
      sql<{ kind: 'cancelled' | 'extra'; reason: string }>(
        'SELECT kind, reason FROM community_dates WHERE community_id = ? AND date = ?',
      ).get(community, date) ?? null,
    );
}

type Row = CalendarDate & { community: string };

export function calendarRepo(db: Database.Database): CalendarRepo {
  const dates = table<Row>(db, 'community_dates', { bool: ['added'] });
  const bookings = table<BookingRecord>(db, 'bookings');
  const signUps = table<SignUpRecord>(db, 'activity_signups');
  const atomic = immediate(db);
  const entryOf = ({ community: _community, ...entry }: Row): CalendarDate => entry;
  const write = (community: string, entry: CalendarDate) =>
    dates.upsert({ community, ...entry }, ['community', 'date']);
  // Fixed status names from the core, never input.
  const live = CLOSED_BY_DATE.map((s) => `'${s}'`).join(', ');

  /**
   * Lists read, by community and range, kept while data_version holds (another connection's
   * write clears them; this one's own below): every booking and the tonight page read the
   * calendar, and staff change it a few times a month. Each caller gets its own copy.
   */
  const kept = connectionCache<CalendarDate[]>(db);
  const listed = (community: string, from: string, to: string): CalendarDate[] =>
    kept
      .get(`${community}\u0000${from}\u0000${to}`, () =>
        dates
          .all('community_id = ? AND date >= ? AND date <= ? ORDER BY date', community, from, to)
          .map(entryOf),
      )
      .map((entry) => ({ ...entry }));
  const written = <T>(result: T): T => {
    kept.map.clear();
    return result;
  };

  return {
    list: async (community, from, to) => listed(community, from, to),
    save: async (community, entry) => {
      written(write(community, entry));
    },
    remove: async (community, date) =>
      written(dates.remove('community_id = ? AND date = ?', community, date)).changes === 1,
    close: async (community, closing) =>
      written(
        atomic(() => {
          if (closing.entry) write(community, closing.entry);
          const held = bookings.all(
            `community_id = ? AND date >= ? AND (? IS NULL OR date <= ?) AND status IN (${live})
           ORDER BY date, starts_at, created_at`,
            community,
            closing.from,
            closing.to,
            closing.to,
          );
          const signed = signUps.all(
            `activity_id IN (SELECT value FROM json_each(?)) AND status != 'cancelled'
           ORDER BY created_at, rowid`,
            JSON.stringify(closing.activities),
          );
          const closed = {
            bookings: decideCloseBookings(held, closing).map((d) => d.cancelled),
            signUps: decideCloseSignUps(signed, closing.reason),
          };
          for (const b of closed.bookings) bookings.update(b);
          for (const s of closed.signUps) signUps.update(s);
          return closed;
        }),
      ),
  };
}
