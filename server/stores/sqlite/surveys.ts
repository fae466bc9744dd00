/** Demand rounds (居民点单). The rules are the core's (core/survey/rules.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type { RoundStatus } from '../../../contract/survey';
import type { RoundRecord, SurveyRepo, VoteRecord } from '../../core/ports';
import { newId } from '../../core/kernel/ids';
import { erasedVote, patchRoundIfStatus, type RoundPatch } from '../../core/survey/rules';
import { maybe, rowParams, rowReader, type Row, type RowShape } from './rows';

const ROUND: RowShape = { json: ['candidates', 'menu'] };
const toRound = rowReader<RoundRecord>(ROUND);
const toVote = rowReader<VoteRecord>({ json: ['choices'], bool: ['paper'] });

export function surveyRepo(db: Database.Database): SurveyRepo {
  const insert = db.prepare(
    `INSERT INTO survey_rounds (id, community_id, title, candidates, max_choices, closes_on, status, menu, created_by, created_at, published_at)
     VALUES (@id, @community, @title, @candidates, @maxChoices, @closesOn, @status, @menu, @createdBy, @createdAt, @publishedAt)`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM survey_rounds WHERE id = ?');
  const rounds = db.prepare<[string], Row>(
    'SELECT * FROM survey_rounds WHERE community_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  // The primary key (round, voter) makes one ballot per voter; a new vote replaces it.
  const vote = db.prepare(
    `INSERT INTO survey_votes (round_id, voter_key, choices, paper, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id, voter_key) DO UPDATE SET choices = excluded.choices, updated_at = excluded.updated_at`,
  );
  const votes = db.prepare<[string], Row>(
    `SELECT v.*, x.voided_at, x.voided_by FROM survey_votes v
     LEFT JOIN survey_voids x ON x.round_id = v.round_id AND x.voter_key = v.voter_key
     WHERE v.round_id = ? ORDER BY v.updated_at, v.voter_key`,
  );
  const voidBallot = db.prepare(
    `INSERT INTO survey_voids (round_id, voter_key, voided_at, voided_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (round_id, voter_key) DO UPDATE SET voided_at = excluded.voided_at, voided_by = excluded.voided_by`,
  );
  const unvoid = db.prepare('DELETE FROM survey_voids WHERE round_id = ? AND voter_key = ?');
  const write = db.prepare(
    'UPDATE survey_rounds SET status = ?, menu = ?, published_at = ? WHERE id = ?',
  );
  const ofVoter = db.prepare<[string], Row>('SELECT * FROM survey_votes WHERE voter_key = ?');
  const rekey = db.prepare(
    'UPDATE survey_votes SET voter_key = @voterKey WHERE round_id = @roundId AND voter_key = @old',
  );
  // A void follows its ballot to the new key, so erasing a voter does not recount a voided ballot.
  const rekeyVoid = db.prepare(
    'UPDATE survey_voids SET voter_key = @voterKey WHERE round_id = @roundId AND voter_key = @old',
  );
  const eraseVoter = db.transaction(
    (userId: string) =>
      ofVoter
        .all(userId)
        .map(toVote)
        .map((v) => {
          const rekeyed = { ...erasedVote(v, newId()), old: v.voterKey };
          rekeyVoid.run(rekeyed);
          return rekey.run(rekeyed);
        }).length,
  );
  const update = db.transaction((id: string, from: RoundStatus[], patch: RoundPatch) => {
    const next = patchRoundIfStatus(maybe(toRound, byId.get(id)), from, patch);
    if (next)
      write.run(next.status, next.menu ? JSON.stringify(next.menu) : null, next.publishedAt, id);
    return next;
  });
  return {
    createRound: async (r) => {
      insert.run(rowParams(r, ROUND));
    },
    getRound: async (id) => maybe(toRound, byId.get(id)),
    rounds: async (community) => rounds.all(community).map(toRound),
    updateRound: async (id, from, patch) => update.immediate(id, from, patch),
    vote: async (v) => {
      vote.run(v.roundId, v.voterKey, JSON.stringify(v.choices), v.paper ? 1 : 0, v.updatedAt);
    },
    votes: async (roundId) => votes.all(roundId).map(toVote),
    setVoided: async (roundId, voterKey, voided) => {
      if (voided) voidBallot.run(roundId, voterKey, voided.at, voided.by);
      else unvoid.run(roundId, voterKey);
    },
    eraseVoter: async (userId) => eraseVoter.immediate(userId),
  };
}
