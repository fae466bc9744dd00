import type { RankedCandidate } from '@/types/contract';

export interface Toggled {
  selected: string[];
  /** True when the tap would go past the round's limit (nothing changed then). */
  overMax: boolean;
}

/** A tap on a candidate: off when chosen, on while fewer than `max` are chosen. */
export function toggleChoice(selected: string[], id: string, max: number): Toggled {
  if (selected.includes(id)) return { selected: selected.filter((s) => s !== id), overMax: false };
  if (selected.length >= max) return { selected, overMax: true };
  return { selected: [...selected, id], overMax: false };
}

const SOURCE_ORDER: Record<RankedCandidate['source'], number> = {
  current: 0,
  proposal: 1,
  suggestion: 2,
};

/**
 * The candidates to choose from in a fixed order (current services, then proposals), not by
 * votes: the live count does not steer the choice, and the cards do not jump after a vote.
 */
export function ballotOrder(ranking: RankedCandidate[]): RankedCandidate[] {
  return [...ranking].sort(
    (a, b) => SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.id.localeCompare(b.id),
  );
}

/** The bar of a candidate as a share of the leader's votes, in whole percent (0 without votes). */
export function barPercent(votes: number, top: number): number {
  if (top <= 0 || votes <= 0) return 0;
  return Math.max(2, Math.round((votes / top) * 100));
}
