/**
 * Follow-up calls (回访, the FollowUpRepo port; rules in core/followup/rules.ts):
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
 * - followup_contacts/<contactId>: { userId, noCalls, updatedAt }: a resident's 不要电话回访, one
 *   document per resident who chose, its `_id` a digest of the user id (no openid in an `_id`).
 *
 * Writes to a task read it and set() the whole document in a transaction: update() merges nested
 * objects field by field (and cannot set `result.note` while `result` is null), while set()
 * replaces `attempts` and `result` exactly.
 */
import type { FollowUpResult } from '../../../contract/followup';
import { erasedTask, firstTask, patchIfUnchanged, taskKey } from '../../core/followup/rules';
import type {
  ContactPreferenceRecord,
  FollowUpRecord,
  FollowUpRepo,
  FollowUpRuleRecord,
} from '../../core/ports';
import { PERSONAL_FIELDS, retainedTask } from '../../core/retention/rules';
import { readDoc } from './documents';
import {
  bool,
  countChanged,
  docOf,
  fieldsOf,
  integer,
  listOf,
  nested,
  keysIn,
  nullable,
  nullableText,
  oneOf,
  ordered,
  read,
  readWhile,
  recordOf,
  records,
  recordsOf,
  strings,
  text,
  type Shape,
  type Write,
} from './fields';
import type { CloudDatabase, DocData } from './sdk';
import { MANY_RACERS, transact } from './transaction';
import { digest, readable } from './keys';
import { stillPersonal } from './retention';

/**
 * Single-document operations a create() runs inside its one transaction, by outcome:
 * - created: get the key, get the community's order document, set it, set the key, set the task;
 * - existing: get the key, get the task.
 */
export const CREATE_FOLLOW_UP_OPERATIONS = { created: 5, existing: 2 } as const;

type FollowUpCollections = Record<
  'followups' | 'followup_keys' | 'followup_rules' | 'followup_contacts',
  string
>;

/** The `_id` of a resident's contact choice: fixed per resident, so a write replaces the last. */
export const contactId = (userId: string) => `contact_${digest(userId)}`;

const contactShape: Shape<ContactPreferenceRecord> = {
  userId: text,
  noCalls: bool,
  updatedAt: text,
};

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

/** The whole document set (see the file comment), its `seq` checked and kept. */
const setWhole: Write<FollowUpRecord> = (ref, next, _current, stored) =>
  ref.set({ data: followUpToDoc(next, seqOf(stored, next.id)) });

const ruleShape: Shape<FollowUpRuleRecord & { service: string }> = {
  service: text,
  followUp: bool,
  delayDays: integer,
};

function rulesFromDoc(community: string, doc: DocData): Record<string, FollowUpRuleRecord> {
  const list = listOf(ruleShape)(doc, 'rules', `followup_rules/${community}`);
  return Object.fromEntries(list.map(({ service, ...rule }) => [service, rule]));
}

export function followUpRepo(db: CloudDatabase, names: FollowUpCollections): FollowUpRepo {
  const tasks = records(db, names, 'followups', followUpFromDoc);
  /** Erase and retention: the task anonymised (erasedTask), under its new key. */
  const rekeyed: Write<FollowUpRecord> = async (ref, next, current, stored, tx) => {
    // The key document's `_id` was made from the resident key (the user id): it goes, and the
    // task is found under its new key.
    const keys = tx.collection(names.followup_keys);
    await keys.doc(taskKeyId(current)).remove();
    const { community, date, kind } = next;
    await keys.doc(taskKeyId(next)).set({ data: { taskId: next.id, community, date, kind } });
    await setWhole(ref, next, current, stored, tx);
  };
  const rules = records(db, names, 'followup_rules', rulesFromDoc);
  const contacts = records(db, names, 'followup_contacts', (id, doc) =>
    read(contactShape, doc, `followup_contacts/${id}`),
  );
  const contact = (userId: string) => contacts.doc(contactId(userId));
  const contactOf = (userId: string) => contacts.get(contactId(userId));

  return {
    // Two runs of the job at once write the same order document for every task: many racers.
    /** CREATE_FOLLOW_UP_OPERATIONS: the task made first under the key (firstTask), or this one. */
    create: (record) =>
      transact(db, MANY_RACERS, async (tx) => {
        const keys = keysIn(tx, names, 'followup_keys');
        const known = await keys.pointedTo(taskKeyId(record), 'taskId', tasks.in(tx).get);
        const decided = firstTask(known.record, record);
        if (!decided.created) return decided;
        const { community, date, kind } = record;
        const seq = await keys.nextNumber(orderId(community), 'made', { community });
        await known.key.set({ data: { taskId: record.id, community, date, kind } });
        const doc = followUpToDoc(record, seq);
        await tasks.in(tx).doc(record.id).set({ data: doc });
        return { created: true, record: followUpFromDoc(record.id, doc) };
      }),
    get: tasks.get,
    /** By due date; tasks of one run share `createdAt`, so `seq` keeps creation order. */
    open: (community) => tasks.find({ community, status: 'open' }, 'due', 'createdAt', 'seq'),
    /**
     * Newest first. The SDK slice has no `>=`: tasks with a closedAt are read newest first and
     * the reading stops at the first one closed before `since`, so only the answer is read.
     */
    async recent(community, since) {
      const closed = { community, closedAt: db.command.neq(null) };
      const found = await readWhile(
        () => ordered(tasks.ref().where(closed), ['closedAt desc', 'seq desc']),
        (doc) =>
          text(doc, 'closedAt', `followups/${String(doc._id)}`) < since
            ? 'stop'
            : doc.status !== 'open',
      );
      return recordsOf('followups', followUpFromDoc)(found);
    },
    update: (id, attempts, patch) =>
      tasks.change(id, (t) => patchIfUnchanged(t, attempts, patch), setWhole),
    /** get, then update of one scalar; a missing task is left alone, as SQLite's UPDATE does. */
    linkSuggestion: (id, suggestionId) =>
      tasks.onDoc(id, async (doc, ref) => {
        if (doc) await ref.update({ data: { suggestionId } });
      }),
    /** By evening, then creation, as SQLite. */
    ofUser: (userId) => tasks.find({ userId }, 'date', 'createdAt', 'seq'),
    /** Every task about one evening, any kind and status, in creation order as SQLite. */
    ofEvening: (community, date) => tasks.find({ community, date }, 'createdAt', 'seq'),
    getRules: rules.get,
    async saveRules(community, byService) {
      const list = Object.entries(byService).map(([service, r]) =>
        fieldsOf(ruleShape, { service, ...r }),
      );
      await rules.doc(community).set({ data: { community, rules: list } });
    },
    /**
     * One query for the user's tasks, then one small transaction per task (a call being recorded
     * at the same moment is not overwritten). Counts every task of the user, as SQLite's UPDATE.
     */
    erase: (userId) =>
      tasks.changeAll({ userId }, (t) => (t.userId === userId ? erasedTask(t) : null), rekeyed),
    contactOf,
    /** One set() of the whole document: the last choice wins, as SQLite's upsert. */
    async setContact(record) {
      await contact(record.userId).set({ data: fieldsOf(contactShape, record) });
    },
    /** One read per resident (a day's call list names a few dozen). */
    async noCalls(userIds) {
      const found = await Promise.all(userIds.map(contactOf));
      return found.flatMap((c) => (c?.noCalls ? [c.userId] : []));
    },
    async forgetContact(userId) {
      if (!(await readDoc(contact(userId)))) return 0;
      await contact(userId).remove();
      return 1;
    },
    /** Up to `limit` tasks left to anonymise (stillPersonal), each written as erase writes it. */
    async anonymiseBefore(cutoff, limit) {
      const before = { field: 'date', value: cutoff };
      const old = await stillPersonal(db, tasks.first, before, PERSONAL_FIELDS.followUps, limit);
      return countChanged(old, (t) =>
        tasks.change(t.id, (current) => retainedTask(current, cutoff), rekeyed),
      );
    },
  };
}
