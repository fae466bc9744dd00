/** 居民点单's rules: ranking, ballots, a new round and publishing its menu. Pure functions. */
import type { ServiceKind } from '../../../contract/community';
import type { Candidate, RankedCandidate, RoundStatus } from '../../../contract/survey';
import { AppError } from '../errors';
import type { CommunityRecord, RoundRecord, ServiceRecord, VoteRecord } from '../ports';
import { createHash } from 'node:crypto';
import { assertNearToday, todayOf } from '../kernel/week';

/** A ballot as cast: the record without staff's void. */
export type Ballot = Omit<VoteRecord, 'voidedAt' | 'voidedBy'>;

/** The menu has eight evening services, as the pilot's survey chose. */
export const MENU_SIZE = 8;

/**
 * Counts ballots and ranks candidates: most votes first, ties share a rank ("1, 2, 2, 4"), and
 * the proposed menu is everything ranked within the top eight, so a tie across the cut is shown
 * whole and staff decide.
 */
export function rank(
  candidates: Candidate[],
  votes: Array<Pick<VoteRecord, 'choices' | 'paper'> & { voidedAt?: string | null }>,
) {
  const count = new Map(candidates.map((c) => [c.id, { votes: 0, paper: 0 }]));
  for (const v of votes) {
    if (v.voidedAt) continue;
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

// ── The round's decisions: pure, so both stores and the actions share them ──

export type RoundPatch = Partial<Pick<RoundRecord, 'status' | 'menu' | 'publishedAt'>>;

/** Compare-and-set on status: the patched round, or null when its status moved on. */
export function patchRoundIfStatus(
  current: RoundRecord | null,
  from: readonly RoundStatus[],
  patch: RoundPatch,
): RoundRecord | null {
  if (!current || !from.includes(current.status)) return null;
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return { ...current, ...fields };
}

/** A resident's ballot: one per round, keyed by them, so voting again replaces it. */
export function residentBallot(
  round: RoundRecord,
  userId: string,
  choices: string[],
  now: Date,
): Ballot {
  if (!votingOpen(round, now)) throw new AppError('CLOSED', '这轮点单已经结束，谢谢关心');
  const unique = checkChoices(round, choices);
  return {
    roundId: round.id,
    voterKey: userId,
    choices: unique,
    paper: false,
    updatedAt: now.toISOString(),
  };
}

/**
 * Paper ballots staff type in: keyed by the staff member, the request and the copy, so entering
 * the same stack twice (a retry) counts it once.
 */
export function paperBallots(
  round: RoundRecord,
  staff: string,
  input: { choices: string[]; copies: number; requestId: string },
  now: Date,
): Ballot[] {
  if (!votingOpen(round, now)) throw new AppError('CLOSED', '这轮点单已经结束，不能再录入');
  const choices = checkChoices(round, input.choices);
  return Array.from({ length: input.copies }, (_, n) => ({
    roundId: round.id,
    voterKey: `paper:${staff}:${input.requestId}:${n}`,
    choices,
    paper: true,
    updatedAt: now.toISOString(),
  }));
}

export interface RoundInput {
  title: string;
  maxChoices: number;
  closesOn: string;
  proposals: Array<{ name: string; kind: ServiceKind; description: string; suggestionId?: string }>;
}

/**
 * A new round: closing today or later, none still open, the community's services as candidates
 * and the proposals after them. `newId` names the round and each proposal.
 */
export function newRound(
  community: CommunityRecord,
  latest: RoundRecord | null,
  input: RoundInput,
  by: string,
  newId: () => string,
  now: Date,
): RoundRecord {
  if (input.closesOn < todayOf(now)) {
    throw new AppError('BAD_INPUT', '截止日期不能早于今天', 'closesOn');
  }
  assertNearToday(input.closesOn, now, { past: 0, future: 366 }, 'closesOn', '截止日期');
  if (latest && votingOpen(latest, now)) {
    throw new AppError('CONFLICT', '还有一轮点单没结束，请先结束它');
  }
  const current = [...community.services]
    .sort((a, b) => a.sort - b.sort)
    .map((s) => ({ ...s, source: 'current' as const }));
  const proposed = input.proposals.map((p) => ({
    id: `p-${newId()
      .slice(0, 8)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`,
    name: p.name,
    kind: p.kind,
    description: p.description,
    source: p.suggestionId ? ('suggestion' as const) : ('proposal' as const),
    suggestionId: p.suggestionId ?? null,
  }));
  const candidates: Candidate[] = [
    ...current.map((c) => ({ ...c, suggestionId: null })),
    ...proposed,
  ].map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    description: c.description,
    source: c.source,
    // The link back to the suggestion, so its author hears when residents vote it in.
    suggestionId: c.suggestionId,
  }));
  return {
    id: newId(),
    community: community.id,
    title: input.title,
    candidates,
    maxChoices: input.maxChoices,
    closesOn: input.closesOn,
    status: 'open',
    menu: null,
    createdBy: by,
    createdAt: now.toISOString(),
    publishedAt: null,
  };
}

/**
 * Publishing a closed round's menu: once, after voting, only its candidates. The community's
 * services become the menu, in the order chosen.
 */
export function publication(round: RoundRecord, menu: string[], now: Date) {
  if (round.status === 'published') throw new AppError('CONFLICT', '这轮点单已经发布过了');
  if (votingOpen(round, now)) throw new AppError('CONFLICT', '请先结束投票，再发布菜单');
  const unique = [...new Set(menu)];
  const chosen = unique.map((id) => round.candidates.find((c) => c.id === id));
  if (chosen.some((c) => !c)) {
    throw new AppError('BAD_INPUT', '菜单里有这轮点单没有的服务', 'menu');
  }
  const services: ServiceRecord[] = chosen.map((c, sort) => ({
    id: c!.id,
    name: c!.name,
    kind: c!.kind,
    description: c!.description,
    sort: sort + 1,
  }));
  const change: { from: RoundStatus[]; patch: RoundPatch } = {
    from: ['open', 'closed'],
    patch: { status: 'published', menu: unique, publishedAt: now.toISOString() },
  };
  return { services, ...change };
}

// ── Reviewing ballots: a cookie costs nothing, so staff can see bursts and void them ──

/** This many online ballots with the same choices within this many minutes look scripted. */
export const BURST = { size: 5, minutes: 10 } as const;

export type BallotKind = 'wechat' | 'browser' | 'paper';

/** WeChat identities are accounts ("wx:"), browser ones only a cookie. */
export const ballotKind = (v: Pick<VoteRecord, 'paper' | 'voterKey'>): BallotKind =>
  v.paper ? 'paper' : v.voterKey.startsWith('wx:') ? 'wechat' : 'browser';

/** What staff see instead of the voter key (a user id): stable per round and voter, not reversible. */
export const ballotRef = (v: Pick<VoteRecord, 'roundId' | 'voterKey'>) =>
  createHash('sha256')
    .update(JSON.stringify([v.roundId, v.voterKey]))
    .digest('base64url')
    .slice(0, 16);

/**
 * The voter keys of online ballots cast in a burst: at least BURST.size with the same choices,
 * last changed within BURST.minutes of each other. Paper ballots are typed in by staff in stacks
 * and never count as a burst.
 */
type Cast = Pick<VoteRecord, 'voterKey' | 'choices' | 'paper' | 'updatedAt'>;

export function burstVoters(votes: Cast[]): Set<string> {
  const groups = new Map<string, Cast[]>();
  for (const v of votes) {
    if (v.paper) continue;
    const key = JSON.stringify([...v.choices].sort());
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const flagged = new Set<string>();
  const window = BURST.minutes * 60_000;
  for (const group of groups.values()) {
    const sorted = group.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
    let first = 0;
    for (let last = 0; last < sorted.length; last++) {
      const at = Date.parse(sorted[last]!.updatedAt);
      while (at - Date.parse(sorted[first]!.updatedAt) > window) first += 1;
      if (last - first + 1 >= BURST.size) {
        for (let i = first; i <= last; i++) flagged.add(sorted[i]!.voterKey);
      }
    }
  }
  return flagged;
}
/**
 * What erasing a resident leaves of a ballot: its choices, still counted, under a key that no
 * longer names the voter (`anonymous` is random, made by the store; never derived from the user).
 */
export const erasedVote = <V extends Pick<VoteRecord, 'voterKey'>>(v: V, anonymous: string): V => ({
  ...v,
  voterKey: `erased:${anonymous}`,
});
