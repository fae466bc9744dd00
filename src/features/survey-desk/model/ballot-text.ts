/** 选票核查: how a ballot and the review read to staff. */
import { formatClock, monthDay, shanghaiDate } from '@/lib/shanghai-time';
import type { BallotReview, BallotView } from '@/types/contract';

export const BALLOT_KIND_LABELS: Record<BallotView['kind'], string> = {
  wechat: '微信',
  browser: '浏览器',
  paper: '纸质票',
};

/** "12月2日 19:05 · 浏览器 · 图书阅览、政务服务". */
export function ballotLine(b: BallotView): string {
  const day = monthDay(shanghaiDate(b.at));
  return `${day} ${formatClock(b.at)} · ${BALLOT_KIND_LABELS[b.kind]} · ${b.choices.join('、')}`;
}

/** "计入 18 张 · 已作废 2 张 · 可疑 6 张". */
export function reviewSummary(r: BallotReview): string {
  const parts = [`计入 ${r.counted} 张`];
  if (r.voided > 0) parts.push(`已作废 ${r.voided} 张`);
  parts.push(r.flagged > 0 ? `可疑 ${r.flagged} 张` : '没有可疑选票');
  return parts.join(' · ');
}

/** What staff act on: flagged or voided ballots; the others only counted. */
export const ballotsToReview = (r: BallotReview) => r.ballots.filter((b) => b.burst || b.voided);
