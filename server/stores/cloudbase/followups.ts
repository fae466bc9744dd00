/**
 * Follow-up calls (回访) on CloudBase: the FollowUpRepo port, with the same behaviour as
 * server/stores/sqlite/followups.ts.
 * The rules are the core's (core/followup/rules.ts): this file loads the few documents a decision needs,
 * asks it, and writes the outcome in the same transaction.
 *
 * Documents (collection names without the optional prefix):
 * - followups/<task id>: the FollowUpRecord fields without `id` (attempts and result embedded),
 *   plus `seq`: the task's number in its community, in creation order, which breaks ties in the
 *   lists the way SQLite's rowid does (the job creates a whole run with one `createdAt`).
 * - followup_keys/task_<…> (taskKeyId): { taskId, community, date, kind }: one per (community,
 *   date, residentKey, kind), the uniqueness SQLite's unique index gives. A transaction cannot
 *   query, so create() finds an existing task through this document's deterministic `_id`; two
 *   creates of one task both write it, so only one can commit. The resident key (a user id, or
 *   "booking:<id>") goes into the `_id` only hashed: no ':' or other character an `_id` may not
 *   hold, and no openid in an `_id` that erase() could not change.
 * - followup_keys/order_<community>: { community, made }: tasks ever created in the community,
 *   which numbers them (`seq`).
 * - followup_rules/<community>: { community, rules: [{ service, followUp, delayDays }] }: a list,
 *   not a map, so a service id never has to be a field name.
 *
 * Writes to a task read it and set() the whole document in a transaction: update() merges nested
 * objects field by field (and cannot set `result.note` while `result` is null), while set()
 * replaces `attempts` and `result` exactly.
 */
import type { FollowUpResult } from '../../../contract/followup';
import { erasedTask, firstTask, patchIfUnchanged, taskKey } from '../../core/followup/rules';
import type { FollowUpRecord, FollowUpRepo, FollowUpRuleRecord } from '../../core/ports';
import { MalformedDocument, readDoc } from './documents';
import {
  bool,
  docOf,
  getRecord,
  integer,
  listOf,
  nested,
  nullable,
  nullableText,
  oneOf,
  readAll,
  recordOf,
  recordsOf,
  strings,
  text,
  type Shape,
} from './fields';
import { PAGE_SIZE, type CloudDatabase, type CloudTransaction, type DocData } from './sdk';
import { FEW_RACERS, MANY_RACERS, transact } from './transaction';
import { digest } from './keys';

/**
 * Single-document operations a create() runs inside its one transaction, by outcome:
 * - created: get the key, get the community's order document, set it, set the key, set the task;
 * - existing: get the key, get the task.
 */
export const CREATE_FOLLOW_UP_OPERATIONS = { created: 5, existing: 2 } as const;

export interface FollowUpCollections {
  followUps: string;
  keys: string;
  rules: string;
}


/** Only [A-Za-z0-9-]: the readable parts of a key id (community ids and dates already are). */
const readable = (part: string) => part.replace(/[^A-Za-z0-9-]/g, '-');

/**
 * The `_id` of a task's key document: readable community, date and kind for the console, and a
 * digest of all four parts (the resident key included) that makes it unique.
 */
export const taskKeyId = (r: Pick<FollowUpRecord, 'community' | 'date' | 'residentKey' | 'kind'>) =>
  `task_${readable(r.community)}_${readable(r.date)}_${r.kind}_${digest(...taskKey(r))}`;

/** Community ids are [a-z0-9-] (core/validation), as in the other `<community>` ids. */
export const orderId = (community: string) => `order_${community}`;

// --- mapping ---

const resultShape: Shape<FollowUpResult> = {
  satisfaction: oneOf(['satisfied', 'mostly', 'unsatisfied']),
  solved: oneOf(['yes', 'partly', 'no']),
  note: text,
};

export const followUpFromDoc = recordOf<FollowUpRecord>('followups', {
  community: text,
  date: text,
  residentKey: text,
  userId: nullableText,
  name: text,
  phone: nullableText,
  channel: oneOf(['call', 'message']),
  services: strings,
  kind: oneOf(['first', 'senior']),
  parentId: nullableText,
  due: text,
  status: oneOf(['open', 'done', 'closed']),
  attempts: listOf({
    outcome: oneOf(['reached', 'no-answer', 'wrong-number', 'declined']),
    at: text,
    by: text,
  }),
  result: nullable(nested(resultShape)),
  closedReason: nullableText,
  suggestionId: nullableText,
  createdAt: text,
  closedAt: nullableText,
});

/** Every field but `id`, plus the task's number in its community. */
export const followUpToDoc = (r: FollowUpRecord, seq: number): DocData => ({ ...docOf(r), seq });

const seqOf = (doc: DocData, id: string) => integer(doc, 'seq', `followups/${id}`);

const followUpsFrom = recordsOf('followups', followUpFromDoc);

const ruleShape: Shape<FollowUpRuleRecord & { service: string }> = {
  service: text,
  followUp: bool,
  delayDays: integer,
};

function rulesFromDoc(community: string, doc: DocData): Record<string, FollowUpRuleRecord> {
  const list = listOf(ruleShape)(doc, 'rules', `followup_rules/${community}`);
  return Object.fromEntries(list.map(({ service, ...rule }) => [service, rule]));
}

// --- transactions ---

/** A task in a transaction: its reference, what was read, and its `seq` to write back. */
async function readTask(tx: CloudTransaction, names: FollowUpCollections, id: string) {
  const ref = tx.collection(names.followUps).doc(id);
  const doc = await readDoc(ref);
  return doc ? { ref, record: followUpFromDoc(id, doc), seq: seqOf(doc, id) } : null;
}

/** CREATE_FOLLOW_UP_OPERATIONS: the task made first under the key (firstTask), or this one. */
async function createIn(tx: CloudTransaction, names: FollowUpCollections, record: FollowUpRecord) {
  const keys = tx.collection(names.keys);
  const keyId = taskKeyId(record);
  const keyRef = keys.doc(keyId);
  const key = await readDoc(keyRef);
  const taskId = key && text(key, 'taskId', `followup_keys/${keyId}`);
  const existing = taskId ? await readTask(tx, names, taskId) : null;
  if (taskId && !existing) throw new MalformedDocument(`followup_keys/${keyId}`, `task ${taskId}`);
  const decided = firstTask(existing?.record ?? null, record);
  if (!decided.created) return decided;
  const orderRef = keys.doc(orderId(record.community));
  const order = await readDoc(orderRef);
  const seq =
    (order ? integer(order, 'made', `followup_keys/${orderId(record.community)}`) : 0) + 1;
  await orderRef.set({ data: { community: record.community, made: seq } });
  await keyRef.set({
    data: { taskId: record.id, community: record.community, date: record.date, kind: record.kind },
  });
  const doc = followUpToDoc(record, seq);
  await tx.collection(names.followUps).doc(record.id).set({ data: doc });
  return { created: true, record: followUpFromDoc(record.id, doc) };
}

/**
 * get, then set of what `decide` returns (null: nothing written): the whole document, so nested
 * `attempts` and `result` are replaced exactly.
 */
async function changeIn(
  tx: CloudTransaction,
  names: FollowUpCollections,
  id: string,
  decide: (current: FollowUpRecord) => FollowUpRecord | null,
) {
  const task = await readTask(tx, names, id);
  const next = task && decide(task.record);
  if (!task || !next) return null;
  await task.ref.set({ data: followUpToDoc(next, task.seq) });
  return next;
}

/** get, then update of one scalar; a missing task is left alone, as SQLite's UPDATE does. */
async function linkIn(
  tx: CloudTransaction,
  names: FollowUpCollections,
  id: string,
  suggestionId: string,
) {
  const ref = tx.collection(names.followUps).doc(id);
  if (await readDoc(ref)) await ref.update({ data: { suggestionId } });
}

export function followUpRepo(db: CloudDatabase, names: FollowUpCollections): FollowUpRepo {
  const followUps = () => db.collection(names.followUps);

  return {
    // Two runs of the job at once write the same order document for every task: many racers.
    create: (record) => transact(db, MANY_RACERS, (tx) => createIn(tx, names, record)),
    get: (id) => getRecord(followUps().doc(id), followUpFromDoc, id),
    /** By due date; tasks of one run share `createdAt`, so `seq` keeps creation order. */
    async open(community) {
      const docs = await readAll(() =>
        followUps()
          .where({ community, status: 'open' })
          .orderBy('due', 'asc')
          .orderBy('createdAt', 'asc')
          .orderBy('seq', 'asc'),
      );
      return followUpsFrom(docs);
    },
    /**
     * Newest first. The SDK slice has no `>=`: tasks with a closedAt are read newest first and
     * the reading stops at the first one closed before `since`, so only the answer is read.
     */
    async recent(community, since) {
      const found: DocData[] = [];
      for (let skip = 0; ; skip += PAGE_SIZE) {
        const { data } = await followUps()
          .where({ community, closedAt: db.command.neq(null) })
          .orderBy('closedAt', 'desc')
          .orderBy('seq', 'desc')
          .skip(skip)
          .limit(PAGE_SIZE)
          .get();
        for (const doc of data) {
          const closedAt = text(doc, 'closedAt', `followups/${String(doc._id)}`);
          if (closedAt < since) return followUpsFrom(found);
          if (doc.status !== 'open') found.push(doc);
        }
        if (data.length < PAGE_SIZE) return followUpsFrom(found);
      }
    },
    update: (id, attempts, patch) =>
      transact(db, FEW_RACERS, (tx) =>
        changeIn(tx, names, id, (t) => patchIfUnchanged(t, attempts, patch)),
      ),
    linkSuggestion: (id, suggestionId) =>
      transact(db, FEW_RACERS, (tx) => linkIn(tx, names, id, suggestionId)),
    /** By evening, then creation, as SQLite. */
    async ofUser(userId) {
      const docs = await readAll(() =>
        followUps()
          .where({ userId })
          .orderBy('date', 'asc')
          .orderBy('createdAt', 'asc')
          .orderBy('seq', 'asc'),
      );
      return followUpsFrom(docs);
    },
    /** Every task about one evening, any kind and status, in creation order as SQLite. */
    async ofEvening(community, date) {
      const docs = await readAll(() =>
        followUps().where({ community, date }).orderBy('createdAt', 'asc').orderBy('seq', 'asc'),
      );
      return followUpsFrom(docs);
    },
    async getRules(community) {
      const doc = await readDoc(db.collection(names.rules).doc(community));
      return doc ? rulesFromDoc(community, doc) : null;
    },
    async saveRules(community, rules) {
      await db
        .collection(names.rules)
        .doc(community)
        .set({
          data: {
            community,
            rules: Object.entries(rules).map(([service, rule]) => ({
              service,
              followUp: rule.followUp,
              delayDays: rule.delayDays,
            })),
          },
        });
    },
    /**
     * One query for the user's tasks, then one small transaction per task (a call being recorded
     * at the same moment is not overwritten). Counts every task of the user, as SQLite's UPDATE.
     */
    async erase(userId) {
      const ids = (
        await readAll(() =>
          followUps().where({ userId }).orderBy('_id', 'asc').field({ _id: true }),
        )
      ).map((doc) => text(doc, '_id', 'followups/?'));
      let count = 0;
      for (const id of ids) {
        const erase = (t: FollowUpRecord) => (t.userId === userId ? erasedTask(t) : null);
        if (await transact(db, FEW_RACERS, (tx) => changeIn(tx, names, id, erase))) count += 1;
      }
      return count;
    },
  };
}
