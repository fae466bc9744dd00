import { Text, View } from '@tarojs/components';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { PrintButton } from '@/components/print-sheet/print-sheet';
import type { Remote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import { formatDate } from '@/lib/shanghai-time';
import type { Poster } from '@/types/contract';
import { KIND_TAGS } from '../model/report-text';
import { PosterQr } from './poster-qr';
import './poster-view.scss';

/** 打印本周海报: the page staff print for the notice board, with loading and error states. */
export function PosterView({ poster }: { poster: Remote<Poster> }) {
  const { data, error } = poster;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void poster.reload()} />
    ) : (
      <LoadingState text="正在准备本周海报…" />
    );
  }
  return (
    <View className="bdb-poster-page">
      <PrintButton what="本周海报" />
      <PosterSheet poster={data} />
    </View>
  );
}

/** One A4 sheet in big type: who, when, what, this week's activities and the QR code. */
function PosterSheet({ poster }: { poster: Poster }) {
  const { community, evening } = poster;
  const activities = poster.notices.flatMap((n) => n.activities);
  return (
    <View className="bdb-print-sheet bdb-poster">
      <Text className="bdb-poster__title">{`八点伴 · ${community.name}`}</Text>
      <Text className="bdb-poster__when">
        {evening
          ? `本周服务晚：${formatDate(evening.date)} ${evening.opensAt}–${evening.closesAt}`
          : '暂未安排服务晚'}
      </Text>
      <Text className="bdb-poster__line">{`${poster.hours}，社区为您多留一盏灯`}</Text>
      <Text className="bdb-poster__heading">服务项目</Text>
      {poster.services.length === 0 ? (
        <EmptyState text="还没有服务项目" />
      ) : (
        poster.services.map((s) => (
          <Text key={s.id} className="bdb-poster__item">
            {`■ ${s.name}（${KIND_TAGS[s.kind]}）${s.description ? `：${s.description}` : ''}`}
          </Text>
        ))
      )}
      <Text className="bdb-poster__heading">本周活动</Text>
      {activities.length === 0 ? (
        <Text className="bdb-poster__line">本周没有发布活动</Text>
      ) : (
        activities.map((a) => (
          <Text key={`${a.date}-${a.startsAt}-${a.name}`} className="bdb-poster__item">
            {`● ${formatDate(a.date)} ${a.startsAt}–${a.endsAt} ${a.name}${a.place ? ` · ${a.place}` : ''}`}
          </Text>
        ))
      )}
      <PosterQr community={community.id} name={community.name} url={poster.tonightUrl} />
      {community.contactPhone ? (
        <Text className="bdb-poster__line">{`咨询电话：${community.contactPhone}`}</Text>
      ) : null}
    </View>
  );
}
