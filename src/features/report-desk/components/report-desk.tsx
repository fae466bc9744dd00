import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { formatDate, monthDay } from '@/lib/shanghai-time';
import type { EveningReport, SetCostsInput } from '@/types/contract';
import { exportReport, setCosts } from '../api/report';
import type { ReportState } from '../hooks/use-report';
import { maxOf } from '@/components/bar/bars';
import { servedText, totalCostText, trendLine } from '../model/report-text';
import { saveCsv } from '@/lib/save-csv';
import { CostsPanel } from './costs-panel';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { Bar } from '@/components/bar/bar';
import { OverviewSection } from './overview-section';
import { ServiceFiguresCard } from './service-figures';
import '@/components/desk-parts/desk-forms.scss';
import './report-desk.scss';

export interface ReportDeskProps {
  community: string;
  communityName: string | null;
  /** The evening shown, "YYYY-MM-DD" (null while the default is worked out). */
  date: string | null;
  onDate: (date: string) => void;
  state: ReportState;
}

type CsvKind = 'summary' | 'visits';

/** 晚间报表: what one evening delivered per service, last week beside it, costs and exports. */
export function ReportDesk({ community, communityName, date, onDate, state }: ReportDeskProps) {
  const [exporting, setExporting] = useState<CsvKind | null>(null);

  const saveCosts = (input: SetCostsInput) =>
    state.run(() => setCosts(input), {
      done: `已保存 ${Object.keys(input.costs).length} 项单价，费用已重新计算`,
      scrollTop: true,
    });

  const exportCsv = async (kind: CsvKind) => {
    if (!date) return;
    setExporting(kind);
    await state.run(
      async () => saveCsv(await exportReport(community, date, kind), { sheet: '报表' }),
      { done: (said) => said, reload: false },
    );
    setExporting(null);
  };

  const report = state.report.data;
  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">
        {communityName ? `${communityName} 晚间报表` : '晚间报表'}
      </Text>
      {date ? (
        <Picker mode="date" value={date} onChange={(e) => onDate(String(e.detail.value))}>
          <View className="bdb-desk-form__picker" {...a11y({ label: `报表日期 ${date}` })}>
            {`${formatDate(date)}（点这里换一天）`}
          </View>
        </Picker>
      ) : null}
      <FeedbackLine feedback={state.feedback} />
      {/* What the report brings, in a View of its own: when it arrives, only this View's children
      are sent to the view layer, not the title and date picker again (issue #15). */}
      <View className="bdb-report-desk__body">
        <ReportBody state={state} />
        {report ? (
          <>
            <CostsPanel
              community={community}
              services={report.services}
              busy={state.busy}
              onSave={saveCosts}
            />
            <View className="bdb-desk-section">
              <Text className="bdb-desk-section__title">导出</Text>
              <View className="bdb-desk-form__row">
                <BigButton
                  variant="secondary"
                  disabled={state.busy}
                  onClick={() => void exportCsv('summary')}
                >
                  {exporting === 'summary' ? '正在导出…' : '导出汇总 CSV'}
                </BigButton>
                <BigButton
                  variant="secondary"
                  disabled={state.busy}
                  onClick={() => void exportCsv('visits')}
                >
                  {exporting === 'visits' ? '正在导出…' : '导出明细 CSV'}
                </BigButton>
              </View>
            </View>
          </>
        ) : null}
        {state.admin ? <OverviewSection overview={state.overview} /> : null}
      </View>
    </View>
  );
}

function ReportBody({ state }: { state: ReportState }) {
  const { data, error } = state.report;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void state.report.reload()} />
    ) : (
      <LoadingState text="正在加载报表…" />
    );
  }
  return <ReportFigures report={data} />;
}

function ReportFigures({ report }: { report: EveningReport }) {
  const { totals, previous } = report;
  const max = maxOf([
    ...report.services.map((s) => s.visits),
    ...Object.values(previous.byService),
  ]);
  return (
    <>
      <View className="bdb-desk-section">
        <Text className="bdb-desk-section__title">这一晚合计</Text>
        <View className="bdb-desk-figures" {...a11y({ role: 'status', live: 'polite' })}>
          <View className="bdb-desk-figures__item">
            <Text className="bdb-desk-figures__name">服务人次</Text>
            <Text className="bdb-desk-figures__value">{`${totals.visits} 人次`}</Text>
          </View>
          <View className="bdb-desk-figures__item">
            <Text className="bdb-desk-figures__name">服务居民</Text>
            <Text className="bdb-desk-figures__value">{`${totals.people} 人`}</Text>
          </View>
          <View className="bdb-desk-figures__item">
            <Text className="bdb-desk-figures__name">费用</Text>
            <Text className="bdb-desk-figures__value">{totalCostText(totals.cost)}</Text>
          </View>
        </View>
        <Text className="bdb-desk-section__hint">
          人次：每办完一项服务算一次；人：同一位居民当晚用了几项服务也只算一人
        </Text>
        <Bar
          name={`本周 ${monthDay(report.date)}`}
          value={totals.visits}
          max={Math.max(totals.visits, previous.visits)}
          text={servedText(totals)}
        />
        <Bar
          name={`上周 ${monthDay(previous.date)}`}
          value={previous.visits}
          max={Math.max(totals.visits, previous.visits)}
          text={servedText(previous)}
          tone="past"
        />
        <Text className="bdb-report-desk__trend">{trendLine(totals.visits, previous.visits)}</Text>
      </View>
      <View className="bdb-desk-section">
        <Text className="bdb-desk-section__title">各项服务</Text>
        {report.services.map((s) => (
          <ServiceFiguresCard key={s.service} report={report} figures={s} max={max} />
        ))}
      </View>
    </>
  );
}
