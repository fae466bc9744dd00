/**
 * Adopted suggestions in 居民点单, as pure decisions on loaded records: which are offered to staff
 * opening a round, the proposal each becomes, which proposals may name a suggestion, and which
 * suggestions a published menu voted in.
 */
import type { AdoptedProposal } from '../../../contract/survey';
import { AppError } from '../errors';
import type { RoundRecord, SuggestionRecord } from '../ports';

/** The proposal's limits in survey.open (a name of 20, a description of 60, one line each). */
const NAME_MAX = 20;
const DESCRIPTION_MAX = 60;

/** One line, no control characters, within `max`. */
const oneLine = (text: string, max: number) =>
  [...text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ').trim()].slice(0, max).join('');

/** Suggestion ids a round has as candidates. */
const proposedIn = (r: RoundRecord) =>
  r.candidates.flatMap((c) => (c.suggestionId ? [c.suggestionId] : []));

/**
 * What staff are offered when opening a round: the community's adopted suggestions not yet a
 * service (no change logged) and not already in a round still to publish or on a published menu;
 * one left off a published menu may be proposed again. Oldest answer first.
 */
export function adoptable(suggestions: SuggestionRecord[], rounds: RoundRecord[]) {
  const taken = new Set(
    rounds.flatMap((r) =>
      r.status === 'published'
        ? (r.menu ?? []).flatMap((id) => menuSuggestion(r, id))
        : proposedIn(r),
    ),
  );
  return suggestions
    .filter((s) => s.status === 'adopted' && s.changeId === null && !taken.has(s.id))
    .sort((a, b) => (a.answeredAt ?? a.createdAt).localeCompare(b.answeredAt ?? b.createdAt));
}

const menuSuggestion = (r: RoundRecord, id: string) => {
  const found = r.candidates.find((c) => c.id === id)?.suggestionId;
  return found ? [found] : [];
};

/** The proposal one tap adds: the suggestion's first line as the name, its words as the description. */
export function proposalOf(s: SuggestionRecord): AdoptedProposal {
  const first = s.text.split(/\r?\n/).find((l) => l.trim() !== '') ?? s.text;
  return {
    suggestionId: s.id,
    receipt: s.receipt,
    text: s.text,
    proposal: {
      name: oneLine(first, NAME_MAX) || s.receipt,
      kind: 'drop-in',
      description: oneLine(`居民建议 ${s.receipt}：${s.text}`, DESCRIPTION_MAX),
      suggestionId: s.id,
    },
  };
}

/**
 * Proposals may name a suggestion only once each, and only an adopted one of the round's
 * community (`linked` holds those the store found by id).
 */
export function checkLinks(
  community: string,
  wanted: Array<string | undefined>,
  linked: Map<string, SuggestionRecord>,
) {
  const ids = wanted.filter((id): id is string => id !== undefined);
  if (new Set(ids).size !== ids.length) {
    throw new AppError('BAD_INPUT', '同一条建议只能列入一次', 'proposals');
  }
  for (const id of ids) {
    const s = linked.get(id);
    if (!s || s.community !== community || s.status !== 'adopted') {
      throw new AppError('BAD_INPUT', '只能把本社区已采纳的建议列入点单', 'proposals');
    }
  }
}

/** The suggestions a published round voted in: its menu's candidates that came from one. */
export const votedIn = (r: RoundRecord): string[] =>
  r.status === 'published' ? (r.menu ?? []).flatMap((id) => menuSuggestion(r, id)) : [];

/** Where a suggestion got in the rounds, newest round first: null when never proposed. */
export function roundOf(suggestionId: string, rounds: RoundRecord[]) {
  const r = rounds.find((x) => proposedIn(x).includes(suggestionId));
  if (!r) return null;
  if (r.status !== 'published') return { round: r, status: 'voting' as const };
  return {
    round: r,
    status: votedIn(r).includes(suggestionId) ? ('voted-in' as const) : ('not-chosen' as const),
  };
}
