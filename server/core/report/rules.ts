/** The evening report's rules (社区买单): counting, statistics, the last evening, unit costs. Pure. */
import type { ServedCount } from '../../../contract/report';
import { AppError } from '../errors';
import { ACTIVITY_RULE } from '../followup/service';
import { addDays } from '../kernel/week';
import type { CommunityRecord } from '../ports';
import { LOOKAHEAD_DAYS, openEveningOn, type Schedule } from '../kernel/schedule';
import type { Visit } from './visits';

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return round1(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

/** Nearest-rank 90th percentile: the value 90% of residents did not exceed. */
export function p90(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return round1(s[Math.ceil(0.9 * s.length) - 1]!);
}

/** Visits served (人次) and the distinct residents among them (人). */
export function countServed(visits: Visit[]): ServedCount {
  const served = visits.filter((v) => v.served);
  return { visits: served.length, people: new Set(served.map((v) => v.person)).size };
}

/**
 * The community's most recent service evening on or before `date` on its calendar: a cancelled
 * evening is skipped (nobody was served), an extra one counts.
 */
export function lastEvening(calendar: Schedule, date: string): string {
  for (let back = 0; back < LOOKAHEAD_DAYS; back += 1) {
    const d = addDays(date, -back);
    if (openEveningOn(calendar, d)) return d;
  }
  return date;
}

/**
 * Unit costs staff set: only for the community's services and activities, merged over the ones
 * saved before (a service left out keeps its cost).
 */
export function mergedCosts(
  community: CommunityRecord,
  saved: Record<string, number> | null,
  costs: Record<string, number>,
): Record<string, number> {
  const known = new Set([...community.services.map((s) => s.id), ACTIVITY_RULE]);
  const unknown = Object.keys(costs).find((k) => !known.has(k));
  if (unknown) throw new AppError('BAD_INPUT', `没有“${unknown}”这项服务`, 'costs');
  return { ...(saved ?? {}), ...costs };
}
