/** 社区买单: the `report` function. */
import { call } from '@/lib/gateway';
import type {
  EveningReport,
  Overview,
  Poster,
  ReportCsv,
  SetCostsInput,
  Subdistrict,
} from '@/types/contract';

/** What one evening delivered per service, what it cost, and the same evening a week earlier. */
export function getEveningReport(community: string, date: string): Promise<EveningReport> {
  return call('report.evening', { community, date });
}

/** Sets unit costs (yuan per visit served (人次)); answers with all of the community's costs. */
export function setCosts(input: SetCostsInput): Promise<Record<string, number>> {
  return call('report.costs', input);
}

/** 服务汇总 (summary) or 到访明细 (visits) of one evening, as CSV with a BOM. */
export function exportReport(
  community: string,
  date: string,
  kind: 'summary' | 'visits',
): Promise<ReportCsv> {
  return call('report.csv', { community, date, kind });
}

/** Admins: every community's last service evening on or before `date`, side by side. */
export function getOverview(date: string): Promise<Overview> {
  return call('report.overview', { date });
}

/** Admins: 街道汇总, every community's last evening and last 8 weeks as of `date` (default: today). */
export function getSubdistrict(date?: string): Promise<Subdistrict> {
  return call('report.subdistrict', date ? { date } : {});
}

/** Admins: the 街道汇总 as CSV, one row per community and week. */
export function exportSubdistrict(date: string): Promise<ReportCsv> {
  return call('report.subdistrictCsv', { date });
}

/** 本周海报: the community's coming evening, services and this week's activities. */
export function getPoster(community: string): Promise<Poster> {
  return call('report.poster', { community });
}
