/**
 * The walk-in queue on SQLite: a line's evening is one queue_evenings row and its tickets rows.
 * `change` reads them, asks the core's decision and writes the difference, in one IMMEDIATE
 * transaction (the write lock is taken before the reads, so processes serialize). No rule lives
 * here: who gets which number is core/queue/evening.ts.
 */
import type Database from 'better-sqlite3';
import { erasedEvening, ticketChanges } from '../../core/queue/evening';
import type { EveningRecord, LineConfigRecord, QueueRepo, TicketRecord } from '../../core/ports';
import { maybe, rowParams, rowReader, type Row, type RowShape } from './rows';

const TICKET: RowShape = { bool: ['alerted'] };
const EVENING: RowShape = { json: ['setup'], bool: ['paused'] };
const toTicket = rowReader<TicketRecord>(TICKET);
const toConfig = rowReader<LineConfigRecord>();
const toEvening = rowReader<Omit<EveningRecord, 'tickets'>>(EVENING);

/**
 * Cached evenings are shared by every caller: frozen, so a caller that sorted a list in place
 * would fail loudly in the tests instead of corrupting the next decision.
 */
function frozen(evening: EveningRecord): EveningRecord {
  for (const ticket of evening.tickets) Object.freeze(ticket);
  Object.freeze(evening.tickets);
  if (evening.setup) Object.freeze(evening.setup);
  return Object.freeze(evening);
}

export function queueRepo(db: Database.Database): QueueRepo {
  const configStmt = db.prepare<[string, string], Row>(
    'SELECT capacity, last_join, grace_minutes, default_service_minutes FROM queue_configs WHERE community_id = ? AND queue = ?',
  );
  const saveConfigStmt = db.prepare(
    `INSERT INTO queue_configs (community_id, queue, capacity, last_join, grace_minutes, default_service_minutes)
     VALUES (@community, @queue, @capacity, @lastJoin, @graceMinutes, @defaultServiceMinutes)
     ON CONFLICT (community_id, queue) DO UPDATE SET capacity = excluded.capacity, last_join = excluded.last_join,
       grace_minutes = excluded.grace_minutes, default_service_minutes = excluded.default_service_minutes`,
  );
  const eveningStmt = db.prepare<[string, string, string], Row>(
    'SELECT * FROM queue_evenings WHERE community_id = ? AND queue = ? AND date = ?',
  );
  const eveningsOfCommunity = db.prepare<[string, string], Row>(
    'SELECT * FROM queue_evenings WHERE community_id = ? AND date = ? ORDER BY queue',
  );
  const linesOfUser = db.prepare<[string, string], { community_id: string; queue: string }>(
    'SELECT DISTINCT community_id, queue FROM tickets WHERE user_id = ? AND date = ? ORDER BY community_id, queue',
  );
  const lineOfTicket = db.prepare<[string], { community_id: string; queue: string; date: string }>(
    'SELECT community_id, queue, date FROM tickets WHERE id = ?',
  );
  // Every number a user took on one evening in one community, every line and status.
  const takenStmt = db.prepare<[string, string, string], { id: string }>(
    'SELECT id FROM tickets WHERE user_id = ? AND community_id = ? AND date = ?',
  );
  const ticketsStmt = db.prepare<[string, string, string], Row>(
    'SELECT * FROM tickets WHERE community_id = ? AND queue = ? AND date = ? ORDER BY number',
  );
  const insertEvening = db.prepare(
    `INSERT INTO queue_evenings (community_id, queue, date, key, setup, paused, last_number, version)
     VALUES (@community, @queue, @date, @key, @setup, @paused, @lastNumber, @version)`,
  );
  const updateEvening = db.prepare(
    `UPDATE queue_evenings SET key = @key, setup = @setup, paused = @paused, last_number = @lastNumber,
       version = @version WHERE community_id = @community AND queue = @queue AND date = @date`,
  );
  const insertTicket = db.prepare(
    `INSERT INTO tickets (id, community_id, queue, date, number, label, status, user_id, note, request_id,
       sort_key, created_at, called_at, missed_at, closed_at, service_seconds, alerted, alerted_at)
     VALUES (@id, @community, @queue, @date, @number, @label, @status, @userId, @note, @requestId,
       @sortKey, @createdAt, @calledAt, @missedAt, @closedAt, @serviceSeconds, @alerted, @alertedAt)`,
  );
  const updateTicket = db.prepare(
    `UPDATE tickets SET status = @status, note = @note, sort_key = @sortKey, called_at = @calledAt,
       missed_at = @missedAt, closed_at = @closedAt, service_seconds = @serviceSeconds, alerted = @alerted,
       alerted_at = @alertedAt
     WHERE id = @id`,
  );

  const fromRow = (row: Row): EveningRecord => {
    const e = toEvening(row);
    return { ...e, tickets: ticketsStmt.all(e.community, e.queue, e.date).map(toTicket) };
  };

  /**
   * The evenings this connection last read or wrote, so a join reads one row instead of the
   * whole line. Valid while no other connection has committed: SQLite's data_version changes
   * exactly then (our own writes refresh their entries).
   */
  const cache = new Map<string, EveningRecord>();
  let seenVersion: unknown = null;
  const cacheKey = (community: string, queue: string, date: string) =>
    `${community}\u0000${queue}\u0000${date}`;

  const load = (community: string, queue: string, date: string) => {
    const dataVersion = db.pragma('data_version', { simple: true });
    if (dataVersion !== seenVersion) {
      cache.clear();
      seenVersion = dataVersion;
    }
    const key = cacheKey(community, queue, date);
    const cached = cache.get(key);
    if (cached) return cached;
    const row = eveningStmt.get(community, queue, date);
    const evening = row ? frozen(fromRow(row)) : null;
    if (evening) cache.set(key, evening);
    return evening;
  };

  /** Writes `next` over `current`: the evening row, new tickets, and tickets that changed. */
  const write = (current: EveningRecord | null, next: EveningRecord) => {
    if (current) updateEvening.run(rowParams(next, EVENING));
    else insertEvening.run(rowParams(next, EVENING));
    const { added, changed } = ticketChanges(current, next);
    for (const ticket of added) insertTicket.run(rowParams(ticket, TICKET));
    for (const ticket of changed) updateTicket.run(rowParams(ticket, TICKET));
  };

  const atomic = db.transaction((work: () => unknown) => work());
  const linesOfUserEver = db.prepare<
    [string],
    { community_id: string; queue: string; date: string }
  >('SELECT DISTINCT community_id, queue, date FROM tickets WHERE user_id = ?');
  const writeErased = db.prepare(
    'UPDATE tickets SET user_id = @userId, note = @note, request_id = @requestId WHERE id = @id',
  );
  /** Every evening where the user holds a ticket, erasedEvening written ticket by ticket. */
  const erase = db.transaction((userId: string) => {
    let count = 0;
    for (const line of linesOfUserEver.all(userId)) {
      const row = eveningStmt.get(line.community_id, line.queue, line.date);
      const current = row ? fromRow(row) : null;
      const next = current && erasedEvening(current, userId);
      if (!current || !next) continue;
      for (const ticket of ticketChanges(current, next).changed) {
        writeErased.run(rowParams(ticket, TICKET));
        count += 1;
      }
    }
    return count;
  });

  return {
    getConfig: async (community, queue) => maybe(toConfig, configStmt.get(community, queue)),
    saveConfig: async (community, queue, config) => {
      saveConfigStmt.run({ community, queue, ...config });
    },
    getEvening: async (community, queue, date) => load(community, queue, date),
    eveningOfTicket: async (ticketId) => {
      const line = lineOfTicket.get(ticketId);
      return line ? load(line.community_id, line.queue, line.date) : null;
    },
    eveningsOf: async (community, date) => eveningsOfCommunity.all(community, date).map(fromRow),
    eveningsOfUser: async (userId, date) =>
      linesOfUser
        .all(userId, date)
        .map((line) => load(line.community_id, line.queue, date))
        .filter((e): e is EveningRecord => e !== null),
    /**
     * Reads the evening, asks `decide` and writes what it answers, in one IMMEDIATE transaction;
     * the cache takes what it wrote only once the transaction has committed.
     */
    erase: async (userId) => {
      const count = erase.immediate(userId);
      cache.clear();
      return count;
    },
    change: async (community, queue, date, decide, resident) => {
      const key = cacheKey(community, queue, date);
      try {
        const { next, result } = atomic.immediate(() => {
          const current = load(community, queue, date);
          // The tickets table holds every line's numbers: nothing to record beside them.
          const taken = resident ? takenStmt.all(resident, community, date).map((r) => r.id) : null;
          const decided = decide(current, taken);
          if (decided.next) write(current, decided.next);
          return decided;
        }) as ReturnType<typeof decide>;
        if (next) cache.set(key, frozen(next));
        return result;
      } catch (error) {
        cache.delete(key);
        throw error;
      }
    },
  };
}
