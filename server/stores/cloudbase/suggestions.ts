/**
 * Residents' suggestions and the "you said, we did" changes (the SuggestionRepo port; rules in
 * core/suggestion/rules.ts):
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
 *   User ids appear in these `_id`s only hashed (digest in keys.ts): nothing personal is
 *   left in an `_id` once erase() has run.
 *
 * erase() detaches the suggestions (userId null, no name, no photo), overwrites their request
 * documents with REMOVED and empties the author document, so
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
  withFiling,
  type Submission,
} from '../../core/suggestion/rules';
import { PERSONAL_FIELDS, retainedSuggestion } from '../../core/retention/rules';
import { readDoc, REMOVED } from './documents';
import {
  docOf,
  keysIn,
  nullable,
  nullableText,
  oneOf,
  recordOf,
  records,
  someStrings,
  text,
  updateChanged,
  type Write,
} from './fields';
import { digest } from './keys';
import { stillPersonal } from './retention';
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

type SuggestionCollections = Record<
  'suggestions' | 'suggestion_changes' | 'suggestion_keys',
  string
>;

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

const changeFromDoc = recordOf<ChangeRecord>('suggestion_changes', {
  community: text,
  title: text,
  detail: text,
  since: text,
  suggestionIds: someStrings,
  createdBy: text,
  createdAt: text,
});

export function suggestionRepo(db: CloudDatabase, names: SuggestionCollections): SuggestionRepo {
  const suggestions = records(db, names, 'suggestions', suggestionFromDoc);
  const changes = records(db, names, 'suggestion_changes', changeFromDoc);
  /** Erase and retention: the anonymised fields, and the author's request key overwritten. */
  const unkeyed: Write<SuggestionRecord> = async (ref, erased, current, _stored, tx) => {
    await updateChanged(ref, current, erased);
    if (current.userId === null) return;
    const key = keysIn(tx, names, 'suggestion_keys').doc(
      requestId(current.userId, erased.requestId),
    );
    await key.set({ data: REMOVED });
  };

  /**
   * The author's document (when they filed their newest counted suggestions), read only when the
   * limit or the filing needs it (countsTowardLimit).
   */
  async function readAuthor(tx: CloudTransaction, record: Submission, limit: DailyLimit) {
    const counted = countsTowardLimit(record);
    if (record.userId === null || (!counted && !limit)) return null;
    const id = authorId(record.userId);
    const ref = tx.collection(names.suggestion_keys).doc(id);
    const doc = await readDoc(ref);
    return { ref, counted, recent: doc ? someStrings(doc, 'recent', `suggestion_keys/${id}`) : [] };
  }

  /** A resident's request key and the suggestion it already filed (get it, get the suggestion). */
  const filedBefore = (tx: CloudTransaction, { userId, requestId: request }: Submission) =>
    userId === null
      ? null
      : keysIn(tx, names, 'suggestion_keys').pointedTo(
          requestId(userId, request),
          'suggestionId',
          suggestions.in(tx).get,
        );

  /** SUBMIT_OPERATIONS: the core decides (decideSubmit, numbered); this reads and writes. */
  async function submitIn(
    tx: CloudTransaction,
    record: Submission,
    prefix: string,
    limit: DailyLimit,
  ): Promise<SubmitOutcome> {
    const keys = keysIn(tx, names, 'suggestion_keys');
    const known = await filedBefore(tx, record);
    const author = known?.record ? null : await readAuthor(tx, record, limit);
    const decided = decideSubmit(known?.record ?? null, author?.recent ?? [], record, limit);
    if (decided.kind !== 'file') return decided;
    // get and set the prefix's counter: the document racers for one prefix conflict on.
    const seq = await keys.nextNumber(receiptId(prefix), 'last', { prefix });
    const filed = numbered(record, prefix, seq - 1);
    if (author?.counted) {
      const recent = withFiling(author.recent, filed.createdAt, RECENT_KEPT);
      await author.ref.set({ data: { recent } });
    }
    if (known) await known.key.set({ data: { suggestionId: filed.id } });
    // Every field but `id`, plus `seq`: the number in its receipt, which keeps filing order.
    const doc: DocData = { ...docOf(filed), seq };
    await suggestions.in(tx).doc(filed.id).set({ data: doc });
    return { kind: 'created', record: suggestionFromDoc(filed.id, doc) };
  }

  return {
    async submit(record, prefix, limit) {
      if (limit && limit.max > RECENT_KEPT) {
        throw new RangeError(`suggestions.submit: limit ${limit.max} > ${RECENT_KEPT}`);
      }
      // Residents of one community file under one prefix a day: each writes its counter.
      return transact(db, MANY_RACERS, (tx) => submitIn(tx, record, prefix, limit));
    },
    get: suggestions.get,
    /** Newest first; `seq` keeps filing order within one instant, as SQLite's rowid. */
    ofUser: (userId) => suggestions.find({ userId }, 'createdAt desc', 'seq desc', '_id desc'),
    list: (community) => suggestions.find({ community }, 'createdAt desc', 'seq desc', '_id desc'),
    update: (id, from, patch) => suggestions.change(id, (s) => patchIfStatus(s, from, patch)),
    /** set the change, then get and update each linked suggestion (adoptedBy): 1 + 2 per suggestion. */
    addChange: (change, now) =>
      transact(db, FEW_RACERS, async (tx) => {
        await changes
          .in(tx)
          .doc(change.id)
          .set({ data: docOf(change) });
        for (const id of change.suggestionIds) {
          await suggestions.changeIn(tx, id, (s) => adoptedBy(s, change, now));
        }
      }),
    /**
     * Up to `limit` suggestions left to anonymise (stillPersonal), each written as erase writes
     * it. The author document lists only recent filings (the daily limit): a year-old one is
     * not in it.
     */
    async anonymiseBefore(cutoffAt, limit) {
      const before = { field: 'createdAt', value: cutoffAt };
      const blanks = PERSONAL_FIELDS.suggestions;
      const old = await stillPersonal(db, suggestions.first, before, blanks, limit);
      const retain = (current: SuggestionRecord) => retainedSuggestion(current, cutoffAt);
      const changed: SuggestionRecord[] = [];
      for (const s of old) if (await suggestions.change(s.id, retain, unkeyed)) changed.push(s);
      // A suggestion's photo is never changed once filed: the one read is the one dropped.
      const photos = changed.flatMap((s) =>
        s.photo === null ? [] : [{ community: s.community, ref: s.photo }],
      );
      return { changed: changed.length, photos };
    },
    getChange: changes.get,
    /** Latest `since` first, then the latest logged. */
    changes: (community) => changes.find({ community }, 'since desc', 'createdAt desc', '_id desc'),
    /**
     * One query for the user's suggestions, one small transaction per suggestion (erasedSuggestion,
     * its request overwritten with REMOVED), then the author document emptied. Counts every
     * suggestion of the user, as SQLite's UPDATE.
     */
    async erase(userId) {
      const count = await suggestions.changeAll(
        { userId },
        (s) => (s.userId === userId ? erasedSuggestion(s) : null),
        unkeyed,
      );
      const authorRef = db.collection(names.suggestion_keys).doc(authorId(userId));
      if (await readDoc(authorRef)) await authorRef.set({ data: { recent: [] } });
      return count;
    },
  };
}
