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
  SuggestionPatch,
  SuggestionRecord,
  SuggestionRepo,
} from '../../core/ports';
import { integer, MalformedDocument, readDoc, text } from './documents';
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

/** The fields a patch sets (undefined means "leave as is"); all are scalars, so update() is exact. */
const patchFields = (patch: SuggestionPatch): DocData =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));

const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

// --- transactions ---

type Submission = Omit<SuggestionRecord, 'receipt'>;
type Limit = { since: string; max: number } | null;

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
 * The author's document in a transaction (when they filed their newest suggestions), read only
 * when the limit or the filing needs it: a resident's own suggestion counts towards their limit,
 * one filed for them on a call does not.
 */
async function readAuthor(
  tx: CloudTransaction,
  names: SuggestionCollections,
  record: Submission,
  limit: Limit,
) {
  const { userId } = record;
  const counted = record.source === 'resident';
  if (userId === null || (!counted && !limit)) return null;
  const id = authorId(userId);
  const ref = tx.collection(names.keys).doc(id);
  const doc = await readDoc(ref);
  return { ref, counted, recent: doc ? strings(doc, 'recent', `suggestion_keys/${id}`) : [] };
}

type Author = Awaited<ReturnType<typeof readAuthor>>;

const atLimit = (author: Author, limit: Limit) =>
  author !== null &&
  limit !== null &&
  author.recent.filter((at) => at >= limit.since).length >= limit.max;

/** get and set the prefix's counter: the document racers for one prefix conflict on. */
async function takeNumber(tx: CloudTransaction, names: SuggestionCollections, prefix: string) {
  const id = receiptId(prefix);
  const ref = tx.collection(names.keys).doc(id);
  const doc = await readDoc(ref);
  const seq = (doc ? integer(doc, 'last', `suggestion_keys/${id}`) : 0) + 1;
  await ref.set({ data: { prefix, last: seq } });
  return seq;
}

/** After the counter: set the author (when counted), the request (with a user), the suggestion. */
async function file(
  tx: CloudTransaction,
  names: SuggestionCollections,
  record: SuggestionRecord,
  author: Author,
  seq: number,
) {
  if (author?.counted) {
    const recent = [record.createdAt, ...author.recent].sort(descending).slice(0, RECENT_KEPT);
    await author.ref.set({ data: { recent } });
  }
  if (record.userId !== null) {
    await tx
      .collection(names.keys)
      .doc(requestId(record.userId, record.requestId))
      .set({ data: { suggestionId: record.id } });
  }
  const doc = suggestionToDoc(record, seq);
  await tx.collection(names.suggestions).doc(record.id).set({ data: doc });
  return suggestionFromDoc(record.id, doc);
}

/** SUBMIT_OPERATIONS. */
async function submitIn(
  tx: CloudTransaction,
  names: SuggestionCollections,
  record: Submission,
  prefix: string,
  limit: Limit,
): Promise<SubmitOutcome> {
  const known =
    record.userId === null ? null : await filedBefore(tx, names, record.userId, record.requestId);
  if (known) return { kind: 'existing', record: known };
  const author = await readAuthor(tx, names, record, limit);
  if (atLimit(author, limit)) return { kind: 'limited' };
  const seq = await takeNumber(tx, names, prefix);
  const receipt = `${prefix}-${String(seq).padStart(3, '0')}`;
  return { kind: 'created', record: await file(tx, names, { ...record, receipt }, author, seq) };
}

/** get, then update of the patched scalars (none: nothing written). */
async function updateIn(
  tx: CloudTransaction,
  names: SuggestionCollections,
  id: string,
  from: SuggestionStatus[],
  patch: SuggestionPatch,
): Promise<SuggestionRecord | null> {
  const ref = tx.collection(names.suggestions).doc(id);
  const doc = await readDoc(ref);
  if (!doc) return null;
  const record = suggestionFromDoc(id, doc);
  if (!from.includes(record.status)) return null;
  const fields = patchFields(patch);
  if (Object.keys(fields).length === 0) return record;
  await ref.update({ data: fields });
  return { ...record, ...fields };
}

/**
 * set the change, then get and update each linked suggestion of the community (1 + 2 per
 * suggestion): adopted, unless merged into another; answered now unless answered before.
 */
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
    const ref = tx.collection(names.suggestions).doc(id);
    const doc = await readDoc(ref);
    if (!doc) continue;
    const s = suggestionFromDoc(id, doc);
    if (s.community !== change.community) continue;
    await ref.update({
      data: {
        changeId: change.id,
        updatedAt: now,
        status: s.status === 'merged' ? s.status : 'adopted',
        answeredAt: s.answeredAt ?? now,
      },
    });
  }
}

/** get and update the suggestion, overwrite its request document; false when it is not theirs. */
async function eraseIn(
  tx: CloudTransaction,
  names: SuggestionCollections,
  id: string,
  userId: string,
) {
  const ref = tx.collection(names.suggestions).doc(id);
  const doc = await readDoc(ref);
  if (!doc) return false;
  const s = suggestionFromDoc(id, doc);
  if (s.userId !== userId) return false;
  await ref.update({ data: { userId: null, name: '', photo: null } });
  await tx.collection(names.keys).doc(requestId(userId, s.requestId)).set({ data: REMOVED });
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
      transact(db, FEW_RACERS, (tx) => updateIn(tx, names, id, from, patch)),
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
