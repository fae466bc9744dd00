/** What the survey actions (居民点单) do, one function each; the rules are in rules.ts. */
import type { AdoptedProposal, BallotReview, Round } from '../../../contract/survey';
import { adoptable, checkLinks, proposalOf, votedIn } from './adopted';
import { communityOrThrow } from '../kernel/community';
import type { CoreDeps } from '../deps';
import { newId } from '../kernel/ids';
import { AppError, notFound } from '../errors';
import type { RoundRecord, SuggestionRecord } from '../ports';
import {
  ballotKind,
  ballotRef,
  burstVoters,
  newRound,
  paperBallots,
  publication,
  rank,
  residentBallot,
  votingOpen,
  type RoundInput,
} from './rules';

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
    voters: votes.filter((v) => !v.voidedAt).length,
    ranking,
    tieAtCut,
    mine,
    menu: r.menu,
  };
}

/** A new round in a community, with its services as candidates and the proposals after them. */
export async function openRound(
  deps: CoreDeps,
  communityId: string,
  input: RoundInput,
  by: string,
  now: Date,
) {
  const community = await communityOrThrow(deps, communityId);
  const wanted = input.proposals.map((p) => p.suggestionId);
  const linked = new Map<string, SuggestionRecord>();
  for (const id of new Set(wanted)) {
    const found = id ? await deps.store.suggestions.get(id) : null;
    if (found) linked.set(found.id, found);
  }
  checkLinks(community.id, wanted, linked);
  const [latest] = await deps.store.surveys.rounds(community.id);
  const round = newRound(community, latest ?? null, input, by, newId, now);
  await deps.store.surveys.createRound(round);
  return roundView(deps, round, null, now);
}

/** The community's latest round as the caller sees it (their own choices too); null before any. */
export async function currentRound(
  deps: CoreDeps,
  community: string,
  userId: string | null,
  now: Date,
) {
  await communityOrThrow(deps, community);
  const [latest] = await deps.store.surveys.rounds(community);
  return latest ? roundView(deps, latest, userId, now) : null;
}

/** Every round of a community, newest first, for the desk. */
export async function roundsOf(deps: CoreDeps, community: string, now: Date) {
  const rounds = await deps.store.surveys.rounds(community);
  return Promise.all(rounds.map((r) => roundView(deps, r, null, now)));
}

export async function castVote(
  deps: CoreDeps,
  userId: string,
  roundId: string,
  choices: string[],
  now: Date,
) {
  const round = await roundOrThrow(deps, roundId);
  await deps.store.surveys.vote(residentBallot(round, userId, choices, now));
  return roundView(deps, round, userId, now);
}

export async function enterPaper(
  deps: CoreDeps,
  staff: string,
  input: { roundId: string; choices: string[]; copies: number; requestId: string },
  now: Date,
) {
  const round = await roundOrThrow(deps, input.roundId);
  for (const ballot of paperBallots(round, staff, input, now)) {
    await deps.store.surveys.vote(ballot);
  }
  return roundView(deps, round, null, now);
}

/** Closing an open round; closing one that is no longer open shows it as it is. */
export async function closeRound(deps: CoreDeps, roundId: string, now: Date) {
  const round = await roundOrThrow(deps, roundId);
  const closed = await deps.store.surveys.updateRound(round.id, ['open'], { status: 'closed' });
  return roundView(deps, closed ?? round, null, now);
}

export async function publishRound(deps: CoreDeps, roundId: string, menu: string[], now: Date) {
  const round = await roundOrThrow(deps, roundId);
  const { services, from, patch } = publication(round, menu, now);
  const community = await communityOrThrow(deps, round.community);
  // The community's services for the coming evenings are now the published menu.
  await deps.store.communities.save({ ...community, services });
  const published = await deps.store.surveys.updateRound(round.id, from, patch);
  if (!published) throw new AppError('CONFLICT', '这轮点单刚刚被发布了');
  await tellVotedIn(deps, published, now);
  return roundView(deps, published, null, now);
}

/** Each author whose suggestion residents voted onto the menu hears it (已列入点单). */
async function tellVotedIn(deps: CoreDeps, round: RoundRecord, now: Date) {
  for (const id of votedIn(round)) {
    const s = await deps.store.suggestions.get(id);
    if (!s?.userId) continue;
    await deps.notifier?.notifyResident({
      userId: s.userId,
      at: now.toISOString(),
      kind: 'suggestion-status',
      community: s.community,
      text: `您的建议 ${s.receipt} 经居民投票，已列入点单`,
      page: 'package-suggestion/pages/mine/index',
    });
  }
}

/** The adopted suggestions staff may add to a new round with one tap, each as a proposal. */
export async function adoptedProposals(
  deps: CoreDeps,
  community: string,
): Promise<AdoptedProposal[]> {
  await communityOrThrow(deps, community);
  const [suggestions, rounds] = await Promise.all([
    deps.store.suggestions.list(community),
    deps.store.surveys.rounds(community),
  ]);
  return adoptable(suggestions, rounds).map(proposalOf);
}

/** Every ballot of a round for staff review: flagged (a burst) first, then the newest. */
export async function reviewBallots(deps: CoreDeps, roundId: string): Promise<BallotReview> {
  const round = await roundOrThrow(deps, roundId);
  const votes = await deps.store.surveys.votes(round.id);
  const burst = burstVoters(votes);
  const names = new Map(round.candidates.map((c, i) => [c.id, { name: c.name, i }]));
  const ballots = votes
    .map((v) => ({
      ref: ballotRef(v),
      at: v.updatedAt,
      kind: ballotKind(v),
      choices: v.choices
        .filter((c) => names.has(c))
        .sort((a, b) => names.get(a)!.i - names.get(b)!.i)
        .map((c) => names.get(c)!.name),
      burst: burst.has(v.voterKey),
      voided: v.voidedAt !== null,
    }))
    .sort((a, b) => Number(b.burst) - Number(a.burst) || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const voided = ballots.filter((b) => b.voided).length;
  return {
    roundId: round.id,
    ballots,
    counted: ballots.length - voided,
    voided,
    flagged: ballots.filter((b) => b.burst).length,
  };
}

/** Voids a ballot (or counts it again) by the ref staff saw; the ranking follows at once. */
export async function voidBallot(
  deps: CoreDeps,
  input: { roundId: string; ref: string; voided: boolean },
  by: string,
  now: Date,
) {
  const votes = await deps.store.surveys.votes(input.roundId);
  const ballot = votes.find((v) => ballotRef(v) === input.ref);
  if (!ballot) throw notFound('没有找到这张选票');
  await deps.store.surveys.setVoided(
    ballot.roundId,
    ballot.voterKey,
    input.voided ? { at: now.toISOString(), by } : null,
  );
  return reviewBallots(deps, input.roundId);
}
