import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { PrintButton } from '@/components/print-sheet/print-sheet';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { saveCsv } from '@/lib/save-csv';
import { formatDate, monthDay } from '@/lib/shanghai-time';
import type { Subdistrict, SubdistrictCommunity } from '@/types/contract';
import { exportSubdistrict } from '../api/report';
import type { SubdistrictState } from '../hooks/use-subdistrict';
import { yuan } from '../model/report-text';
import {
  eightWeeks,
  periodLine,
  satisfactionText,
  weekLabel,
  weekValue,
} from '../model/subdistrict-text';
import '@/components/desk-parts/desk-forms.scss';
import './subdistrict-view.scss';

export interface SubdistrictViewProps {
  state: SubdistrictState;
  onDate: (date: string) => void;
}

/** 街道汇总 (admins): each community's last evening and 8 weeks, printable on one A4 page. */
export function SubdistrictView({ state, onDate }: SubdistrictViewProps) {
  const [exporting, setExporting] = useState(false);
  const data = state.view.data;

  const exportCsv = async (date: string) => {
    setExporting(true);
    await state.run(async () => saveCsv(await exportSubdistrict(date), { sheet: '街道汇总' }), {
      done: (said) => said,
      reload: false,
    });
    setExporting(false);
  };

  return (
    <View className="bdb-desk-page bdb-print-sheet bdb-subdistrict">
      <Text className="bdb-desk-page__title">街道汇总</Text>
      {data ? (
        <Text className="bdb-subdistrict__subtitle">
          {`截至 ${formatDate(data.date)} · 各社区最近一个服务晚和近 8 周`}
        </Text>
      ) : null}
      {data ? (
        <View className="bdb-no-print bdb-subdistrict__tools">
          <Picker mode="date" value={data.date} onChange={(e) => onDate(String(e.detail.value))}>
            <View className="bdb-desk-form__picker" {...a11y({ label: `汇总日期 ${data.date}` })}>
              {`${formatDate(data.date)}（点这里换一天）`}
            </View>
          </Picker>
          <PrintButton what="街道汇总" />
          <BigButton
            variant="secondary"
            disabled={state.busy}
            onClick={() => void exportCsv(data.date)}
          >
            {exporting ? '正在导出…' : '导出 CSV（每社区每周一行）'}
          </BigButton>
        </View>
      ) : null}
      <FeedbackLine feedback={state.feedback} />
      <SubdistrictBody state={state} />
    </View>
  );
}

function SubdistrictBody({ state }: { state: SubdistrictState }) {
  const { data, error } = state.view;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void state.view.reload()} />
    ) : (
      <LoadingState text="正在加载街道汇总…" />
    );
  }
  if (data.communities.length === 0) return <EmptyState text="还没有社区" />;
  return <CommunityList view={data} />;
}

function CommunityList({ view }: { view: Subdistrict }) {
  return (
    <View className="bdb-subdistrict__list">
      <Text className="bdb-subdistrict__legend">
        {`近 8 周每周服务人次，按周一日期（${weekLabel(view.weeks[0]!)} 起）`}
      </Text>
      {view.communities.map((c) => (
        <CommunityFigures key={c.id} community={c} />
      ))}
    </View>
  );
}

function CommunityFigures({ community: c }: { community: SubdistrictCommunity }) {
  const total = eightWeeks(c);
  const cost = total.cost === null ? '未设单价' : `费用 ${yuan(total.cost)}`;
  const cancelled = total.cancelled ? ` · 取消 ${total.cancelled} 晚` : '';
  return (
    <View className="bdb-subdistrict__community">
      <Text className="bdb-subdistrict__name">{c.name}</Text>
      <Text className="bdb-subdistrict__line">
        {`最近一晚 ${monthDay(c.last.date)}：${periodLine(c.last)}`}
      </Text>
      <View className="bdb-subdistrict__weeks">
        {c.weeks.map((w) => (
          <View key={w.week} className="bdb-subdistrict__week">
            <Text className="bdb-subdistrict__week-label">{weekLabel(w.week)}</Text>
            <Text className="bdb-subdistrict__week-value">{weekValue(w)}</Text>
          </View>
        ))}
      </View>
      <Text className="bdb-subdistrict__line">
        {`近 8 周合计：${total.visits} 人次 · ${cost} · ${satisfactionText(total)}${cancelled}`}
      </Text>
    </View>
  );
}
