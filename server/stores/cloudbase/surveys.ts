/**
 * Demand rounds (居民点单, the SurveyRepo port; rules in core/survey/rules.ts):
 * - survey_rounds/<round id>: the RoundRecord fields without `id`, the candidates embedded.
 * - survey_votes/ballot_<digest(roundId, voterKey)> (ballotId): { roundId, voterKey, choices,
 *   paper, updatedAt }: one ballot per voter and round. The `_id` is fixed by the pair, so a
 *   second vote is a set() of the same document and replaces the first: no query, no
 *   transaction, and two votes at once leave one ballot whichever lands last, as SQLite's upsert.
 *   The voter key (a user id, or "paper:<staff>:<request>:<n>") goes into the `_id` only hashed:
 *   no ':' or openid in an `_id`. The whole ballot is replaced, `paper` too, where SQLite keeps
 *   the first one's: the same as long as `paper` follows from the voter key, as the core makes it.
 *
 * - survey_voids/void_<digest(roundId, voterKey)>: { roundId, voterKey, voidedAt, voidedBy }: a
 *   ballot staff voided. Apart from the ballot, so a new vote (a set() of the ballot) keeps it;
 *   counting it again removes it.
 *
 * updateRound() reads the round and set()s it whole in a transaction: the status check and the
 * write commit together, and `menu` (a list) is replaced exactly.
 */
import type { ServiceKind } from '../../../contract/community';
import type { Candidate, RoundStatus } from '../../../contract/survey';
import type { RoundRecord, SurveyRepo, VoteRecord } from '../../core/ports';
import { newId } from '../../core/kernel/ids';
import {
  type Ballot,
  erasedVote,
  patchRoundIfStatus,
  type RoundPatch,
} from '../../core/survey/rules';
import { readDoc } from './documents';
import {
  bool,
  changedFields,
  docOf,
  fieldsOf,
  integer,
  listOf,
  nullable,
  nullableText,
  oneOf,
  read,
  recordOf,
  records,
  strings,
  text,
  type Shape,
  type Reader,
} from './fields';
import { digest } from './keys';
import type { CloudDatabase, DocData } from './sdk';
import { FEW_RACERS, transact } from './transaction';

/**
 * Single-document operations an updateRound() runs inside its one transaction: get the round,
 * then set it (only get when the status had moved on or nothing changes).
 */
export const UPDATE_ROUND_OPERATIONS = { updated: 2, stale: 1 } as const;

/** The ballot's `_id`: the same for every vote of one voter in one round. */
export const ballotId = (roundId: string, voterKey: string) =>
  `ballot_${digest(roundId, voterKey)}`;

// --- mapping ---

const kinds: ServiceKind[] = ['queue', 'booking', 'drop-in'];

/** Candidates of rounds opened before the link have no field: left out, as SQLite's JSON has it. */
const linkedSuggestion: Reader<string | null | undefined> = (doc, key, where) =>
  doc[key] === undefined ? undefined : nullableText(doc, key, where);

export const roundFromDoc = recordOf<RoundRecord>('survey_rounds', {
  community: text,
  title: text,
  candidates: listOf<Candidate>({
    id: text,
    name: text,
    kind: oneOf(kinds),
    description: text,
    source: oneOf(['current', 'proposal', 'suggestion']),
    suggestionId: linkedSuggestion,
  }),
  maxChoices: integer,
  closesOn: text,
  status: oneOf(['open', 'closed', 'published']),
  menu: nullable(strings),
  createdBy: text,
  createdAt: text,
  publishedAt: nullableText,
});

const BALLOT: Shape<Ballot> = {
  roundId: text,
  voterKey: text,
  choices: strings,
  paper: bool,
  updatedAt: text,
};
const ballotOf = (id: string, doc: DocData) => read(BALLOT, doc, `survey_votes/${id}`);

type Void = Pick<VoteRecord, 'voterKey'> & { voidedAt: string; voidedBy: string };
const VOID: Shape<Void> = { voterKey: text, voidedAt: text, voidedBy: text };
const voidOf = (id: string, doc: DocData) => read(VOID, doc, `survey_voids/${id}`);

export const voidId = (roundId: string, voterKey: string) => `void_${digest(roundId, voterKey)}`;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byChange = (a: VoteRecord, b: VoteRecord) =>
  compare(a.updatedAt, b.updatedAt) || compare(a.voterKey, b.voterKey);

export function surveyRepo(
  db: CloudDatabase,
  names: Record<'survey_rounds' | 'survey_votes' | 'survey_voids', string>,
): SurveyRepo {
  const rounds = records(db, names, 'survey_rounds', roundFromDoc);
  const votes = records(db, names, 'survey_votes', ballotOf);
  const voids = records(db, names, 'survey_voids', voidOf);

  return {
    createRound: rounds.put,
    getRound: rounds.get,
    /** Newest first, as SQLite; `_id` only breaks ties between rounds opened in one instant. */
    rounds: (community) => rounds.find({ community }, 'createdAt desc', '_id desc'),
    /**
     * UPDATE_ROUND_OPERATIONS: the core's compare-and-set (patchRoundIfStatus), set whole and
     * only when it changes something. Staff closing and publishing one round at once are few.
     */
    updateRound: (id, from: RoundStatus[], patch: RoundPatch) =>
      rounds.change(
        id,
        (round) => patchRoundIfStatus(round, from, patch),
        async (ref, next, current) => {
          if (Object.keys(changedFields(current, next)).length > 0) {
            await ref.set({ data: docOf(next) });
          }
        },
      ),
    /** An upsert by the ballot's fixed `_id`: a second vote replaces the first. */
    async vote(vote) {
      await votes.doc(ballotId(vote.roundId, vote.voterKey)).set({ data: fieldsOf(BALLOT, vote) });
    },
    /**
     * One query for the user's ballots, then per ballot one transaction: set it under the new
     * key's `_id` (erasedVote) and remove the one whose `_id` was made from the user id; its void
     * follows it the same way, so erasing does not recount it.
     */
    async eraseVoter(userId) {
      const mine = await votes.find({ voterKey: userId }, '_id');
      for (const vote of mine) {
        const { voterKey } = erasedVote(vote, newId());
        await transact(db, FEW_RACERS, async (tx) => {
          const ballots = tx.collection(names.survey_votes);
          const voided = tx.collection(names.survey_voids);
          await ballots.doc(ballotId(vote.roundId, voterKey)).set({
            data: fieldsOf(BALLOT, { ...vote, voterKey }),
          });
          await ballots.doc(ballotId(vote.roundId, vote.voterKey)).remove();
          const old = await readDoc(voided.doc(voidId(vote.roundId, vote.voterKey)));
          if (!old) return;
          const was = voidOf(voidId(vote.roundId, vote.voterKey), old);
          const data = { roundId: vote.roundId, ...fieldsOf(VOID, { ...was, voterKey }) };
          await voided.doc(voidId(vote.roundId, voterKey)).set({ data });
          await voided.doc(voidId(vote.roundId, vote.voterKey)).remove();
        });
      }
      return mine.length;
    },
    /**
     * Every ballot of the round, by last change then voter as SQLite. Read in pages in `_id`
     * order, which a re-vote never changes (it moves `updatedAt`), so no ballot is skipped or
     * read twice while residents vote; sorted in memory after.
     */
    async votes(roundId) {
      const [ballots, voided] = await Promise.all([
        votes.find({ roundId }, '_id'),
        voids.find({ roundId }, '_id'),
      ]);
      const voidOfVoter = new Map(voided.map((v) => [v.voterKey, v]));
      return ballots
        .map((ballot): VoteRecord => {
          const v = voidOfVoter.get(ballot.voterKey);
          return { ...ballot, voidedAt: v?.voidedAt ?? null, voidedBy: v?.voidedBy ?? null };
        })
        .sort(byChange);
    },
    /** The void's fixed `_id`: voiding twice, or two staff at once, leave one; recounting removes it. */
    async setVoided(roundId, voterKey, voided) {
      const ref = voids.doc(voidId(roundId, voterKey));
      if (voided) {
        await ref.set({ data: { roundId, voterKey, voidedAt: voided.at, voidedBy: voided.by } });
      } else {
        await ref.remove();
      }
    },
  };
}
