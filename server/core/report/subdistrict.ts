/**
 * 街道汇总 (admins): every community's last evening and its last 8 weeks, computed from records
 * loaded beforehand (loadSubdistrict in service.ts reads them). Pure.
 */
import type { CancelledEvening } from '../../../contract/community';
import type {
  PeriodFigures,
  SatisfactionCount,
  Subdistrict,
  SubdistrictCommunity,
} from '../../../contract/report';
import { eveningsBetween, type Schedule } from '../kernel/schedule';
import { addDays, mondayOf } from '../kernel/week';
import { local } from '../kernel/time';
import type { FollowUpRecord, SuggestionRecord } from '../ports';
import { countServed, round1 } from './rules';
import type { Visit } from './visits';

/** The weeks the view covers: two months, enough to see a trend, few enough to print on one page. */
export const SUBDISTRICT_WEEKS = 8;

/** One service evening's records: its visits and its follow-up tasks. */
export interface LoadedEvening {
  date: string;
  visits: Visit[];
  followUps: FollowUpRecord[];
}

/** One community's records for the view. */
export interface LoadedCommunity {
  id: string;
  name: string;
  costs: Record<string, number> | null;
  /** Its most recent service evening on or before the day (rules.ts lastEvening). */
  lastDate: string;
  /** Every service evening of the weeks (subdistrictDates), in any order. */
  evenings: LoadedEvening[];
  /** The evenings of the weeks cancelled on its calendar (subdistrictDates). */
  cancelled: CancelledEvening[];
  suggestions: SuggestionRecord[];
}

/** The Mondays of the weeks the view covers, oldest first, the last one the week of `day`. */
export function subdistrictWeeks(day: string): string[] {
  const monday = mondayOf(day);
  return Array.from({ length: SUBDISTRICT_WEEKS }, (_, i) =>
    addDays(monday, -7 * (SUBDISTRICT_WEEKS - 1 - i)),
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The community's evenings in the weeks the view covers, up to `day` (not after it), on its
 * calendar: weekly and extra evenings held, and the cancelled ones apart (nobody was served).
 */
export function subdistrictDates(
  calendar: Schedule,
  day: string,
): { evenings: string[]; cancelled: CancelledEvening[] } {
  const first = subdistrictWeeks(day)[0]!;
  const days = Math.round((Date.parse(day) - Date.parse(first)) / DAY_MS) + 1;
  const evenings: string[] = [];
  const cancelled: CancelledEvening[] = [];
  for (const { date, evening } of eveningsBetween(calendar, first, days)) {
    if (evening.kind === 'cancelled') cancelled.push({ date, reason: evening.reason });
    else evenings.push(date);
  }
  return { evenings, cancelled };
}

const dateOf = (iso: string) => local(iso).format('YYYY-MM-DD');

/** Suggestions received by the end of `date` and not answered by then; merged ones are answered elsewhere. */
export function openSuggestionsAt(suggestions: SuggestionRecord[], date: string): number {
  return suggestions.filter(
    (s) =>
      s.status !== 'merged' &&
      dateOf(s.createdAt) <= date &&
      !(s.answeredAt !== null && dateOf(s.answeredAt) <= date),
  ).length;
}

/** First calls that got an answer: one answer per resident and evening. */
function satisfactionOf(evenings: LoadedEvening[]): SatisfactionCount {
  const count: SatisfactionCount = { satisfied: 0, mostly: 0, unsatisfied: 0 };
  for (const t of evenings.flatMap((e) => e.followUps)) {
    if (t.kind === 'first' && t.result) count[t.result.satisfaction] += 1;
  }
  return count;
}

/** Served visits at the community's unit costs; null when no unit cost is set (as the evening report). */
function costOf(visits: Visit[], costs: Record<string, number> | null): number | null {
  if (!costs || Object.keys(costs).length === 0) return null;
  return round1(visits.filter((v) => v.served).reduce((n, v) => n + (costs[v.service] ?? 0), 0));
}

/** What some evenings delivered, with the suggestions still open at the end of `end`. */
export function periodFigures(
  evenings: LoadedEvening[],
  c: Pick<LoadedCommunity, 'costs' | 'suggestions'>,
  end: string,
): PeriodFigures {
  const visits = evenings.flatMap((e) => e.visits);
  const satisfaction = satisfactionOf(evenings);
  const answers = satisfaction.satisfied + satisfaction.mostly + satisfaction.unsatisfied;
  return {
    // People are counted once over the period: a resident who came twice in a week is one person.
    ...countServed(visits),
    cost: costOf(visits, c.costs),
    satisfaction,
    satisfiedPercent: answers
      ? Math.round(((satisfaction.satisfied + satisfaction.mostly) * 100) / answers)
      : null,
    openSuggestions: openSuggestionsAt(c.suggestions, end),
  };
}

function communityFigures(c: LoadedCommunity, day: string, weeks: string[]): SubdistrictCommunity {
  const last = c.evenings.filter((e) => e.date === c.lastDate);
  return {
    id: c.id,
    name: c.name,
    last: { date: c.lastDate, ...periodFigures(last, c, c.lastDate) },
    weeks: weeks.map((week) => {
      const sunday = addDays(week, 6);
      const inWeek = (date: string) => date >= week && date <= sunday && date <= day;
      const byDate = (a: { date: string }, b: { date: string }) => a.date.localeCompare(b.date);
      const mine = c.evenings.filter((e) => inWeek(e.date)).sort(byDate);
      const cancelled = c.cancelled.filter((e) => inWeek(e.date)).sort(byDate);
      // The current week ends today: its open suggestions are those open now.
      const end = sunday < day ? sunday : day;
      return {
        week,
        evenings: mine.map((e) => e.date),
        cancelled,
        ...periodFigures(mine, c, end),
      };
    }),
  };
}

/** The view for `day`: per community its last evening and the 8 weeks up to the week of `day`. */
export function subdistrictOf(day: string, communities: LoadedCommunity[]): Subdistrict {
  const weeks = subdistrictWeeks(day);
  return {
    date: day,
    weeks,
    communities: communities.map((c) => communityFigures(c, day, weeks)),
  };
}
