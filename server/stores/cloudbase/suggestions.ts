/**
 * Residents' suggestions and the "you said, we did" changes on CloudBase: the SuggestionRepo port,
 * with the same behaviour as server/stores/sqlite/suggestions.ts.
 * The rules are the core's (core/suggestion/rules.ts): this file loads the few documents a decision needs,
 * asks it, and writes the outcome in the same transaction.
 *
 * Documents (collection names without the optional prefix):
 * - suggestions/<id>: the SuggestionRecord fields without `id`, plus `seq`: the number in its
 *   receipt, which keeps filing order among suggestions of one `createdAt` (SQLite's rowid).
 * - suggestion_changes/<id>: the ChangeRecord fields without `id`.
 * - suggestion_keys: what submit() reads and writes in its one transaction, each by a
 *   deterministic `_id`, because a transaction cannot query:
 *   - request_<digest(userId, requestId)>: { suggestionId }: a resident's request already filed,
 *     so a retry gets the same suggestion (SQLite's unique (user_id, request_id));
 *   - receipt_<prefix>: { prefix, last }: the last number given under the prefix, so two
 *     suggestions filed at once never share a receipt: both write this document, one commits;
 *   - author_<digest(userId)>: { recent }: when the resident's newest suggestions of their own
 *     (source 'resident') were filed, newest first, at most RECENT_KEPT: the daily limit counts
 *     those since `limit.since` exactly, whatever instant `since` is, as SQLite's COUNT does.
 *   User ids appear in these `_id`s only hashed (digest in followups.ts): nothing personal is
 *   left in an `_id` once erase() has run.
 *
 * erase() detaches the suggestions (userId null, no name, no photo), overwrites their request
 * documents with REMOVED (the SDK slice has no remove()) and empties the author document, so
 * neither a retried request nor the daily limit links them to the resident any more, as in SQLite.
 */
import type { SuggestionStatus } from '../../../contract/suggestion';
import type {
  ChangeRecord,
  SubmitOutcome,
  SuggestionRecord,
  SuggestionRepo,
} from '../../core/ports';
import {
  adoptedBy,
  countsTowardLimit,
  decideSubmit,
  erasedSuggestion,
  numbered,
  patchIfStatus,
  type DailyLimit,
  type Submission,
} from '../../core/suggestion/rules';
import { MalformedDocument, readDoc } from './documents';
import {
  changeDoc,
  docOf,
  getRecord,
  integer,
  nullable,
  nullableText,
  oneOf,
  readAll,
  recordOf,
  recordsOf,
  someStrings,
  text,
} from './fields';
import { digest } from './keys';
import { REMOVED } from './documents';
import type { CloudDatabase, CloudTransaction, DocData } from './sdk';
import { FEW_RACERS, MANY_RACERS, transact } from './transaction';

/**
 * Single-document operations a submit() runs inside its one transaction, by outcome:
 * - resident: get the request, get the author, get the receipt counter, then set the counter,
 *   the author, the request and the suggestion;
 * - call (filed for a resident, not counted against them): the same without the author;
 * - anonymous (no user): get and set the counter, set the suggestion;
 * - existing: get the request, get the suggestion; limited: get the request, get the author.
 */
export const SUBMIT_OPERATIONS = {
  resident: 7,
  call: 5,
  anonymous: 3,
  existing: 2,
  limited: 2,
} as const;

/** How many filing times an author document keeps: the most `limit.max` can be. */
export const RECENT_KEPT = 50;

export interface SuggestionCollections {
  suggestions: string;
  changes: string;
  keys: string;
}

export const requestId = (userId: string, request: string) => `request_${digest(userId, request)}`;
export const authorId = (userId: string) => `author_${digest(userId)}`;
/** Receipt prefixes are [A-Z0-9-] ("JS-1202"); anything else is hashed under another name. */
export const receiptId = (prefix: string) =>
  /^[A-Za-z0-9-]+$/.test(prefix) ? `receipt_${prefix}` : `receipthash_${digest(prefix)}`;

// --- mapping ---

export const suggestionFromDoc = recordOf<SuggestionRecord>('suggestions', {
  community: text,
  receipt: text,
  userId: nullableText,
  name: text,
  category: text,
  text,
  photo: nullableText,
  followUpId: nullableText,
  source: oneOf(['resident', 'call']),
  status: oneOf<SuggestionStatus>([
    'received',
    'reviewing',
    'adopted',
    'answered',
    'not-adopted',
    'merged',
  ]),
  reply: nullableText,
  reason: nullableText,
  mergedInto: nullableText,
  changeId: nullableText,
  solved: nullable(oneOf(['yes', 'partly', 'no'])),
  requestId: text,
  createdAt: text,
  updatedAt: text,
  answeredAt: nullableText,
});

/** Every field but `id`, plus `seq`: the number in its receipt, which keeps filing order. */
export const suggestionToDoc = (s: SuggestionRecord, seq: number): DocData => ({
  ...docOf(s),
  seq,
});

const suggestionsFrom = recordsOf('suggestions', suggestionFromDoc);

const changeFromDoc = recordOf<ChangeRecord>('suggestion_changes', {
  community: text,
  title: text,
  detail: text,
  since: text,
  suggestionIds: someStrings,
  createdBy: text,
  createdAt: text,
});

const isRemoved = (doc: DocData) => doc.removed === true;

const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

// --- transactions ---

/** The suggestion a resident's request already filed (get the request, get it), or null. */
async function filedBefore(
  tx: CloudTransaction,
  names: SuggestionCollections,
  userId: string,
  request: string,
) {
  const keyId = requestId(userId, request);
  const known = await readDoc(tx.collection(names.keys).doc(keyId));
  if (!known || isRemoved(known)) return null;
  const id = text(known, 'suggestionId', `suggestion_keys/${keyId}`);
  const doc = await readDoc(tx.collection(names.suggestions).doc(id));
  if (!doc) throw new MalformedDocument(`suggestion_keys/${keyId}`, `suggestion ${id}`);
  return suggestionFromDoc(id, doc);
}

/**
 * The author's document (when they filed their newest counted suggestions), read only when the
 * limit or the filing needs it (countsTowardLimit).
 */
async function readAuthor(
  tx: CloudTransaction,
  names: SuggestionCollections,
  record: Submission,
  limit: DailyLimit,
) {
  const counted = countsTowardLimit(record);
  if (record.userId === null || (!counted && !limit)) return null;
  const id = authorId(record.userId);
  const ref = tx.collection(names.keys).doc(id);
  const doc = await readDoc(ref);
  return { ref, counted, recent: doc ? someStrings(doc, 'recent', `suggestion_keys/${id}`) : [] };
}

/** SUBMIT_OPERATIONS: the core decides (decideSubmit, numbered); this reads and writes. */
async function submitIn(
  tx: CloudTransaction,
  names: SuggestionCollections,
  record: Submission,
  prefix: string,
  limit: DailyLimit,
): Promise<SubmitOutcome> {
  const { userId } = record;
  const known = userId === null ? null : await filedBefore(tx, names, userId, record.requestId);
  const author = known ? null : await readAuthor(tx, names, record, limit);
  const decided = decideSubmit(known, author?.recent ?? [], record, limit);
  if (decided.kind !== 'file') return decided;
  // get and set the prefix's counter: the document racers for one prefix conflict on.
  const counter = tx.collection(names.keys).doc(receiptId(prefix));
  const counted = await readDoc(counter);
  const last = counted ? integer(counted, 'last', `suggestion_keys/${receiptId(prefix)}`) : 0;
  await counter.set({ data: { prefix, last: last + 1 } });
  const filed = numbered(record, prefix, last);
  if (author?.counted) {
    const recent = [filed.createdAt, ...author.recent].sort(descending).slice(0, RECENT_KEPT);
    await author.ref.set({ data: { recent } });
  }
  if (userId !== null) {
    const key = tx.collection(names.keys).doc(requestId(userId, filed.requestId));
    await key.set({ data: { suggestionId: filed.id } });
  }
  const doc = suggestionToDoc(filed, last + 1);
  await tx.collection(names.suggestions).doc(filed.id).set({ data: doc });
  return { kind: 'created', record: suggestionFromDoc(filed.id, doc) };
}

/** get, then update of what `decide` changed (changeDoc). */
const changeIn = (
  tx: CloudTransaction,
  names: SuggestionCollections,
  id: string,
  decide: (current: SuggestionRecord) => SuggestionRecord | null,
) => changeDoc(tx, names.suggestions, id, suggestionFromDoc, decide);

/** set the change, then get and update each linked suggestion (adoptedBy): 1 + 2 per suggestion. */
async function addChangeIn(
  tx: CloudTransaction,
  names: SuggestionCollections,
  change: ChangeRecord,
  now: string,
) {
  await tx
    .collection(names.changes)
    .doc(change.id)
    .set({ data: docOf(change) });
  for (const id of change.suggestionIds) {
    await changeIn(tx, names, id, (s) => adoptedBy(s, change, now));
  }
}

/** Erases one suggestion (erasedSuggestion) and overwrites its request; false when not theirs. */
async function eraseIn(
  tx: CloudTransaction,
  names: SuggestionCollections,
  id: string,
  userId: string,
) {
  const erased = await changeIn(tx, names, id, (s) =>
    s.userId === userId ? erasedSuggestion(s) : null,
  );
  if (!erased) return false;
  await tx.collection(names.keys).doc(requestId(userId, erased.requestId)).set({ data: REMOVED });
  return true;
}

export function suggestionRepo(db: CloudDatabase, names: SuggestionCollections): SuggestionRepo {
  const suggestions = () => db.collection(names.suggestions);

  return {
    async submit(record, prefix, limit) {
      if (limit && limit.max > RECENT_KEPT) {
        throw new RangeError(`suggestions.submit: limit ${limit.max} > ${RECENT_KEPT}`);
      }
      // Residents of one community file under one prefix a day: each writes its counter.
      return transact(db, MANY_RACERS, (tx) => submitIn(tx, names, record, prefix, limit));
    },
    get: (id) => getRecord(suggestions().doc(id), suggestionFromDoc, id),
    /** Newest first; `seq` keeps filing order within one instant, as SQLite's rowid. */
    async ofUser(userId) {
      const docs = await readAll(() =>
        suggestions()
          .where({ userId })
          .orderBy('createdAt', 'desc')
          .orderBy('seq', 'desc')
          .orderBy('_id', 'desc'),
      );
      return suggestionsFrom(docs);
    },
    async list(community) {
      const docs = await readAll(() =>
        suggestions()
          .where({ community })
          .orderBy('createdAt', 'desc')
          .orderBy('seq', 'desc')
          .orderBy('_id', 'desc'),
      );
      return suggestionsFrom(docs);
    },
    update: (id, from, patch) =>
      transact(db, FEW_RACERS, (tx) =>
        changeIn(tx, names, id, (s) => patchIfStatus(s, from, patch)),
      ),
    addChange: (change, now) =>
      transact(db, FEW_RACERS, (tx) => addChangeIn(tx, names, change, now)),
    getChange: (id) => getRecord(db.collection(names.changes).doc(id), changeFromDoc, id),
    /** Latest `since` first, then the latest logged. */
    async changes(community) {
      const docs = await readAll(() =>
        db
          .collection(names.changes)
          .where({ community })
          .orderBy('since', 'desc')
          .orderBy('createdAt', 'desc')
          .orderBy('_id', 'desc'),
      );
      return recordsOf('suggestion_changes', changeFromDoc)(docs);
    },
    /**
     * One query for the user's suggestions, one small transaction per suggestion, then the author
     * document emptied. Counts every suggestion of the user, as SQLite's UPDATE.
     */
    async erase(userId) {
      const ids = (
        await readAll(() =>
          suggestions().where({ userId }).orderBy('_id', 'asc').field({ _id: true }),
        )
      ).map((doc) => text(doc, '_id', 'suggestions/?'));
      let count = 0;
      for (const id of ids) {
        if (await transact(db, FEW_RACERS, (tx) => eraseIn(tx, names, id, userId))) count += 1;
      }
      const authorRef = db.collection(names.keys).doc(authorId(userId));
      if (await readDoc(authorRef)) await authorRef.set({ data: { recent: [] } });
      return count;
    },
  };
}
