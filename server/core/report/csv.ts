/** The evening report's two CSVs: the summary per service, and every visit. */
import { stringify } from 'csv-stringify/sync';
import type { EveningReport, ServiceFigures, Subdistrict } from '../../../contract/report';
import { local } from '../kernel/time';
import type { Visit } from './visits';

const OPTIONS = { bom: true, record_delimiter: 'windows' as const, header: true };
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const num = (n: number | null) => (n === null ? '' : String(n));

export function summaryCsv(report: EveningReport): string {
  const { totals, previous } = report;
  const sum = (pick: (s: ServiceFigures) => number) =>
    report.services.reduce((n, s) => n + pick(s), 0);
  return stringify(
    [
      ...report.services.map((s) => [
        cell(s.name),
        s.visits,
        s.people,
        s.tickets,
        s.bookings,
        s.noShows,
        num(s.waitMedian),
        num(s.waitP90),
        num(s.serviceMedian),
        s.attendance,
        s.satisfaction.satisfied,
        s.satisfaction.mostly,
        s.satisfaction.unsatisfied,
        s.suggestions.received,
        s.suggestions.answered,
        num(s.unitCost),
        num(s.cost),
        num(previous.byService[s.service] ?? null),
      ]),
      // 合计: 人 counts each resident once however many services they used, so it is not the
      // sum of the rows above; the other columns are.
      [
        '合计（人数按居民去重）',
        totals.visits,
        totals.people,
        sum((s) => s.tickets),
        sum((s) => s.bookings),
        sum((s) => s.noShows),
        '',
        '',
        '',
        sum((s) => s.attendance),
        sum((s) => s.satisfaction.satisfied),
        sum((s) => s.satisfaction.mostly),
        sum((s) => s.satisfaction.unsatisfied),
        sum((s) => s.suggestions.received),
        sum((s) => s.suggestions.answered),
        '',
        num(totals.cost),
        previous.visits,
      ],
    ],
    {
      ...OPTIONS,
      columns: [
        '服务',
        '服务人次',
        '服务人数',
        '取号',
        '预约',
        '未到',
        '等候中位数(分)',
        '等候90分位(分)',
        '服务时长中位数(分)',
        '活动到场',
        '满意',
        '基本满意',
        '不满意',
        '建议',
        '已答复',
        '单价(元/人次)',
        '费用(元)',
        '上周服务人次',
      ],
    },
  );
}

export function visitsCsv(visits: Visit[]): string {
  const when = (iso: string | null) => (iso ? local(iso).format('YYYY-MM-DD HH:mm') : '');
  return stringify(
    visits.map((v) => [
      v.kind,
      cell(v.serviceName),
      cell(v.ref),
      cell(v.resident),
      v.status,
      when(v.at),
      when(v.calledAt),
      when(v.closedAt),
      num(v.waitMinutes),
      num(v.serviceMinutes),
    ]),
    {
      ...OPTIONS,
      columns: [
        '类型',
        '服务',
        '号码/时段',
        '居民',
        '状态',
        '取号/预约时间',
        '叫号/签到时间',
        '结束时间',
        '等候(分)',
        '服务(分)',
      ],
    },
  );
}

/** 街道汇总: one row per community and week, oldest week first, for the subdistrict office. */
export function subdistrictCsv(view: Subdistrict): string {
  return stringify(
    view.communities.flatMap((c) =>
      c.weeks.map((w) => [
        cell(c.name),
        w.week,
        w.evenings.join(' '),
        // A cancelled evening served nobody and cost nothing: listed apart, with its reason.
        cell(w.cancelled.map((e) => (e.reason ? `${e.date}（${e.reason}）` : e.date)).join(' ')),
        w.visits,
        w.people,
        num(w.cost),
        w.satisfaction.satisfied,
        w.satisfaction.mostly,
        w.satisfaction.unsatisfied,
        num(w.satisfiedPercent),
        w.openSuggestions,
      ]),
    ),
    {
      ...OPTIONS,
      columns: [
        '社区',
        '周（周一）',
        '服务晚',
        '取消的服务晚',
        '服务人次',
        '服务人数',
        '费用(元)',
        '满意',
        '基本满意',
        '不满意',
        '满意率(%)',
        '未答复建议',
      ],
    },
  );
}
