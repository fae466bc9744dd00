/**
 * The walk-in queue on SQLite: a line's evening is one queue_evenings row and its tickets rows.
 * `change` reads them, asks the core's decision and writes the difference, in one IMMEDIATE
 * transaction (the write lock is taken before the reads, so processes serialize). No rule lives
 * here: who gets which number is core/queue/evening.ts.
 */
import type Database from 'better-sqlite3';
import { erasedEvening, ticketWrites } from '../../core/queue/evening';
import { settle } from '../../core/queue/line-index';
import type { EveningRecord, LineConfigRecord, QueueRepo, TicketRecord } from '../../core/ports';
import { retainedEvening } from '../../core/retention/rules';
import type { AlertRider } from './alerts';
import { connectionCache, immediate, maybe, statements, table } from './rows';

/**
 * V8 has no fast path for filter, find, forEach or slice on a frozen array: on a line of 1,000
 * tickets they run 4 to 90 times slower (docs/performance.md), and every decision passes over
 * the line. So the tickets array is frozen only under the tests, where an in-place sort must
 * fail loudly; the core's types already make it readonly. Tickets and the evening stay frozen.
 */
const FREEZE_LINES = process.env.JEST_WORKER_ID !== undefined;

/**
 * Cached evenings are shared by every caller: frozen, so a caller that changed one in place
 * would fail loudly in the tests instead of corrupting the next decision.
 */
function frozen(
  evening: EveningRecord,
  fresh: readonly TicketRecord[] = evening.tickets,
): EveningRecord {
  for (const ticket of fresh) Object.freeze(ticket);
  if (FREEZE_LINES) Object.freeze(evening.tickets);
  if (evening.setup) Object.freeze(evening.setup);
  return Object.freeze(evening);
}

/**
 * `alerts`: the connection's alert log, whose waiting records the group commit writes in its
 * transaction (a call to the desk records one or two alerts after its change: without this,
 * each was a second commit per call).
 */
export function queueRepo(db: Database.Database, alerts?: AlertRider): QueueRepo {
  const configs = table<LineConfigRecord>(db, 'queue_configs');
  const evenings = table<Omit<EveningRecord, 'tickets'>>(db, 'queue_evenings', {
    json: ['setup'],
    bool: ['paused'],
  });
  const tickets = table<TicketRecord>(db, 'tickets', { bool: ['alerted'] });
  const sql = statements(db);
  const atomic = immediate(db);
  type Line = { community_id: string; queue: string; date: string };
  const withTickets = (e: Omit<EveningRecord, 'tickets'>): EveningRecord => {
    const where = 'community_id = ? AND queue = ? AND date = ? ORDER BY number';
    return { ...e, tickets: tickets.all(where, e.community, e.queue, e.date) };
  };
  /** The evening as stored, read past the cache. */
  const stored = (community: string, queue: string, date: string) => {
    const e = evenings.get('community_id = ? AND queue = ? AND date = ?', community, queue, date);
    return e && withTickets(e);
  };

  /** Erase and retention: the evening as stored, its tickets `rule` changed written; how many. */
  const rewrite = (line: Line, rule: (evening: EveningRecord) => EveningRecord | null) => {
    const current = stored(line.community_id, line.queue, line.date);
    const next = current && rule(current);
    if (!current || !next) return null;
    const { changed } = ticketWrites(current, next);
    for (const [old, now] of changed) tickets.updateChanged(old, now);
    return changed.length;
  };

  /**
   * The evenings this connection last read or wrote, so a join reads one row instead of the
   * whole line. Valid while no other connection has committed: SQLite's data_version changes
   * exactly then (our own writes refresh their entries).
   */
  const { map: cache, revalidate } = connectionCache<EveningRecord>(db);
  /** What the group commit in progress wrote so far, by line (see `change`). */
  const overlay = new Map<string, EveningRecord>();
  const cacheKey = (community: string, queue: string, date: string) =>
    `${community}\u0000${queue}\u0000${date}`;

  /** `checked`: revalidated already in this transaction (no other connection can commit in it). */
  const load = (community: string, queue: string, date: string, checked = false) => {
    if (!checked) revalidate();
    const key = cacheKey(community, queue, date);
    const cached = overlay.get(key) ?? cache.get(key);
    if (cached) return cached;
    const found = stored(community, queue, date);
    const evening = found && frozen(found);
    if (evening) cache.set(key, evening);
    return evening;
  };

  /**
   * Writes what `next` adds over `current`: a new evening row, new tickets. Answers the tickets
   * it wrote or changed (the only ones of `next` not frozen yet when `current` came from here)
   * and the rows that exist it changes, old and new self, for the group to write (flush).
   */
  const write = (
    current: EveningRecord | null,
    next: EveningRecord,
    { added, changed }: ReturnType<typeof ticketWrites>,
  ) => {
    if (!current) evenings.insert(next);
    for (const ticket of added) tickets.insert(ticket);
    return {
      written: [...added, ...changed.map(([, now]) => now)],
      updates: { evening: current && ([current, next] as const), tickets: changed },
    };
  };

  /**
   * A group's updates of rows that exist, each row written once at the group's end, its first
   * self against its last, each just the fields that differ (the setup JSON only when a change
   * brought a new one; a call rewrites two columns of a ticket, not its indexed ones). The calls
   * of a group each update the evening row and three tickets, the same ones again and again (the
   * one told "3 ahead" is called a few calls on, then completed): once each, not every time.
   * Inserts stay with their change, whose savepoint a failed one rolls back alone.
   */
  const updatesOfGroup = () => {
    const lines = new Map<string, readonly [EveningRecord, EveningRecord]>();
    const rows = new Map<string, [TicketRecord, TicketRecord]>();
    return {
      add: (key: string, updates: ReturnType<typeof write>['updates']) => {
        if (updates.evening)
          lines.set(key, [lines.get(key)?.[0] ?? updates.evening[0], updates.evening[1]]);
        for (const [old, now] of updates.tickets)
          rows.set(now.id, [rows.get(now.id)?.[0] ?? old, now]);
      },
      write: () => {
        for (const [first, last] of lines.values()) {
          const { tickets: _old, ...before } = first;
          const { tickets: _new, ...after } = last;
          evenings.updateChanged(before, after, ['community', 'queue', 'date']);
        }
        for (const [first, last] of rows.values()) tickets.updateChanged(first, last);
      },
    };
  };

  /** A change waiting for the next group commit. */
  interface Pending {
    community: string;
    queue: string;
    date: string;
    decide: Parameters<QueueRepo['change']>[3];
    resident?: string | null;
    resolve: (result: never) => void;
    reject: (error: unknown) => void;
  }
  let pending: Pending[] = [];
  alerts?.rideOn(() => pending.length > 0);
  const savepoint = db.transaction(
    (work: () => ReturnType<typeof write>): ReturnType<typeof write> => work(),
  );

  /**
   * One change inside the group's transaction. Its inserts get a savepoint of their own, so a
   * failing one undoes only itself, unless they are one statement (a join's ticket: a statement
   * that fails changes nothing), which saves the SAVEPOINT and RELEASE of nearly every join.
   * Its updates wait for the group's end (updatesOfGroup).
   */
  const runOne = (item: Pending) => {
    const current = load(item.community, item.queue, item.date, true);
    // Every number the resident took this evening in this community, every line and status:
    // the tickets table holds every line's numbers, nothing to record beside them. INDEXED BY:
    // without statistics SQLite picks tickets_personal (date) and reads the whole evening; the
    // resident as COALESCE(user_id, ''), the index's key (a resident's id is never '').
    const taken = item.resident
      ? sql<{ id: string }>(
          "SELECT id FROM tickets INDEXED BY tickets_user_request WHERE COALESCE(user_id, '') = ? AND community_id = ? AND date = ?",
        )
          .all(item.resident, item.community, item.date)
          .map((r) => r.id)
      : null;
    const decided = item.decide(current, taken);
    const { next } = decided;
    let wrote: ReturnType<typeof write> | null = null;
    if (next) {
      const writes = ticketWrites(current, next);
      const inserts = (current ? 0 : 1) + writes.added.length;
      wrote =
        inserts <= 1 ? write(current, next, writes) : savepoint(() => write(current, next, writes));
    }
    // Not spread: `decided.line` is a getter CloudBase's store reads, costly to compute.
    return {
      decided,
      written: wrote?.written ?? [],
      updates: wrote?.updates ?? null,
      cached: current !== null,
    };
  };

  const flush = () => {
    const group = pending;
    pending = [];
    const outcomes: Array<
      { ok: true; value: ReturnType<typeof runOne> } | { ok: false; error: unknown }
    > = [];
    let logged: ReturnType<AlertRider['writePending']> = [];
    try {
      atomic(() => {
        // The write lock is held from here: the cache is checked once for the whole group.
        revalidate();
        logged = alerts?.writePending() ?? [];
        const updates = updatesOfGroup();
        for (const item of group) {
          try {
            const value = runOne(item);
            outcomes.push({ ok: true, value });
            const { next } = value.decided;
            const key = cacheKey(item.community, item.queue, item.date);
            // The group's later changes read what this one wrote (not committed yet).
            if (next) overlay.set(key, next);
            if (value.updates) updates.add(key, value.updates);
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
        updates.write();
      });
    } catch (error) {
      overlay.clear();
      cache.clear();
      alerts?.restore(logged);
      for (const item of group) item.reject(error);
      return;
    }
    overlay.clear();
    group.forEach((item, at) => {
      const outcome = outcomes[at]!;
      const key = cacheKey(item.community, item.queue, item.date);
      if (!outcome.ok) {
        cache.delete(key);
        item.reject(outcome.error);
        return;
      }
      const { decided, written, cached } = outcome.value;
      // Besides what it wrote, `next` holds the loaded evening's tickets, frozen already; a
      // decision's copy equal to one stays unfrozen (freezing only catches mutation in tests).
      if (decided.next) {
        cache.set(key, frozen(decided.next, cached ? written : decided.next.tickets));
        // Written: what came before it is not asked again (and may go).
        settle(decided.next.tickets);
      }
      item.resolve(decided.result as never);
    });
  };

  return {
    getConfig: async (community, queue) =>
      maybe(
        configs.read,
        sql(
          'SELECT capacity, last_join, grace_minutes, default_service_minutes FROM queue_configs WHERE community_id = ? AND queue = ?',
        ).get(community, queue),
      ),
    saveConfig: async (community, queue, config) => {
      configs.upsert({ community, queue, ...config }, ['community', 'queue']);
    },
    getEvening: async (community, queue, date) => load(community, queue, date),
    eveningOfTicket: async (ticketId) => {
      const line = sql<Line>('SELECT community_id, queue, date FROM tickets WHERE id = ?').get(
        ticketId,
      );
      return line ? load(line.community_id, line.queue, line.date) : null;
    },
    // Through the cache: the tonight page of every resident holding a number reads its lines.
    eveningsOf: async (community, date) =>
      sql<{ queue: string }>(
        'SELECT queue FROM queue_evenings WHERE community_id = ? AND date = ? ORDER BY queue',
      )
        .all(community, date)
        .map((line) => load(community, line.queue, date))
        .filter((e): e is EveningRecord => e !== null),
    eveningsOfUser: async (userId, date) =>
      sql<Line>(
        "SELECT DISTINCT community_id, queue FROM tickets INDEXED BY tickets_user_request WHERE COALESCE(user_id, '') = ? AND date = ? ORDER BY community_id, queue",
      )
        .all(userId, date)
        .map((line) => load(line.community_id, line.queue, date))
        .filter((e): e is EveningRecord => e !== null),
    /** Every evening where the user holds a ticket, erasedEvening written ticket by ticket. */
    erase: async (userId) => {
      const lines = sql<Line>(
        "SELECT DISTINCT community_id, queue, date FROM tickets INDEXED BY tickets_user_request WHERE COALESCE(user_id, '') = ?",
      );
      const erase = (line: Line) => rewrite(line, (e) => erasedEvening(e, userId)) ?? 0;
      const count = atomic(() => lines.all(userId).reduce((n, line) => n + erase(line), 0));
      cache.clear();
      return count;
    },
    /**
     * Evenings before `cutoff` with a ticket that still names someone (the partial index
     * tickets_personal holds just those tickets), then per evening one IMMEDIATE transaction
     * writing retainedEvening's changed tickets. The WHERE is retention's namesSomeone.
     */
    anonymiseBefore: async (cutoff, limit) => {
      const lines = sql<Line>(
        "SELECT DISTINCT community_id, queue, date FROM tickets WHERE date < ? AND (user_id IS NOT NULL OR note != '' OR request_id IS NOT NULL) ORDER BY date, community_id, queue LIMIT ?",
      ).all(cutoff, limit);
      const retain = (line: Line) => rewrite(line, (e) => retainedEvening(e, cutoff));
      const count = lines.filter((line) => atomic(() => retain(line)) !== null).length;
      cache.clear();
      return count;
    },
    /**
     * Reads the evening, asks `decide` and writes what it answers, atomically: the changes asked
     * for in one turn of the event loop share one IMMEDIATE transaction (group commit: one
     * commit for the joins that arrived together), each in a savepoint of its own, one after the
     * other, each seeing the ones before. A change answers once the transaction has committed;
     * one that fails rolls back alone.
     */
    change: (community, queue, date, decide, resident) =>
      new Promise((resolve, reject) => {
        if (pending.length === 0) setImmediate(flush);
        pending.push({ community, queue, date, decide, resident, resolve, reject });
      }),
  };
}
