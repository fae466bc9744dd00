/**
 * Demand rounds (居民点单) on CloudBase: the SurveyRepo port, with the same behaviour as
 * surveyRepo in server/stores/sqlite/programs.ts.
 *
 * Documents (collection names without the optional prefix):
 * - survey_rounds/<round id>: the RoundRecord fields without `id`, the candidates embedded.
 * - survey_votes/ballot_<digest(roundId, voterKey)> (ballotId): { roundId, voterKey, choices,
 *   paper, updatedAt }: one ballot per voter and round. The `_id` is fixed by the pair, so a
 *   second vote is a set() of the same document and replaces the first: no query, no
 *   transaction, and two votes at once leave one ballot whichever lands last, as SQLite's upsert.
 *   The voter key (a user id, or "paper:<staff>:<request>:<n>") goes into the `_id` only hashed:
 *   no ':' or openid in an `_id`. The whole ballot is replaced, `paper` too, where SQLite keeps
 *   the first one's: the same as long as `paper` follows from the voter key, as the core makes it.
 *
 * updateRound() reads the round and set()s it whole in a transaction: the status check and the
 * write commit together, and `menu` (a list) is replaced exactly.
 */
import type { Candidate, RoundStatus } from '../../../contract/program';
import type { ServiceKind } from '../../../contract/community';
import type { RoundRecord, SurveyRepo, VoteRecord } from '../../core/ports';
import { patchRoundIfStatus, type RoundPatch } from '../../core/program/survey';
import { integer, isDoc, MalformedDocument, readDoc, text } from './documents';
import { changedFields } from './fields';
import { digest, oneOf, strings } from './followups';
import { nullableText, readAll } from './queues';
import type { CloudDatabase, CloudTransaction, DocData } from './sdk';
import { FEW_RACERS, transact } from './transaction';

/**
 * Single-document operations an updateRound() runs inside its one transaction: get the round,
 * then set it (only get when the status had moved on or nothing changes).
 */
export const UPDATE_ROUND_OPERATIONS = { updated: 2, stale: 1 } as const;

export interface SurveyCollections {
  rounds: string;
  votes: string;
}

const STATUSES: ReadonlySet<string> = new Set<RoundStatus>(['open', 'closed', 'published']);
const KINDS: ReadonlySet<string> = new Set<ServiceKind>(['queue', 'booking', 'drop-in']);
const SOURCES: ReadonlySet<string> = new Set<Candidate['source']>([
  'current',
  'proposal',
  'suggestion',
]);

/** The ballot's `_id`: the same for every vote of one voter in one round. */
export const ballotId = (roundId: string, voterKey: string) =>
  `ballot_${digest(roundId, voterKey)}`;

// --- mapping ---

function candidatesOf(doc: DocData, where: string): Candidate[] {
  const value = doc.candidates;
  if (!Array.isArray(value) || !value.every(isDoc)) {
    throw new MalformedDocument(where, 'candidates');
  }
  return value.map((c, i) => {
    const at = `${where} candidates[${i}]`;
    return {
      id: text(c, 'id', at),
      name: text(c, 'name', at),
      kind: oneOf<ServiceKind>(c, 'kind', at, KINDS),
      description: text(c, 'description', at),
      source: oneOf<Candidate['source']>(c, 'source', at, SOURCES),
    };
  });
}

function menuOf(doc: DocData, where: string): string[] | null {
  return doc.menu === null || doc.menu === undefined ? null : strings(doc, 'menu', where);
}

export function roundFromDoc(id: string, doc: DocData): RoundRecord {
  const where = `survey_rounds/${id}`;
  return {
    id,
    community: text(doc, 'community', where),
    title: text(doc, 'title', where),
    candidates: candidatesOf(doc, where),
    maxChoices: integer(doc, 'maxChoices', where),
    closesOn: text(doc, 'closesOn', where),
    status: oneOf<RoundStatus>(doc, 'status', where, STATUSES),
    menu: menuOf(doc, where),
    createdBy: text(doc, 'createdBy', where),
    createdAt: text(doc, 'createdAt', where),
    publishedAt: nullableText(doc, 'publishedAt', where),
  };
}

/** Every field but `id` (the `_id`), copied so later changes to the record do not leak in. */
export function roundToDoc(r: RoundRecord): DocData {
  return {
    community: r.community,
    title: r.title,
    candidates: r.candidates.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      description: c.description,
      source: c.source,
    })),
    maxChoices: r.maxChoices,
    closesOn: r.closesOn,
    status: r.status,
    menu: r.menu ? [...r.menu] : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
  };
}

export function voteFromDoc(doc: DocData): VoteRecord {
  const where = `survey_votes/${String(doc._id)}`;
  if (typeof doc.paper !== 'boolean') throw new MalformedDocument(where, 'paper');
  return {
    roundId: text(doc, 'roundId', where),
    voterKey: text(doc, 'voterKey', where),
    choices: strings(doc, 'choices', where),
    paper: doc.paper,
    updatedAt: text(doc, 'updatedAt', where),
  };
}

export const voteToDoc = (v: VoteRecord): DocData => ({
  roundId: v.roundId,
  voterKey: v.voterKey,
  choices: [...v.choices],
  paper: v.paper,
  updatedAt: v.updatedAt,
});

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byChange = (a: VoteRecord, b: VoteRecord) =>
  compare(a.updatedAt, b.updatedAt) || compare(a.voterKey, b.voterKey);

// --- transactions ---

/** UPDATE_ROUND_OPERATIONS: the core's compare-and-set (patchRoundIfStatus), set whole. */
async function updateRoundIn(
  tx: CloudTransaction,
  names: SurveyCollections,
  id: string,
  from: RoundStatus[],
  patch: RoundPatch,
): Promise<RoundRecord | null> {
  const ref = tx.collection(names.rounds).doc(id);
  const doc = await readDoc(ref);
  const round = doc ? roundFromDoc(id, doc) : null;
  const next = patchRoundIfStatus(round, from, patch);
  if (!round || !next) return null;
  if (Object.keys(changedFields(round, next)).length > 0) {
    await ref.set({ data: roundToDoc(next) });
  }
  return next;
}

export function surveyRepo(db: CloudDatabase, names: SurveyCollections): SurveyRepo {
  const rounds = () => db.collection(names.rounds);

  return {
    async createRound(round) {
      await rounds()
        .doc(round.id)
        .set({ data: roundToDoc(round) });
    },
    async getRound(id) {
      const doc = await readDoc(rounds().doc(id));
      return doc ? roundFromDoc(id, doc) : null;
    },
    /** Newest first, as SQLite; `_id` only breaks ties between rounds opened in one instant. */
    async rounds(community) {
      const docs = await readAll(() =>
        rounds().where({ community }).orderBy('createdAt', 'desc').orderBy('_id', 'desc'),
      );
      return docs.map((doc) => roundFromDoc(text(doc, '_id', 'survey_rounds/?'), doc));
    },
    // Staff closing and publishing one round at once are few.
    updateRound: (id, from, patch) =>
      transact(db, FEW_RACERS, (tx) => updateRoundIn(tx, names, id, from, patch)),
    /** An upsert by the ballot's fixed `_id`: a second vote replaces the first. */
    async vote(vote) {
      await db
        .collection(names.votes)
        .doc(ballotId(vote.roundId, vote.voterKey))
        .set({ data: voteToDoc(vote) });
    },
    /**
     * Every ballot of the round, by last change then voter as SQLite. Read in pages in `_id`
     * order, which a re-vote never changes (it moves `updatedAt`), so no ballot is skipped or
     * read twice while residents vote; sorted in memory after.
     */
    async votes(roundId) {
      const docs = await readAll(() =>
        db.collection(names.votes).where({ roundId }).orderBy('_id', 'asc'),
      );
      return docs.map(voteFromDoc).sort(byChange);
    },
  };
}
