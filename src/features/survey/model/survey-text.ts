import type { Candidate, RankedCandidate, Round } from '@/types/contract';

/** "每人最多选 3 项，12 月 16 日截止". */
export function rulesLine(round: Pick<Round, 'maxChoices' | 'closesOn'>): string {
  const [, month, day] = round.closesOn.split('-').map(Number);
  return `每人最多选 ${round.maxChoices} 项，${month} 月 ${day} 日截止`;
}

/** "已选 2/3". */
export function counterText(chosen: number, max: number): string {
  return `已选 ${chosen}/${max}`;
}

/** Said when a resident taps one more than the round allows. */
export function overMaxMessage(max: number): string {
  return `每人最多选 ${max} 项，请先取消一项再选`;
}

export const NONE_CHOSEN_MESSAGE = '请至少选一项';

/** "已有 12 人参与" (paper ballots count as residents). */
export function votersLine(voters: number): string {
  return voters > 0 ? `已有 ${voters} 人参与` : '还没有人投票，欢迎第一个点单';
}

/** "12 票". */
export const votesText = (votes: number) => `${votes} 票`;

/** "含纸质票 3", or null without paper votes. */
export const paperText = (paperVotes: number) => (paperVotes > 0 ? `含纸质票 ${paperVotes}` : null);

/** Where a candidate came from, or null for a current service. */
export const SOURCE_WORDS: Record<Candidate['source'], string | null> = {
  current: null,
  proposal: '新提议',
  suggestion: '来自居民建议',
};

/** "您选了：政务服务、健康检测", or null without my ballot. */
export function mineLine(round: Pick<Round, 'mine' | 'ranking'>): string | null {
  if (!round.mine || round.mine.length === 0) return null;
  const names = round.mine.map((id) => round.ranking.find((c) => c.id === id)?.name ?? id);
  return `您选了：${names.join('、')}`;
}

/** The published menu in its order, with each service's name and description. */
export function menuOf(round: Pick<Round, 'menu' | 'ranking'>): RankedCandidate[] {
  return (round.menu ?? [])
    .map((id) => round.ranking.find((c) => c.id === id))
    .filter((c): c is RankedCandidate => c !== undefined);
}
