import { Text, View } from '@tarojs/components';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import type { Remote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import type { Overview } from '@/types/contract';
import { maxOf } from '@/components/bar/bars';
import { monthDay } from '@/lib/shanghai-time';
import { servedText, yuan } from '../model/report-text';
import { Bar } from '@/components/bar/bar';
import '@/components/desk-parts/desk-forms.scss';

/** 各社区对比 (admins): each community's last service evening, visits, people and cost, as bars. */
export function OverviewSection({ overview }: { overview: Remote<Overview> }) {
  const { data, error } = overview;
  let body;
  if (data) {
    const max = maxOf(data.communities.map((c) => c.visits));
    body = data.communities.map((c) => (
      <Bar
        key={c.id}
        name={`${c.name}（${monthDay(c.date)}）`}
        value={c.visits}
        max={max}
        text={`${servedText(c)} · ${c.cost === null ? '未设单价' : yuan(c.cost)}`}
      />
    ));
  } else if (error) {
    body = <ErrorState message={errorMessage(error)} onRetry={() => void overview.reload()} />;
  } else {
    body = <LoadingState text="正在加载各社区对比…" />;
  }
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">各社区对比</Text>
      <Text className="bdb-desk-section__hint">
        每个社区取这天或之前最近的一个服务晚：服务人次、居民人数和费用
      </Text>
      {body}
    </View>
  );
}
