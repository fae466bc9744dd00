/** How the evening report reads: trends, waits, satisfaction, suggestions and cost, in words. */
import type { EveningReport, ServiceFigures } from '@/types/contract';

export const KIND_TAGS: Record<ServiceFigures['kind'], string> = {
  queue: '取号',
  booking: '预约',
  'drop-in': '直接来',
  activity: '活动',
};

export interface Trend {
  arrow: '↑' | '↓' | '→';
  /** "比上周多 5 人次", "比上周少 3 人次", "与上周持平". */
  text: string;
}

/** Trends compare visits (人次): what each evening delivered. */
export function trendOf(now: number, before: number): Trend {
  if (now > before) return { arrow: '↑', text: `比上周多 ${now - before} 人次` };
  if (now < before) return { arrow: '↓', text: `比上周少 ${before - now} 人次` };
  return { arrow: '→', text: '与上周持平' };
}

/** "↑ 比上周多 5 人次": where last week's number is shown next to it. */
export function trendText(now: number, before: number): string {
  const t = trendOf(now, before);
  return `${t.arrow} ${t.text}`;
}

/** "↑ 比上周多 5 人次（上周 7 人次）". */
export function trendLine(now: number, before: number): string {
  const t = trendOf(now, before);
  return `${t.arrow} ${t.text}（上周 ${before} 人次）`;
}

/** "22 人次 · 20 人": visits and the distinct residents among them. */
export function servedText(n: { visits: number; people: number }): string {
  return `${n.visits} 人次 · ${n.people} 人`;
}

/** Last week's visits (人次) of one service (0 when it did not run then). */
export function previousServed(report: EveningReport, service: string): number {
  return report.previous.byService[service] ?? 0;
}

/** Yuan with at most one decimal, as the server rounds: "240 元", "12.5 元". */
export function yuan(amount: number): string {
  return `${Math.round(amount * 10) / 10} 元`;
}

/** What each service did, in the words that fit its kind. */
export function countsText(s: ServiceFigures): string {
  const parts = [`服务 ${s.visits} 人次（${s.people} 人）`];
  if (s.tickets > 0 || s.kind === 'queue') parts.push(`取号 ${s.tickets}`);
  if (s.bookings > 0 || s.kind === 'booking') parts.push(`预约 ${s.bookings}`);
  if (s.noShows > 0 || s.kind === 'queue' || s.kind === 'booking') parts.push(`未到 ${s.noShows}`);
  if (s.kind === 'activity') parts.push(`活动到场 ${s.attendance}`);
  return parts.join(' · ');
}

/** Waits and time at the desk, or null when there is nothing measured (not a queue). */
export function waitText(s: ServiceFigures): string | null {
  if (s.waitMedian === null && s.serviceMedian === null) {
    return s.kind === 'queue' ? '等候：暂无数据' : null;
  }
  const parts: string[] = [];
  if (s.waitMedian !== null) {
    const p90 = s.waitP90 === null ? '' : `，九成不超过 ${s.waitP90} 分钟`;
    parts.push(`等候：一半的人不超过 ${s.waitMedian} 分钟${p90}`);
  }
  if (s.serviceMedian !== null) parts.push(`办理一般 ${s.serviceMedian} 分钟`);
  return parts.join('；');
}

export function satisfactionText(s: ServiceFigures): string {
  const { satisfied, mostly, unsatisfied } = s.satisfaction;
  if (satisfied + mostly + unsatisfied === 0) return '回访满意度：还没有回访结果';
  return `回访满意度：满意 ${satisfied} · 基本满意 ${mostly} · 不满意 ${unsatisfied}`;
}

export function suggestionsText(s: ServiceFigures): string {
  return `当晚建议：收到 ${s.suggestions.received} 条，已答复 ${s.suggestions.answered} 条`;
}

export function costText(s: ServiceFigures): string {
  if (s.unitCost === null || s.cost === null) return '费用：还没有设置单价';
  return `费用：单价 ${yuan(s.unitCost)} × ${s.visits} 人次 = ${yuan(s.cost)}`;
}

export function totalCostText(cost: number | null): string {
  return cost === null ? '费用合计：还没有设置单价' : `费用合计 ${yuan(cost)}`;
}

/** The card's tags: the kind, and 志愿服务 when volunteers served it. */
export function tagsText(s: ServiceFigures): string {
  return s.servedBy ? `${KIND_TAGS[s.kind]} · 志愿服务` : KIND_TAGS[s.kind];
}

/**
 * A service card's figures in words, one line each: who served, what it did, waits (when
 * measured), satisfaction, suggestions and cost. The card shows them as one text with line
 * breaks: one node instead of one a line, for nine cards in one first render (issue #15).
 */
export function figureLines(s: ServiceFigures): string[] {
  const wait = waitText(s);
  return [
    ...(s.servedBy ? [`志愿者：${s.servedBy}`] : []),
    countsText(s),
    ...(wait ? [wait] : []),
    satisfactionText(s),
    suggestionsText(s),
    costText(s),
  ];
}
