import type { Candidate, RankedCandidate, Round } from '../../../contract/program';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { RoundRecord, VoteRecord } from '../ports';
import { todayOf } from '../notice/week';

/** The menu has eight evening services, as the pilot's survey chose. */
export const MENU_SIZE = 8;

/**
 * Counts ballots and ranks candidates: most votes first, ties share a rank ("1, 2, 2, 4"), and
 * the proposed menu is everything ranked within the top eight, so a tie across the cut is shown
 * whole and staff decide.
 */
export function rank(candidates: Candidate[], votes: VoteRecord[]) {
  const count = new Map(candidates.map((c) => [c.id, { votes: 0, paper: 0 }]));
  for (const v of votes) {
    for (const choice of new Set(v.choices)) {
      const entry = count.get(choice);
      if (!entry) continue;
      entry.votes += 1;
      if (v.paper) entry.paper += 1;
    }
  }
  const sorted = candidates
    .map((c, order) => ({ c, order, ...count.get(c.id)! }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order);
  // Before any vote nothing is proposed: "all tie for first" would be noise, not a result.
  const anyVotes = sorted.some((x) => x.votes > 0);
  const ranking: RankedCandidate[] = sorted.map((x) => {
    const firstWithSame = sorted.findIndex((y) => y.votes === x.votes);
    return {
      ...x.c,
      votes: x.votes,
      paperVotes: x.paper,
      rank: firstWithSame + 1,
      proposed: anyVotes && firstWithSame < MENU_SIZE,
    };
  });
  const proposed = ranking.filter((r) => r.proposed).length;
  return { ranking, tieAtCut: proposed > MENU_SIZE };
}

/** Voting stops at the end of `closesOn` (Asia/Shanghai) or when staff close the round. */
export const votingOpen = (r: RoundRecord, now: Date) =>
  r.status === 'open' && todayOf(now) <= r.closesOn;

export async function roundOrThrow(deps: CoreDeps, id: string) {
  const round = await deps.store.surveys.getRound(id);
  if (!round) throw notFound('没有找到这轮点单');
  return round;
}

export async function roundView(
  deps: CoreDeps,
  r: RoundRecord,
  userId: string | null,
  now: Date,
): Promise<Round> {
  const votes = await deps.store.surveys.votes(r.id);
  const { ranking, tieAtCut } = rank(r.candidates, votes);
  const mine = userId ? (votes.find((v) => v.voterKey === userId)?.choices ?? null) : null;
  return {
    id: r.id,
    community: r.community,
    title: r.title,
    maxChoices: r.maxChoices,
    closesOn: r.closesOn,
    // A round past its last day reads as closed even before staff close it.
    status: r.status === 'open' && !votingOpen(r, now) ? 'closed' : r.status,
    voters: votes.length,
    ranking,
    tieAtCut,
    mine,
    menu: r.menu,
  };
}

/** Choices must be distinct candidates of the round, at least one and at most maxChoices. */
export function checkChoices(r: RoundRecord, choices: string[]) {
  const unique = [...new Set(choices)];
  if (unique.length === 0) throw new AppError('BAD_INPUT', '请至少选一项', 'choices');
  if (unique.length > r.maxChoices) {
    throw new AppError('BAD_INPUT', `每人最多选 ${r.maxChoices} 项`, 'choices');
  }
  if (unique.some((id) => !r.candidates.some((c) => c.id === id))) {
    throw new AppError('BAD_INPUT', '选项里有这轮点单没有的服务', 'choices');
  }
  return unique;
}
