/** How the 街道汇总 reads: a period's figures in one line, and the 8 weeks added up. */
import type { PeriodFigures, SubdistrictCommunity, SubdistrictWeek } from '@/types/contract';
import { servedText, yuan } from './report-text';

/** "满意率 90%" or "暂无回访" when no first call got an answer. */
export function satisfactionText(f: Pick<PeriodFigures, 'satisfiedPercent'>): string {
  return f.satisfiedPercent === null ? '暂无回访' : `满意率 ${f.satisfiedPercent}%`;
}

/** "22 人次 · 20 人 · 费用 240 元 · 满意率 90% · 未答复建议 2 条". */
export function periodLine(f: PeriodFigures): string {
  const cost = f.cost === null ? '未设单价' : `费用 ${yuan(f.cost)}`;
  return `${servedText(f)} · ${cost} · ${satisfactionText(f)} · 未答复建议 ${f.openSuggestions} 条`;
}

/** The 8 weeks added up: visits and cost summed, satisfaction over all answers. */
export function eightWeeks(c: SubdistrictCommunity): {
  visits: number;
  cost: number | null;
  satisfiedPercent: number | null;
  /** Evenings cancelled on the calendar over the 8 weeks. */
  cancelled: number;
} {
  const visits = c.weeks.reduce((n, w) => n + w.visits, 0);
  const costed = c.weeks.filter((w) => w.cost !== null);
  const cost = costed.length ? Math.round(costed.reduce((n, w) => n + w.cost!, 0) * 10) / 10 : null;
  let good = 0;
  let all = 0;
  for (const { satisfaction: s } of c.weeks) {
    good += s.satisfied + s.mostly;
    all += s.satisfied + s.mostly + s.unsatisfied;
  }
  return {
    visits,
    cost,
    satisfiedPercent: all ? Math.round((good * 100) / all) : null,
    cancelled: c.weeks.reduce((n, w) => n + w.cancelled.length, 0),
  };
}

/** "11/30": a week's Monday, short enough for 8 columns on paper. */
export function weekLabel(monday: string): string {
  const [, month, day] = monday.split('-').map(Number);
  return `${month}/${day}`;
}

/** A week's cell: its visits, or 取消 when its only evenings were cancelled (no one served, no cost). */
export function weekValue(w: SubdistrictWeek): string {
  return w.evenings.length === 0 && w.cancelled.length > 0 ? '取消' : `${w.visits}`;
}
