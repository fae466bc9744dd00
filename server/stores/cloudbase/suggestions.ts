/**
 * Residents' suggestions and the "you said, we did" changes on CloudBase: the SuggestionRepo port,
 * with the same behaviour as server/stores/sqlite/suggestions.ts.
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
import type { Solved, SuggestionStatus } from '../../../contract/followup';
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
import { integer, MalformedDocument, readDoc, text } from './documents';
import { changeDoc } from './fields';
import { digest } from './followups';
import { REMOVED } from './notices';
import { nullableText, readAll } from './queues';
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

const STATUSES: ReadonlySet<string> = new Set<SuggestionStatus>([
  'received',
  'reviewing',
  'adopted',
  'answered',
  'not-adopted',
  'merged',
]);
const SOURCES: ReadonlySet<string> = new Set<SuggestionRecord['source']>(['resident', 'call']);
const SOLVED: ReadonlySet<string> = new Set<Solved>(['yes', 'partly', 'no']);

export const requestId = (userId: string, request: string) => `request_${digest(userId, request)}`;
export const authorId = (userId: string) => `author_${digest(userId)}`;
/** Receipt prefixes are [A-Z0-9-] ("JS-1202"); anything else is hashed under another name. */
export const receiptId = (prefix: string) =>
  /^[A-Za-z0-9-]+$/.test(prefix) ? `receipt_${prefix}` : `receipthash_${digest(prefix)}`;

// --- mapping ---

function oneOf<T extends string>(
  doc: DocData,
  key: string,
  where: string,
  allowed: ReadonlySet<string>,
): T {
  const value = text(doc, key, where);
  if (!allowed.has(value)) throw new MalformedDocument(where, key);
  return value as T;
}

function strings(doc: DocData, key: string, where: string): string[] {
  const value = doc[key] ?? [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new MalformedDocument(where, key);
  }
  return value;
}

export function suggestionFromDoc(id: string, doc: DocData): SuggestionRecord {
  const where = `suggestions/${id}`;
  const solved = nullableText(doc, 'solved', where);
  if (solved !== null && !SOLVED.has(solved)) throw new MalformedDocument(where, 'solved');
  return {
    id,
    community: text(doc, 'community', where),
    receipt: text(doc, 'receipt', where),
    userId: nullableText(doc, 'userId', where),
    name: text(doc, 'name', where),
    category: text(doc, 'category', where),
    text: text(doc, 'text', where),
    photo: nullableText(doc, 'photo', where),
    followUpId: nullableText(doc, 'followUpId', where),
    source: oneOf<SuggestionRecord['source']>(doc, 'source', where, SOURCES),
    status: oneOf<SuggestionStatus>(doc, 'status', where, STATUSES),
    reply: nullableText(doc, 'reply', where),
    reason: nullableText(doc, 'reason', where),
    mergedInto: nullableText(doc, 'mergedInto', where),
    changeId: nullableText(doc, 'changeId', where),
    solved: solved as Solved | null,
    requestId: text(doc, 'requestId', where),
    createdAt: text(doc, 'createdAt', where),
    updatedAt: text(doc, 'updatedAt', where),
    answeredAt: nullableText(doc, 'answeredAt', where),
  };
}

export function suggestionToDoc(s: SuggestionRecord, seq: number): DocData {
  const { id: _id, ...fields } = s;
  return { ...fields, seq };
}

const suggestionsFrom = (docs: DocData[]) =>
  docs.map((doc) => suggestionFromDoc(text(doc, '_id', 'suggestions/?'), doc));

function changeFromDoc(id: string, doc: DocData): ChangeRecord {
  const where = `suggestion_changes/${id}`;
  return {
    id,
    community: text(doc, 'community', where),
    title: text(doc, 'title', where),
    detail: text(doc, 'detail', where),
    since: text(doc, 'since', where),
    suggestionIds: strings(doc, 'suggestionIds', where),
    createdBy: text(doc, 'createdBy', where),
    createdAt: text(doc, 'createdAt', where),
  };
}

const changeToDoc = (c: ChangeRecord): DocData => ({
  community: c.community,
  title: c.title,
  detail: c.detail,
  since: c.since,
  suggestionIds: [...c.suggestionIds],
  createdBy: c.createdBy,
  createdAt: c.createdAt,
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
  return { ref, counted, recent: doc ? strings(doc, 'recent', `suggestion_keys/${id}`) : [] };
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
    .set({ data: changeToDoc(change) });
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
    async get(id) {
      const doc = await readDoc(suggestions().doc(id));
      return doc ? suggestionFromDoc(id, doc) : null;
    },
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
    async getChange(id) {
      const doc = await readDoc(db.collection(names.changes).doc(id));
      return doc ? changeFromDoc(id, doc) : null;
    },
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
      return docs.map((doc) => changeFromDoc(text(doc, '_id', 'suggestion_changes/?'), doc));
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
