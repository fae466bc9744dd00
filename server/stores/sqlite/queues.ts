import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  JoinOutcome,
  JoinRequest,
  LineConfigRecord,
  LineEveningRecord,
  QueueRepo,
  TicketPatch,
  TicketRecord,
  TicketStatus,
} from '../../core/ports';

interface TicketRow {
  id: string;
  community_id: string;
  queue: string;
  date: string;
  number: number;
  label: string;
  status: TicketStatus;
  user_id: string | null;
  note: string;
  request_id: string | null;
  sort_key: number;
  created_at: string;
  called_at: string | null;
  missed_at: string | null;
  closed_at: string | null;
  service_seconds: number | null;
  alerted: number;
}

const toTicket = (r: TicketRow): TicketRecord => ({
  id: r.id,
  community: r.community_id,
  queue: r.queue,
  date: r.date,
  number: r.number,
  label: r.label,
  status: r.status,
  userId: r.user_id,
  note: r.note,
  requestId: r.request_id,
  sortKey: r.sort_key,
  createdAt: r.created_at,
  calledAt: r.called_at,
  missedAt: r.missed_at,
  closedAt: r.closed_at,
  serviceSeconds: r.service_seconds,
  alerted: r.alerted === 1,
});

/** Patch field → column. */
const COLUMNS: Record<keyof TicketPatch, string> = {
  status: 'status',
  calledAt: 'called_at',
  missedAt: 'missed_at',
  closedAt: 'closed_at',
  serviceSeconds: 'service_seconds',
  sortKey: 'sort_key',
  alerted: 'alerted',
};

export const newTicketId = () => crypto.randomBytes(9).toString('base64url');

export function queueRepo(db: Database.Database): QueueRepo {
  const configStmt = db.prepare<[string, string], LineConfigRecord>(
    `SELECT capacity, last_join AS lastJoin, grace_minutes AS graceMinutes, default_service_minutes AS defaultServiceMinutes
     FROM queue_configs WHERE community_id = ? AND queue = ?`,
  );
  const saveConfigStmt = db.prepare(
    `INSERT INTO queue_configs (community_id, queue, capacity, last_join, grace_minutes, default_service_minutes)
     VALUES (@community, @queue, @capacity, @lastJoin, @graceMinutes, @defaultServiceMinutes)
     ON CONFLICT (community_id, queue) DO UPDATE SET capacity = excluded.capacity, last_join = excluded.last_join,
       grace_minutes = excluded.grace_minutes, default_service_minutes = excluded.default_service_minutes`,
  );
  const eveningStmt = db.prepare<
    [string, string, string],
    { paused: number; last_number: number; version: number }
  >(
    'SELECT paused, last_number, version FROM queue_evenings WHERE community_id = ? AND queue = ? AND date = ?',
  );
  const ensureEvening = db.prepare(
    'INSERT INTO queue_evenings (community_id, queue, date) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const bumpEvening = db.prepare(
    'UPDATE queue_evenings SET version = version + 1, paused = COALESCE(?, paused) WHERE community_id = ? AND queue = ? AND date = ?',
  );
  const issueNumber = db.prepare(
    'UPDATE queue_evenings SET last_number = last_number + 1, version = version + 1 WHERE community_id = ? AND queue = ? AND date = ?',
  );
  const byRequest = db.prepare<[string, string], TicketRow>(
    "SELECT * FROM tickets WHERE COALESCE(user_id, '') = ? AND request_id = ?",
  );
  const activeOfUser = db.prepare<[string, string, string, string, string], TicketRow>(
    `SELECT * FROM tickets INDEXED BY tickets_user_line
     WHERE community_id = ? AND queue = ? AND date = ? AND user_id = ?
       AND (status IN ('waiting', 'called') OR (status = 'missed' AND missed_at > ?))
     ORDER BY number LIMIT 1`,
  );
  const insertTicket = db.prepare(
    `INSERT INTO tickets (id, community_id, queue, date, number, label, status, user_id, note, request_id, sort_key, created_at)
     VALUES (@id, @community, @queue, @date, @number, @label, 'waiting', @userId, @note, @requestId, @number, @createdAt)`,
  );
  const ticketStmt = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?');
  const lineTickets = db.prepare<[string, string, string], TicketRow>(
    'SELECT * FROM tickets WHERE community_id = ? AND queue = ? AND date = ? ORDER BY sort_key, number',
  );
  const waitingCount = db.prepare<[string, string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM tickets WHERE community_id = ? AND queue = ? AND date = ? AND status = 'waiting'",
  );
  const waitingHead = db.prepare<[string, string, string, number], TicketRow>(
    "SELECT * FROM tickets WHERE community_id = ? AND queue = ? AND date = ? AND status = 'waiting' ORDER BY sort_key, number LIMIT ?",
  );
  const calledNow = db.prepare<[string, string, string], TicketRow>(
    "SELECT * FROM tickets WHERE community_id = ? AND queue = ? AND date = ? AND status = 'called' ORDER BY called_at DESC LIMIT 100",
  );
  const recentCalled = db.prepare<[string, string, string], { label: string }>(
    'SELECT label FROM tickets WHERE community_id = ? AND queue = ? AND date = ? AND called_at IS NOT NULL ORDER BY called_at DESC LIMIT 5',
  );
  const servedStats = db.prepare<[string, string, string], { count: number; total: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(service_seconds), 0) AS total FROM tickets
     WHERE community_id = ? AND queue = ? AND date = ? AND status = 'done' AND service_seconds > 0`,
  );
  const waitingBefore = db.prepare<[string, string, string, number], { n: number }>(
    "SELECT COUNT(*) AS n FROM tickets WHERE community_id = ? AND queue = ? AND date = ? AND status = 'waiting' AND sort_key < ?",
  );
  const userTickets = db.prepare<[string, string], TicketRow>(
    'SELECT * FROM tickets WHERE user_id = ? AND date = ? ORDER BY created_at',
  );

  const evening = (community: string, queue: string, date: string): LineEveningRecord | null => {
    const row = eveningStmt.get(community, queue, date);
    return row
      ? {
          community,
          queue,
          date,
          paused: row.paused === 1,
          lastNumber: row.last_number,
          version: row.version,
        }
      : null;
  };

  const join = db.transaction((req: JoinRequest): JoinOutcome => {
    const at = req.now.toISOString();
    if (req.requestId) {
      const retried = byRequest.get(req.userId ?? '', req.requestId);
      if (retried) return { kind: 'existing', ticket: toTicket(retried) };
    }
    if (req.userId) {
      const graceStart = new Date(req.now.getTime() - req.graceMinutes * 60_000).toISOString();
      const active = activeOfUser.get(req.community, req.queue, req.date, req.userId, graceStart);
      if (active) return { kind: 'existing', ticket: toTicket(active) };
    }
    ensureEvening.run(req.community, req.queue, req.date);
    const state = eveningStmt.get(req.community, req.queue, req.date)!;
    if (state.paused === 1 && !req.ignorePause) return { kind: 'paused' };
    if (state.last_number >= req.capacity) return { kind: 'full' };
    const number = state.last_number + 1;
    const id = newTicketId();
    insertTicket.run({
      id,
      community: req.community,
      queue: req.queue,
      date: req.date,
      number,
      label: `${req.prefix}${String(number).padStart(3, '0')}`,
      userId: req.userId,
      note: req.note,
      requestId: req.requestId,
      createdAt: at,
    });
    issueNumber.run(req.community, req.queue, req.date);
    return { kind: 'created', ticket: toTicket(ticketStmt.get(id)!) };
  });

  const update = db.transaction(
    (id: string, from: TicketStatus[], patch: TicketPatch): TicketRecord | null => {
      const row = ticketStmt.get(id);
      if (!row || !from.includes(row.status)) return null;
      const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<
        [keyof TicketPatch, unknown]
      >;
      if (entries.length > 0) {
        const sets = entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ');
        const values = entries.map(([k, v]) => (k === 'alerted' ? (v ? 1 : 0) : v));
        db.prepare(`UPDATE tickets SET ${sets} WHERE id = ?`).run(...values, id);
      }
      ensureEvening.run(row.community_id, row.queue, row.date);
      bumpEvening.run(null, row.community_id, row.queue, row.date);
      return toTicket(ticketStmt.get(id)!);
    },
  );

  const touch = db.transaction(
    (community: string, queue: string, date: string, paused: boolean | undefined) => {
      ensureEvening.run(community, queue, date);
      bumpEvening.run(paused === undefined ? null : paused ? 1 : 0, community, queue, date);
      return evening(community, queue, date)!;
    },
  );

  return {
    getConfig: async (community, queue) => configStmt.get(community, queue) ?? null,
    saveConfig: async (community, queue, config) => {
      saveConfigStmt.run({ community, queue, ...config });
    },
    getEvening: async (community, queue, date) => evening(community, queue, date),
    // IMMEDIATE: the write lock is taken before the reads, so concurrent processes serialize.
    join: async (request) => join.immediate(request),
    getTicket: async (id) => {
      const row = ticketStmt.get(id);
      return row ? toTicket(row) : null;
    },
    lineSummary: async (community, queue, date, head) => {
      const served = servedStats.get(community, queue, date)!;
      return {
        waiting: waitingCount.get(community, queue, date)!.n,
        head: waitingHead.all(community, queue, date, head).map(toTicket),
        called: calledNow.all(community, queue, date).map(toTicket),
        recentlyCalled: recentCalled.all(community, queue, date).map((r) => r.label),
        served: { count: served.count, totalSeconds: served.total },
      };
    },
    countWaitingBefore: async (community, queue, date, sortKey) =>
      waitingBefore.get(community, queue, date, sortKey)!.n,
    listTickets: async (community, queue, date) =>
      lineTickets.all(community, queue, date).map(toTicket),
    ticketsOfUser: async (userId, date) => userTickets.all(userId, date).map(toTicket),
    updateTicket: async (id, from, patch) => update.immediate(id, from, patch),
    touchEvening: async (community, queue, date, patch) =>
      touch.immediate(community, queue, date, patch.paused),
  };
}
