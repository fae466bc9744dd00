/**
 * The walk-in queue (取号) on CloudBase, with the same behaviour as server/stores/sqlite/queues.ts.
 *
 * Documents (collection names without the optional prefix):
 * - queue_configs/<community>:<queue>: { community, queue, capacity, lastJoin, graceMinutes,
 *   defaultServiceMinutes }
 * - queue_evenings/<community>:<queue>:<date>: the whole evening, private (user ids, notes):
 *   { community, queue, date, key, setup, paused, lastNumber, version,
 *     tickets: { "<number>": ticket fields },
 *     users: { [fieldKey(userId)]: true } } — `users` exists only so eveningsOfUser can query.
 * - queue_lines/<community>:<queue>: the line's public LineState, which residents' ticket pages
 *   and the TV watch(); no user ids, no notes (rules: client read, no client write).
 *
 * Why one document per evening: a transaction can neither query nor afford many documents, and
 * every rule of the line (numbering, one live ticket per resident, call order, requeue place)
 * looks at the whole line. So `change` reads one document, lets the core decide, and writes the
 * difference back with the public state beside it — a join is 1 read and 2 writes. Snapshot
 * isolation on the evening document is what keeps two joins from getting one number. A line of
 * 300 tickets is about 90 KB, far inside a document's limit.
 *
 * Ticket ids are `<evening key>-<number>` (core/queue/evening.ts): the key finds the evening with
 * one indexed query (index on `key`).
 *
 * Community and queue ids are [a-z0-9-] (see core/validation), so ':' cannot make two ids collide.
 */
import type {
  EveningRecord,
  LineConfigRecord,
  LineSetup,
  QueueRepo,
  TicketRecord,
  TicketStatus,
} from '../../core/ports';
import { integer, isDoc, MalformedDocument, readDoc, text } from './documents';
import {
  PAGE_SIZE,
  type CloudDatabase,
  type CloudQuery,
  type CloudTransaction,
  type DocData,
} from './sdk';
import { MANY_RACERS, transact } from './transaction';

export interface QueueCollections {
  configs: string;
  evenings: string;
  lines: string;
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
export const lineId = (community: string, queue: string) => `${community}:${queue}`;

// ── mapping ───────────────────────────────────────────────────────────────

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

function ticketFromDoc(evening: EveningRecord, doc: DocData, where: string): TicketRecord {
  const status = text(doc, 'status', where);
  if (!STATUSES.has(status)) throw new MalformedDocument(where, 'status');
  return {
    id: text(doc, 'id', where),
    community: evening.community,
    queue: evening.queue,
    date: evening.date,
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
    // Absent on documents written before alerts were timed.
    alertedAt: doc.alertedAt == null ? null : text(doc, 'alertedAt', where),
  };
}

const ticketToDoc = (t: TicketRecord): DocData => ({
  id: t.id,
  number: t.number,
  label: t.label,
  status: t.status,
  userId: t.userId,
  note: t.note,
  requestId: t.requestId,
  sortKey: t.sortKey,
  createdAt: t.createdAt,
  calledAt: t.calledAt,
  missedAt: t.missedAt,
  closedAt: t.closedAt,
  serviceSeconds: t.serviceSeconds,
  alerted: t.alerted,
  alertedAt: t.alertedAt,
});

function setupFromDoc(value: unknown, where: string): LineSetup | null {
  if (value === null || value === undefined) return null;
  if (!isDoc(value)) throw new MalformedDocument(where, 'setup');
  const at = `${where} setup`;
  return {
    name: text(value, 'name', at),
    prefix: text(value, 'prefix', at),
    capacity: integer(value, 'capacity', at),
    lastJoin: text(value, 'lastJoin', at),
    graceMinutes: integer(value, 'graceMinutes', at),
    defaultServiceMinutes: integer(value, 'defaultServiceMinutes', at),
    opensAt: text(value, 'opensAt', at),
    closesAt: text(value, 'closesAt', at),
  };
}

export function eveningFromDoc(id: string, doc: DocData): EveningRecord {
  const where = `queue_evenings/${id}`;
  const evening: EveningRecord = {
    community: text(doc, 'community', where),
    queue: text(doc, 'queue', where),
    date: text(doc, 'date', where),
    key: text(doc, 'key', where),
    setup: setupFromDoc(doc.setup, where),
    paused: doc.paused === true,
    lastNumber: integer(doc, 'lastNumber', where),
    version: integer(doc, 'version', where),
    tickets: [],
  };
  const tickets = doc.tickets ?? {};
  if (!isDoc(tickets)) throw new MalformedDocument(where, 'tickets');
  evening.tickets = Object.entries(tickets)
    .map(([number, value]) => {
      if (!isDoc(value)) throw new MalformedDocument(where, `tickets.${number}`);
      return ticketFromDoc(evening, value, `${where} tickets.${number}`);
    })
    .sort((a, b) => a.number - b.number);
  return evening;
}

const usersOf = (evening: EveningRecord): DocData =>
  Object.fromEntries(
    evening.tickets.filter((t) => t.userId !== null).map((t) => [fieldKey(t.userId!), true]),
  );

export const eveningToDoc = (e: EveningRecord): DocData => ({
  community: e.community,
  queue: e.queue,
  date: e.date,
  key: e.key,
  setup: e.setup,
  paused: e.paused,
  lastNumber: e.lastNumber,
  version: e.version,
  tickets: Object.fromEntries(e.tickets.map((t) => [String(t.number), ticketToDoc(t)])),
  users: usersOf(e),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The update that turns `current` into `next`, field by field: changed scalars, each changed or
 * new ticket under its number, new users. `_.set` replaces a value whole, because update()
 * merges plain objects field by field.
 */
function diffOf(db: CloudDatabase, current: EveningRecord, next: EveningRecord): DocData {
  const set = db.command.set;
  const data: DocData = {};
  for (const key of ['key', 'paused', 'lastNumber', 'version'] as const) {
    if (current[key] !== next[key]) data[key] = next[key];
  }
  if (!same(current.setup, next.setup)) data.setup = set(next.setup);
  const before = new Map(current.tickets.map((t) => [t.id, t]));
  for (const ticket of next.tickets) {
    const old = before.get(ticket.id);
    // Decisions keep the objects of tickets they did not touch.
    if (old === ticket) continue;
    if (!old || !same(ticketToDoc(old), ticketToDoc(ticket)))
      data[`tickets.${ticket.number}`] = set(ticketToDoc(ticket));
  }
  const users = usersOf(current);
  for (const key of Object.keys(usersOf(next))) {
    if (!(key in users)) data[`users.${key}`] = true;
  }
  return data;
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

const eveningsFrom = (docs: DocData[]) =>
  docs.map((doc) => eveningFromDoc(text(doc, '_id', 'queue_evenings/?'), doc));

/** The key part of a ticket id (`<key>-<number>`), or null when the id cannot be one. */
const keyOfTicket = (ticketId: string) => /^([A-Za-z0-9]+)-\d+$/.exec(ticketId)?.[1] ?? null;

async function changeIn<T>(
  db: CloudDatabase,
  tx: CloudTransaction,
  names: QueueCollections,
  ref: { community: string; queue: string; date: string },
  decide: Parameters<QueueRepo['change']>[3],
): Promise<T> {
  const id = eveningId(ref.community, ref.queue, ref.date);
  const eveningRef = tx.collection(names.evenings).doc(id);
  const stored = await readDoc(eveningRef);
  const current = stored ? eveningFromDoc(id, stored) : null;
  const { next, line, result } = decide(current);
  if (next) {
    if (!current) await eveningRef.set({ data: eveningToDoc(next) });
    else {
      const data = diffOf(db, current, next);
      if (Object.keys(data).length > 0) await eveningRef.update({ data });
    }
  }
  if (line) {
    await tx
      .collection(names.lines)
      .doc(lineId(ref.community, ref.queue))
      .set({ data: { ...line } });
  }
  return result as T;
}

export function queueRepo(db: CloudDatabase, names: QueueCollections): QueueRepo {
  const evenings = () => db.collection(names.evenings);

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
      const doc = await readDoc(evenings().doc(id));
      return doc ? eveningFromDoc(id, doc) : null;
    },
    async eveningOfTicket(ticketId) {
      const key = keyOfTicket(ticketId);
      if (!key) return null;
      const { data } = await evenings().where({ key }).limit(1).get();
      const evening = eveningsFrom(data)[0];
      return evening?.tickets.some((t) => t.id === ticketId) ? evening : null;
    },
    async eveningsOf(community, date) {
      return eveningsFrom(
        await readAll(() => evenings().where({ community, date }).orderBy('queue', 'asc')),
      );
    },
    async eveningsOfUser(userId, date) {
      return eveningsFrom(
        await readAll(() =>
          evenings()
            .where({ date, users: { [fieldKey(userId)]: true } })
            .orderBy('_id', 'asc'),
        ),
      );
    },
    change<T>(
      community: string,
      queue: string,
      date: string,
      decide: Parameters<QueueRepo['change']>[3],
    ): Promise<T> {
      return transact(db, MANY_RACERS, (tx) =>
        changeIn<T>(db, tx, names, { community, queue, date }, decide),
      );
    },
  };
}
