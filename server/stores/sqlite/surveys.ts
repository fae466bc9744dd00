/** Demand rounds (居民点单). The rules are the core's (core/survey/rules.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type { RoundRecord, SurveyRepo, VoteRecord } from '../../core/ports';
import { newId } from '../../core/kernel/ids';
import { erasedVote, patchRoundIfStatus } from '../../core/survey/rules';
import { immediate, statements, table } from './rows';

export function surveyRepo(db: Database.Database): SurveyRepo {
  const rounds = table<RoundRecord>(db, 'survey_rounds', { json: ['candidates', 'menu'] });
  const votes = table<VoteRecord>(db, 'survey_votes', { json: ['choices'], bool: ['paper'] });
  const voids = table(db, 'survey_voids');
  const sql = statements(db);
  const atomic = immediate(db);
  const ballot = ['roundId', 'voterKey'];
  return {
    createRound: async (r) => {
      rounds.insert(r);
    },
    getRound: async (id) => rounds.get('id = ?', id),
    rounds: async (community) =>
      rounds.all('community_id = ? ORDER BY created_at DESC, rowid DESC', community),
    updateRound: async (id, from, patch) =>
      atomic(() => rounds.save(patchRoundIfStatus(rounds.get('id = ?', id), from, patch))),
    // The primary key (round, voter) makes one ballot per voter; a new vote replaces it.
    vote: async (v) => {
      votes.upsert(v, ballot, ['paper']);
    },
    votes: async (roundId) =>
      sql(
        `SELECT v.*, x.voided_at, x.voided_by FROM survey_votes v
         LEFT JOIN survey_voids x ON x.round_id = v.round_id AND x.voter_key = v.voter_key
         WHERE v.round_id = ? ORDER BY v.updated_at, v.voter_key`,
      )
        .all(roundId)
        .map(votes.read),
    setVoided: async (roundId, voterKey, voided) => {
      if (voided)
        voids.upsert({ roundId, voterKey, voidedAt: voided.at, voidedBy: voided.by }, ballot);
      else voids.remove('round_id = ? AND voter_key = ?', roundId, voterKey);
    },
    eraseVoter: async (userId) =>
      atomic(() => {
        const mine = votes.all('voter_key = ?', userId);
        for (const v of mine) {
          const { voterKey } = erasedVote(v, newId());
          // A void follows its ballot to the new key, so erasing a voter does not recount a voided ballot.
          for (const t of ['survey_voids', 'survey_votes'])
            sql(`UPDATE ${t} SET voter_key = ? WHERE round_id = ? AND voter_key = ?`).run(
              voterKey,
              v.roundId,
              v.voterKey,
            );
        }
        return mine.length;
      }),
  };
}
