/**
 * The walk-in queue (取号) on CloudBase, with the same behaviour as server/stores/sqlite/queues.ts.
 *
 * Documents (collection names without the optional prefix):
 * - queue_configs/<community>:<queue>: { community, queue, capacity, lastJoin, graceMinutes,
 *   defaultServiceMinutes }
 * - queue_evenings/<community>:<queue>:<date>: { community, queue, date, paused, lastNumber,
 *   version, holders, requests, servedCount, servedSeconds }
 *   - holders: { [key(userId)]: { ticketId, missedAt } }: each resident's active ticket on the
 *     line that evening (waiting or called: missedAt null; missed: when, so the grace period can
 *     be checked). Walk-ins (no user) have no entry.
 *   - requests: { [key(userId ?? '') + '|' + key(requestId)]: ticketId }: every join request
 *     that made a ticket, so a retried request gets the same ticket.
 *   - servedCount, servedSeconds: how many tickets are 'done' with serviceSeconds > 0, and the
 *     sum of those seconds, kept by updateTicket in its transaction so lineSummary never scans
 *     the line. A missing field reads as 0.
 * - tickets/<random id>: the TicketRecord fields without `id`; instants as UTC ISO strings.
 *
 * Why holders and requests live in the evening document: a transaction cannot query, so "this
 * user's active ticket" and "the ticket of this request" cannot be found by a `where` inside the
 * transaction that issues the number. The evening document is the one document every join reads
 * and writes anyway, so keeping both maps there makes a join a fixed, small number of
 * single-document operations, and snapshot isolation on that one document is what keeps two
 * joins from getting one number.
 *
 * Community and queue ids are [a-z0-9-] (see core/validation), so ':' cannot make two ids collide.
 */
import crypto from 'node:crypto';
import type {
  JoinOutcome,
  JoinRequest,
  LineConfigRecord,
  LineEveningRecord,
  LineSummary,
  QueueRepo,
  TicketPatch,
  TicketRecord,
  TicketStatus,
} from '../../core/ports';
import { integer, isDoc, MalformedDocument, readDoc, text, toStoredInstant } from './documents';
import {
  PAGE_SIZE,
  type CloudDatabase,
  type CloudQuery,
  type CloudTransaction,
  type DocData,
} from './sdk';
import { MANY_RACERS, transact } from './transaction';

/**
 * Single-document operations a join runs inside its one transaction, by outcome:
 * - created: get the evening, set the evening (number, version, holder, request), set the ticket;
 * - existing (a retried request, or the resident's active ticket): get the evening, get the ticket;
 * - paused / full: get the evening.
 * A transaction retried after a conflict repeats them. The bench multiplies joins by these.
 */
export const JOIN_OPERATIONS = { created: 3, existing: 2, refused: 1 } as const;
/** The most a join ever costs per attempt: what the brief for the bench calls "ops per join". */
export const JOIN_MAX_OPERATIONS = JOIN_OPERATIONS.created;

export interface QueueCollections {
  configs: string;
  evenings: string;
  tickets: string;
}

interface Holder {
  ticketId: string;
  /** Null while the ticket is waiting or called. */
  missedAt: string | null;
}

/** The evening document as this adapter reads and writes it. */
interface Evening extends LineEveningRecord {
  holders: Record<string, Holder>;
  requests: Record<string, string>;
  /** Tickets 'done' with serviceSeconds > 0, and their seconds in all (LineSummary.served). */
  servedCount: number;
  servedSeconds: number;
}

const STATUSES: ReadonlySet<string> = new Set<TicketStatus>([
  'waiting',
  'called',
  'missed',
  'done',
  'cancelled',
]);

/** Field names must not contain '.' (a path) or start with '$' (an operator). */
const SAFE_KEY_CHAR = /[A-Za-z0-9_:-]/;

/**
 * A user or request id as a map key in a stored document: characters outside [A-Za-z0-9_:-]
 * (including '.', '$', '%' and '|') become %XX of their UTF-8 bytes. Today's ids ('wx:<openid>',
 * 'u_…', request ids) pass unchanged; the encoding is injective, so keys never collide.
 */
export function fieldKey(raw: string): string {
  let key = '';
  for (const ch of raw) {
    key += SAFE_KEY_CHAR.test(ch)
      ? ch
      : [...Buffer.from(ch, 'utf8')]
          .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('');
  }
  return key;
}

/** '|' never survives fieldKey, so it separates the two parts unambiguously. */
export const requestKey = (userId: string | null, requestId: string) =>
  `${fieldKey(userId ?? '')}|${fieldKey(requestId)}`;

export const configId = (community: string, queue: string) => `${community}:${queue}`;
export const eveningId = (community: string, queue: string, date: string) =>
  `${community}:${queue}:${date}`;

/** 12 URL-safe characters, like the SQLite store's ids (they pass the core's record-id check). */
export const newTicketId = () => crypto.randomBytes(9).toString('base64url');

// --- mapping ---

export function nullableText(doc: DocData, key: string, where: string): string | null {
  const value = doc[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new MalformedDocument(where, key);
  return value;
}

function finite(doc: DocData, key: string, where: string): number {
  const value = doc[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MalformedDocument(where, key);
  return value;
}

function map<T>(doc: DocData, key: string, where: string, read: (v: unknown) => T | null) {
  const value = doc[key] ?? {};
  if (!isDoc(value)) throw new MalformedDocument(where, key);
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(value)) {
    const item = read(v);
    if (item === null) throw new MalformedDocument(where, `${key}.${k}`);
    out[k] = item;
  }
  return out;
}

const readHolder = (v: unknown): Holder | null =>
  isDoc(v) &&
  typeof v.ticketId === 'string' &&
  (v.missedAt === null || typeof v.missedAt === 'string')
    ? { ticketId: v.ticketId, missedAt: v.missedAt }
    : null;

const readTicketId = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function eveningFromDoc(id: string, doc: DocData): Evening {
  const where = `queue_evenings/${id}`;
  return {
    community: text(doc, 'community', where),
    queue: text(doc, 'queue', where),
    date: text(doc, 'date', where),
    paused: doc.paused === true,
    lastNumber: integer(doc, 'lastNumber', where),
    version: integer(doc, 'version', where),
    holders: map(doc, 'holders', where, readHolder),
    requests: map(doc, 'requests', where, readTicketId),
    // Evenings written before the running totals existed have neither field.
    servedCount: doc.servedCount === undefined ? 0 : integer(doc, 'servedCount', where),
    servedSeconds: doc.servedSeconds === undefined ? 0 : integer(doc, 'servedSeconds', where),
  };
}

const newEvening = (community: string, queue: string, date: string): Evening => ({
  community,
  queue,
  date,
  paused: false,
  lastNumber: 0,
  version: 0,
  holders: {},
  requests: {},
  servedCount: 0,
  servedSeconds: 0,
});

const eveningToDoc = (e: Evening): DocData => ({
  community: e.community,
  queue: e.queue,
  date: e.date,
  paused: e.paused,
  lastNumber: e.lastNumber,
  version: e.version,
  holders: e.holders,
  requests: e.requests,
  servedCount: e.servedCount,
  servedSeconds: e.servedSeconds,
});

const publicEvening = (e: Evening): LineEveningRecord => ({
  community: e.community,
  queue: e.queue,
  date: e.date,
  paused: e.paused,
  lastNumber: e.lastNumber,
  version: e.version,
});

function ticketFromDoc(id: string, doc: DocData): TicketRecord {
  const where = `tickets/${id}`;
  const status = text(doc, 'status', where);
  if (!STATUSES.has(status)) throw new MalformedDocument(where, 'status');
  return {
    id,
    community: text(doc, 'community', where),
    queue: text(doc, 'queue', where),
    date: text(doc, 'date', where),
    number: integer(doc, 'number', where),
    label: text(doc, 'label', where),
    status: status as TicketStatus,
    userId: nullableText(doc, 'userId', where),
    note: text(doc, 'note', where),
    requestId: nullableText(doc, 'requestId', where),
    sortKey: finite(doc, 'sortKey', where),
    createdAt: text(doc, 'createdAt', where),
    calledAt: nullableText(doc, 'calledAt', where),
    missedAt: nullableText(doc, 'missedAt', where),
    closedAt: nullableText(doc, 'closedAt', where),
    serviceSeconds: doc.serviceSeconds == null ? null : integer(doc, 'serviceSeconds', where),
    alerted: doc.alerted === true,
  };
}

function ticketToDoc(ticket: TicketRecord): DocData {
  const { id: _id, ...fields } = ticket;
  return fields;
}

const INSTANT_FIELDS: ReadonlySet<keyof TicketPatch> = new Set<keyof TicketPatch>([
  'calledAt',
  'missedAt',
  'closedAt',
]);

/** The fields a patch sets (undefined means "leave as is"), instants normalized to UTC ISO. */
function patchFields(patch: TicketPatch): Partial<TicketRecord> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch) as Array<[keyof TicketPatch, unknown]>) {
    if (value === undefined) continue;
    fields[key] =
      INSTANT_FIELDS.has(key) && typeof value === 'string' ? toStoredInstant(value) : value;
  }
  return fields as Partial<TicketRecord>;
}

// --- holders ---

/** Active for a rejoin: waiting or called, or missed less than `graceMinutes` ago. */
const holds = (holder: Holder, now: Date, graceMinutes: number) =>
  holder.missedAt === null || Date.parse(holder.missedAt) + graceMinutes * 60_000 > now.getTime();

/**
 * The holders map after `ticket` changed status or missedAt. Only the ticket's own entry is
 * removed or marked missed; a ticket that becomes waiting or called again (recall, requeue) is
 * its user's active ticket whatever the entry said.
 */
function holdersAfter(holders: Record<string, Holder>, ticket: TicketRecord) {
  if (ticket.userId === null) return holders;
  const key = fieldKey(ticket.userId);
  const current = holders[key];
  const own = current?.ticketId === ticket.id;
  const { [key]: _dropped, ...without } = holders;
  switch (ticket.status) {
    case 'waiting':
    case 'called':
      return { ...holders, [key]: { ticketId: ticket.id, missedAt: null } };
    case 'missed':
      if (current && !own) return holders;
      // A missed ticket without a time cannot be requeued, so it is not active (as in SQLite).
      return ticket.missedAt === null
        ? without
        : { ...holders, [key]: { ticketId: ticket.id, missedAt: ticket.missedAt } };
    default:
      return own ? without : holders;
  }
}

// --- served totals ---

/** What a ticket adds to LineSummary.served: its seconds when 'done' and measured, else 0. */
const servedSecondsOf = (ticket: TicketRecord) =>
  ticket.status === 'done' && ticket.serviceSeconds !== null && ticket.serviceSeconds > 0
    ? ticket.serviceSeconds
    : 0;

/**
 * The running totals after `before` became `after`: the difference of the two tickets'
 * contributions, so a ticket already done is not counted twice, and one leaving 'done' (or whose
 * seconds are corrected) moves the totals too. They stay equal to SQLite's COUNT and SUM.
 */
function servedAfter(evening: Evening, before: TicketRecord, after: TicketRecord) {
  const was = servedSecondsOf(before);
  const is = servedSecondsOf(after);
  return {
    servedCount: evening.servedCount + (is > 0 ? 1 : 0) - (was > 0 ? 1 : 0),
    servedSeconds: evening.servedSeconds + is - was,
  };
}

// --- transactions ---

async function ticketIn(tx: CloudTransaction, names: QueueCollections, id: string, from: string) {
  const doc = await readDoc(tx.collection(names.tickets).doc(id));
  // Written in the same transaction as the map entry pointing at it: a gap is corruption.
  if (!doc) throw new MalformedDocument(from, `ticket ${id}`);
  return ticketFromDoc(id, doc);
}

/** A ticket the request already has: the one its requestId made, or the user's active one. */
function knownTicketId(evening: Evening, req: JoinRequest): string | null {
  if (req.requestId !== null) {
    const made = evening.requests[requestKey(req.userId, req.requestId)];
    if (made) return made;
  }
  if (req.userId !== null) {
    const holder = evening.holders[fieldKey(req.userId)];
    if (holder && holds(holder, req.now, req.graceMinutes)) return holder.ticketId;
  }
  return null;
}

const newTicket = (req: JoinRequest, number: number): TicketRecord => ({
  id: newTicketId(),
  community: req.community,
  queue: req.queue,
  date: req.date,
  number,
  label: `${req.prefix}${String(number).padStart(3, '0')}`,
  status: 'waiting',
  userId: req.userId,
  note: req.note,
  requestId: req.requestId,
  sortKey: number,
  createdAt: toStoredInstant(req.now),
  calledAt: null,
  missedAt: null,
  closedAt: null,
  serviceSeconds: null,
  alerted: false,
});

function withTicket(evening: Evening, ticket: TicketRecord): Evening {
  const holders = { ...evening.holders };
  if (ticket.userId !== null)
    holders[fieldKey(ticket.userId)] = { ticketId: ticket.id, missedAt: null };
  const requests = { ...evening.requests };
  if (ticket.requestId !== null) requests[requestKey(ticket.userId, ticket.requestId)] = ticket.id;
  return {
    ...evening,
    lastNumber: ticket.number,
    version: evening.version + 1,
    holders,
    requests,
  };
}

/** At most JOIN_MAX_OPERATIONS single-document operations; see JOIN_OPERATIONS. */
async function joinIn(
  tx: CloudTransaction,
  names: QueueCollections,
  req: JoinRequest,
): Promise<JoinOutcome> {
  const id = eveningId(req.community, req.queue, req.date);
  const eveningRef = tx.collection(names.evenings).doc(id);
  const stored = await readDoc(eveningRef);
  const evening = stored
    ? eveningFromDoc(id, stored)
    : newEvening(req.community, req.queue, req.date);
  const known = knownTicketId(evening, req);
  if (known !== null) {
    return { kind: 'existing', ticket: await ticketIn(tx, names, known, `queue_evenings/${id}`) };
  }
  if (evening.paused && !req.ignorePause) return { kind: 'paused' };
  if (evening.lastNumber >= req.capacity) return { kind: 'full' };
  const ticket = newTicket(req, evening.lastNumber + 1);
  // set() writes the whole document, so a missing evening is created by the same write.
  await eveningRef.set({ data: eveningToDoc(withTicket(evening, ticket)) });
  await tx
    .collection(names.tickets)
    .doc(ticket.id)
    .set({ data: ticketToDoc(ticket) });
  return { kind: 'created', ticket };
}

/** get ticket, get evening, update ticket, set evening (version, holders, served totals): 4 ops. */
async function updateIn(
  tx: CloudTransaction,
  names: QueueCollections,
  id: string,
  from: TicketStatus[],
  patch: TicketPatch,
): Promise<TicketRecord | null> {
  const ticketRef = tx.collection(names.tickets).doc(id);
  const stored = await readDoc(ticketRef);
  if (!stored) return null;
  const ticket = ticketFromDoc(id, stored);
  if (!from.includes(ticket.status)) return null;
  const fields = patchFields(patch);
  const updated: TicketRecord = { ...ticket, ...fields };

  const eid = eveningId(ticket.community, ticket.queue, ticket.date);
  const eveningRef = tx.collection(names.evenings).doc(eid);
  const eveningDoc = await readDoc(eveningRef);
  const evening = eveningDoc
    ? eveningFromDoc(eid, eveningDoc)
    : newEvening(ticket.community, ticket.queue, ticket.date);

  if (Object.keys(fields).length > 0) await ticketRef.update({ data: fields });
  const moved = 'status' in fields || 'missedAt' in fields;
  await eveningRef.set({
    data: eveningToDoc({
      ...evening,
      version: evening.version + 1,
      holders: moved ? holdersAfter(evening.holders, updated) : evening.holders,
      ...servedAfter(evening, ticket, updated),
    }),
  });
  return updated;
}

async function touchIn(
  tx: CloudTransaction,
  names: QueueCollections,
  community: string,
  queue: string,
  date: string,
  paused: boolean | undefined,
): Promise<LineEveningRecord> {
  const id = eveningId(community, queue, date);
  const ref = tx.collection(names.evenings).doc(id);
  const stored = await readDoc(ref);
  const evening = stored ? eveningFromDoc(id, stored) : newEvening(community, queue, date);
  // update() would not return the new version; inside the transaction the read one is exact.
  const next = { ...evening, paused: paused ?? evening.paused, version: evening.version + 1 };
  await ref.set({ data: eveningToDoc(next) });
  return publicEvening(next);
}

/** Every page of a query: skip/limit over a total order, past the 100-per-read cap. */
export async function readAll(query: () => CloudQuery): Promise<DocData[]> {
  const all: DocData[] = [];
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await query().skip(skip).limit(PAGE_SIZE).get();
    all.push(...data);
    if (data.length < PAGE_SIZE) return all;
  }
}

const ticketsFrom = (docs: DocData[]) =>
  docs.map((doc) => ticketFromDoc(text(doc, '_id', 'tickets/?'), doc));

/** The labels of the five most recently called tickets (LineSummary.recentlyCalled). */
const RECENTLY_CALLED = 5;

/**
 * Database operations per call, all run at once: lineSummary counts the waiting tickets, reads
 * the head of the line, the tickets at the desk, the five latest calls and the evening document
 * (one fewer when `head` is 0); countWaitingBefore is one count. Neither reads the whole line.
 */
export const SUMMARY_OPERATIONS = { lineSummary: 5, countWaitingBefore: 1 } as const;

export function queueRepo(db: CloudDatabase, names: QueueCollections): QueueRepo {
  const tickets = () => db.collection(names.tickets);

  return {
    async getConfig(community, queue) {
      const id = configId(community, queue);
      const doc = await readDoc(db.collection(names.configs).doc(id));
      if (!doc) return null;
      const where = `queue_configs/${id}`;
      return {
        capacity: integer(doc, 'capacity', where),
        lastJoin: text(doc, 'lastJoin', where),
        graceMinutes: integer(doc, 'graceMinutes', where),
        defaultServiceMinutes: integer(doc, 'defaultServiceMinutes', where),
      };
    },
    async saveConfig(community, queue, config: LineConfigRecord) {
      await db
        .collection(names.configs)
        .doc(configId(community, queue))
        .set({
          data: {
            community,
            queue,
            capacity: config.capacity,
            lastJoin: config.lastJoin,
            graceMinutes: config.graceMinutes,
            defaultServiceMinutes: config.defaultServiceMinutes,
          },
        });
    },
    async getEvening(community, queue, date) {
      const id = eveningId(community, queue, date);
      const doc = await readDoc(db.collection(names.evenings).doc(id));
      return doc ? publicEvening(eveningFromDoc(id, doc)) : null;
    },
    join: (request) => transact(db, MANY_RACERS, (tx) => joinIn(tx, names, request)),
    async getTicket(id) {
      const doc = await readDoc(tickets().doc(id));
      return doc ? ticketFromDoc(id, doc) : null;
    },
    async lineSummary(community, queue, date, head): Promise<LineSummary> {
      if (head > PAGE_SIZE) throw new RangeError(`lineSummary: head ${head} > ${PAGE_SIZE}`);
      const line = { community, queue, date };
      const waiting = { ...line, status: 'waiting' };
      const eid = eveningId(community, queue, date);
      const [count, first, called, recent, eveningDoc] = await Promise.all([
        tickets().where(waiting).count(),
        // number breaks sortKey ties (a requeue can land on a later number's key), as in listTickets.
        head > 0
          ? tickets()
              .where(waiting)
              .orderBy('sortKey', 'asc')
              .orderBy('number', 'asc')
              .limit(head)
              .get()
          : { data: [] },
        tickets()
          .where({ ...line, status: 'called' })
          .orderBy('calledAt', 'desc')
          .limit(PAGE_SIZE)
          .get(),
        // neq(null) leaves out tickets never called (stored calledAt: null), whatever their status.
        tickets()
          .where({ ...line, calledAt: db.command.neq(null) })
          .orderBy('calledAt', 'desc')
          .limit(RECENTLY_CALLED)
          .field({ label: true })
          .get(),
        readDoc(db.collection(names.evenings).doc(eid)),
      ]);
      const evening = eveningDoc ? eveningFromDoc(eid, eveningDoc) : null;
      return {
        waiting: count.total,
        head: ticketsFrom(first.data),
        called: ticketsFrom(called.data),
        recentlyCalled: recent.data.map((doc) => text(doc, 'label', 'tickets/?')),
        served: {
          count: evening?.servedCount ?? 0,
          totalSeconds: evening?.servedSeconds ?? 0,
        },
      };
    },
    async countWaitingBefore(community, queue, date, sortKey) {
      const { total } = await tickets()
        .where({ community, queue, date, status: 'waiting', sortKey: db.command.lt(sortKey) })
        .count();
      return total;
    },
    async listTickets(community, queue, date) {
      // number breaks sortKey ties (a requeue can land on a closed ticket's key), so pages are
      // stable and the order matches SQLite's (rows in number order within one key).
      const docs = await readAll(() =>
        tickets()
          .where({ community, queue, date })
          .orderBy('sortKey', 'asc')
          .orderBy('number', 'asc'),
      );
      return ticketsFrom(docs);
    },
    async ticketsOfUser(userId, date) {
      const docs = await readAll(() =>
        tickets().where({ userId, date }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'),
      );
      return ticketsFrom(docs);
    },
    updateTicket: (id, from, patch) =>
      transact(db, MANY_RACERS, (tx) => updateIn(tx, names, id, from, patch)),
    touchEvening: (community, queue, date, patch) =>
      transact(db, MANY_RACERS, (tx) => touchIn(tx, names, community, queue, date, patch.paused)),
  };
}
