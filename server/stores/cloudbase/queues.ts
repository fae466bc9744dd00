/**
 * The walk-in queue (取号, the QueueRepo port):
 * - queue_configs/<community>:<queue> (lineId): { community, queue, capacity, lastJoin,
 *   graceMinutes, defaultServiceMinutes }
 * - queue_evenings/<community>:<queue>:<date>: the whole evening, private (user ids, notes):
 *   { community, queue, date, key, setup, paused, lastNumber, version,
 *     tickets: { "<number>": ticket fields },
 *     users: { [fieldKey(userId)]: true }, anonymised?: true } — `users` exists only so
 *   eveningsOfUser can query; `anonymised` marks an evening retention has been through (its
 *   tickets sit in a map no query can look into, so the mark is how a rerun skips it).
 * - queue_lines/<community>:<queue>: the line's public LineState, which residents' ticket pages
 *   and the TV watch(); no user ids, no notes (rules: client read, no client write).
 * - queue_residents/<community>:<date>:<fieldKey(userId)>: { community, date, tickets: ids }:
 *   every number one resident took on one evening of a community, every line. A join by a
 *   resident reads it and, when it issues a number, writes it, in the join's transaction: the
 *   evening documents are one per line, so this is the one document two joins by one resident
 *   on two lines both write, and only one of them commits on a stale count (core/community/
 *   limits.ts decides). A resident's join is 2 reads and 3 writes; a walk-in's stays 1 and 2.
 *
 * Why one document per evening: a transaction can neither query nor afford many documents, and
 * every rule of the line (numbering, one live ticket per resident, call order, requeue place)
 * looks at the whole line. So `change` reads one document, lets the core decide, and writes the
 * difference back with the public state beside it — a walk-in's join is 1 read and 2 writes (a
 * resident's adds their numbers of the evening: see queue_residents). Snapshot
 * isolation on the evening document is what keeps two joins from getting one number. A line of
 * 300 tickets is about 90 KB, far inside a document's limit.
 *
 * Ticket ids are `<evening key>-<number>` (core/queue/evening.ts): the key finds the evening with
 * one indexed query (index on `key`).
 *
 * Community and queue ids are [a-z0-9-] (see core/validation), so ':' cannot make two ids collide.
 */
import { erasedEvening, keyOfTicketId, ticketChanges } from '../../core/queue/evening';
import { DEFAULT_LIMITS } from '../../core/community/limits';
import { retainedEvening } from '../../core/retention/rules';
import type {
  EveningChange,
  EveningRecord,
  LineConfigRecord,
  LineSetup,
  QueueRepo,
  TicketRecord,
  TicketStatus,
} from '../../core/ports';
import { isDoc, MalformedDocument, readDoc } from './documents';
import {
  changedFields,
  fieldsOf,
  finite,
  flag,
  getRecord,
  integer,
  nested,
  nullable,
  nullableText,
  oneOf,
  orDefault,
  read,
  records,
  recordsOf,
  someStrings,
  text,
  type Shape,
} from './fields';
import { fieldKey } from './keys';
import type { CloudDatabase, CloudTransaction, DocData } from './sdk';
import { MANY_RACERS, transact } from './transaction';

type QueueCollections = Record<
  'queue_configs' | 'queue_evenings' | 'queue_lines' | 'queue_residents',
  string
>;

/** A line's configuration and its public state: one document each per community and queue. */
export const lineId = (community: string, queue: string) => `${community}:${queue}`;
export const eveningId = (community: string, queue: string, date: string) =>
  `${community}:${queue}:${date}`;
export const residentId = (community: string, date: string, userId: string) =>
  `${community}:${date}:${fieldKey(userId)}`;

// ── mapping ───────────────────────────────────────────────────────────────

/** A ticket as stored under its number in the evening: the evening holds community, queue, date. */
const TICKET: Shape<Omit<TicketRecord, 'community' | 'queue' | 'date'>> = {
  id: text,
  number: integer,
  label: text,
  status: oneOf<TicketStatus>(['waiting', 'called', 'missed', 'done', 'cancelled']),
  userId: nullableText,
  note: text,
  requestId: nullableText,
  sortKey: finite,
  createdAt: text,
  calledAt: nullableText,
  missedAt: nullableText,
  closedAt: nullableText,
  serviceSeconds: nullable(integer),
  alerted: flag,
  // Absent on documents written before alerts were timed.
  alertedAt: nullableText,
};

const CONFIG: Shape<LineConfigRecord> = {
  capacity: integer,
  lastJoin: text,
  graceMinutes: integer,
  defaultServiceMinutes: integer,
};

const EVENING: Shape<Omit<EveningRecord, 'tickets'>> = {
  community: text,
  queue: text,
  date: text,
  key: text,
  setup: nullable(
    // The line's configuration, with its name, prefix and tonight's hours.
    nested<LineSetup>({
      name: text,
      prefix: text,
      ...CONFIG,
      opensAt: text,
      closesAt: text,
      // Absent in evenings written before the limit.
      numbersPerResident: orDefault(integer, DEFAULT_LIMITS.numbersPerEvening),
    }),
  ),
  paused: flag,
  lastNumber: integer,
  version: integer,
};

function eveningFromDoc(id: string, doc: DocData): EveningRecord {
  const where = `queue_evenings/${id}`;
  const evening = read(EVENING, doc, where);
  const tickets = doc.tickets ?? {};
  if (!isDoc(tickets)) throw new MalformedDocument(where, 'tickets');
  const list = Object.entries(tickets).map(([number, value]): TicketRecord => {
    if (!isDoc(value)) throw new MalformedDocument(where, `tickets.${number}`);
    const { community, queue, date } = evening;
    return { ...read(TICKET, value, `${where} tickets.${number}`), community, queue, date };
  });
  return { ...evening, tickets: list.sort((a, b) => a.number - b.number) };
}

const eveningsFrom = recordsOf('queue_evenings', eveningFromDoc);

const usersOf = (evening: EveningRecord): DocData =>
  Object.fromEntries(
    evening.tickets.filter((t) => t.userId !== null).map((t) => [fieldKey(t.userId!), true]),
  );

const eveningToDoc = (e: EveningRecord): DocData => ({
  ...fieldsOf(EVENING, e),
  tickets: Object.fromEntries(e.tickets.map((t) => [String(t.number), fieldsOf(TICKET, t)])),
  users: usersOf(e),
});

/**
 * The update that turns `current` into `next`, field by field: changed fields of the evening,
 * each changed or new ticket under its number, and `users` when its keys change. `_.set`
 * replaces a value whole, because update() merges plain objects field by field.
 */
function diffOf(db: CloudDatabase, current: EveningRecord, next: EveningRecord): DocData {
  const set = db.command.set;
  const data = changedFields(fieldsOf(EVENING, current), fieldsOf(EVENING, next));
  if ('setup' in data) data.setup = set(next.setup);
  const { added, changed } = ticketChanges(current, next);
  for (const t of [...added, ...changed]) data[`tickets.${t.number}`] = set(fieldsOf(TICKET, t));
  const users = usersOf(next);
  if (JSON.stringify(usersOf(current)) !== JSON.stringify(users)) data.users = set(users);
  return data;
}

type Decide<T> = (current: EveningRecord | null, taken: string[] | null) => EveningChange<T>;

/**
 * A resident's numbers of one evening in a transaction: the ids taken so far, and a write of
 * the tickets a change added for them (none added: nothing written). Without a resident: no
 * read, null, and nothing to write.
 */
async function residentNumbers(
  tx: CloudTransaction,
  names: QueueCollections,
  [community, date]: [string, string],
  resident: string | null,
) {
  if (!resident) return { taken: null, record: async () => {} };
  const id = residentId(community, date, resident);
  const ref = tx.collection(names.queue_residents).doc(id);
  const taken = someStrings((await readDoc(ref)) ?? {}, 'tickets', `queue_residents/${id}`);
  const record = async (current: EveningRecord | null, next: EveningRecord | null) => {
    const added = next
      ? ticketChanges(current, next).added.filter((t) => t.userId === resident)
      : [];
    if (added.length === 0) return;
    const tickets = [...new Set([...taken, ...added.map((t) => t.id)])];
    await ref.set({ data: { community, date, tickets } });
  };
  return { taken, record };
}

export function queueRepo(db: CloudDatabase, names: QueueCollections): QueueRepo {
  const evenings = records(db, names, 'queue_evenings', eveningFromDoc);
  const configs = records(db, names, 'queue_configs', (id, doc) =>
    read(CONFIG, doc, `queue_configs/${id}`),
  );

  /**
   * Reads the evening (and, with a resident, their numbers of the evening), asks `decide`, writes
   * the difference, the line's public state and the resident's new numbers.
   */
  const change = <T>(
    community: string,
    queue: string,
    date: string,
    decide: Decide<T>,
    resident: string | null = null,
  ) =>
    transact(db, MANY_RACERS, async (tx) => {
      const id = eveningId(community, queue, date);
      const ref = tx.collection(names.queue_evenings).doc(id);
      const current = await getRecord(ref, eveningFromDoc, id);
      const mine = await residentNumbers(tx, names, [community, date], resident);
      const { next, line, result } = decide(current, mine.taken);
      const diff = next && current && diffOf(db, current, next);
      if (next && !current) await ref.set({ data: eveningToDoc(next) });
      else if (diff && Object.keys(diff).length > 0) await ref.update({ data: diff });
      const lineRef = tx.collection(names.queue_lines).doc(lineId(community, queue));
      if (line) await lineRef.set({ data: { ...line } });
      await mine.record(current, next);
      return result;
    });

  return {
    getConfig: (community, queue) => configs.get(lineId(community, queue)),
    async saveConfig(community, queue, config) {
      const data = { community, queue, ...fieldsOf(CONFIG, config) };
      await configs.doc(lineId(community, queue)).set({ data });
    },
    getEvening: (community, queue, date) => evenings.get(eveningId(community, queue, date)),
    async eveningOfTicket(ticketId) {
      const key = keyOfTicketId(ticketId);
      if (!key) return null;
      const [evening] = await evenings.first(1, { key });
      return evening?.tickets.some((t) => t.id === ticketId) ? evening : null;
    },
    eveningsOf: (community, date) => evenings.find({ community, date }, 'queue'),
    eveningsOfUser: (userId, date) =>
      evenings.find({ date, users: { [fieldKey(userId)]: true } }, '_id'),
    /**
     * One query for the evenings where the user holds a ticket (the `users` map), then per
     * evening one change as erasedEvening decides (get it, update it), so the user's key leaves
     * `users` too. The public line state holds no user ids and stays as it is.
     */
    async erase(userId) {
      let count = 0;
      const mine = await evenings.find({ users: { [fieldKey(userId)]: true } }, '_id');
      for (const { community, queue, date } of mine) {
        count += await change(community, queue, date, (current) => {
          const next = current && erasedEvening(current, userId);
          const erased = next ? ticketChanges(current, next).changed.length : 0;
          return { next, line: null, result: erased };
        });
      }
      // The numbers the limits counted are named by the user id: they go too.
      const residents = db.collection(names.queue_residents);
      for (const { community, date } of mine) {
        await residents.doc(residentId(community, date, userId)).remove();
      }
      return count;
    },
    /**
     * Retention: up to `limit` evenings before `cutoff` not marked `anonymised` (one query,
     * index date + anonymised); per evening, its residents' numbers (queue_residents, named by
     * the user id, needed on the evening only) removed, then one transaction writing
     * retainedEvening's difference with the mark, also on an evening that names nobody.
     */
    async anonymiseBefore(cutoff, limit) {
      const _ = db.command;
      const where = { date: _.lt(cutoff), anonymised: _.neq(true) };
      const { data } = await evenings.ref().where(where).orderBy('_id', 'asc').limit(limit).get();
      const residents = db.collection(names.queue_residents);
      for (const found of eveningsFrom(data)) {
        const { community, queue, date } = found;
        const owners = new Set(found.tickets.flatMap((t) => (t.userId === null ? [] : [t.userId])));
        for (const userId of owners)
          await residents.doc(residentId(community, date, userId)).remove();
        await transact(db, MANY_RACERS, async (tx) => {
          const id = eveningId(community, queue, date);
          const ref = tx.collection(names.queue_evenings).doc(id);
          const current = await getRecord(ref, eveningFromDoc, id);
          const next = current && retainedEvening(current, cutoff);
          const diff = current && next ? diffOf(db, current, next) : {};
          if (current) await ref.update({ data: { ...diff, anonymised: true } });
        });
      }
      return data.length;
    },
    change,
  };
}
