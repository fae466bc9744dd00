/** How a round and its ranking read on the staff screen. */
import { formatDate } from '@/lib/shanghai-time';
import type { Candidate, RankedCandidate, Round, RoundStatus } from '@/types/contract';
import { MENU_SIZE } from './round-form';

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  open: '投票中',
  closed: '投票已结束',
  published: '菜单已发布',
};

export const SOURCE_LABELS: Record<Candidate['source'], string> = {
  current: '现有服务',
  proposal: '新提议',
  suggestion: '居民建议',
};

/** "32 票（其中纸质 5 票）", or "32 票" without paper ballots. */
export function votesText(c: RankedCandidate): string {
  return c.paperVotes > 0 ? `${c.votes} 票（其中纸质 ${c.paperVotes} 票）` : `${c.votes} 票`;
}

/** The round's facts in one line: last day, choices per resident, voters. */
export function roundFacts(round: Round): string {
  return `截止 ${formatDate(round.closesOn)}（含当天） · 每人最多选 ${round.maxChoices} 项 · ${round.voters} 人投票`;
}

/** The candidates sharing the rank at the cut, when that tie takes the menu past eight. */
export function tiedAtCut(round: Round): RankedCandidate[] {
  if (!round.tieAtCut) return [];
  const proposed = round.ranking.filter((c) => c.proposed);
  const last = proposed[proposed.length - 1];
  return last ? proposed.filter((c) => c.rank === last.rank) : [];
}

/** The tie notice: who ties, and that staff decide. */
export function tieText(round: Round): string | null {
  const tied = tiedAtCut(round);
  if (tied.length === 0) return null;
  const proposed = round.ranking.filter((c) => c.proposed).length;
  return `第 ${tied[0]!.rank} 名有 ${tied.length} 项票数相同（${tied.map((c) => c.name).join('、')}），入选的有 ${proposed} 项，超过 ${MENU_SIZE} 项：请工作人员商量决定，发布菜单时取消勾选多出的`;
}

/** The published menu's names, in its order. */
export function menuNames(round: Round): string[] {
  return (round.menu ?? []).map((id) => round.ranking.find((c) => c.id === id)?.name ?? id);
}
