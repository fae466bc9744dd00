import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, type ReactNode } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { getTonight } from '@/features/community';
import { useRemote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import type { CommunitySummary, Identity, Tonight } from '@/types/contract';
import './queue-desk-links.scss';

export const QUEUE_DESK_PAGE = '/package-staff/pages/queue-desk/index';

export interface QueueDeskLinksProps {
  identity: Identity;
  /** All communities (admins act on every one); null while loading. */
  communities: CommunitySummary[] | null;
  /** More desks per community after its walk-in desks (other features', e.g. 预约管理). */
  renderExtra?: (tonight: Tonight) => ReactNode;
  /** The section title; "叫号台" unless other desks are listed too. */
  title?: string;
}

export function queueDeskUrl(community: string, queue: string): string {
  return `${QUEUE_DESK_PAGE}?c=${encodeURIComponent(community)}&q=${encodeURIComponent(queue)}`;
}

/** Staff and admins: one link per walk-in line of the communities they work for. */
export function QueueDeskLinks({
  identity,
  communities,
  renderExtra,
  title = '叫号台',
}: QueueDeskLinksProps) {
  const ids =
    identity.role === 'admin' ? (communities?.map((c) => c.id) ?? null) : identity.communities;
  const key = ids && ids.length > 0 ? ids.join(',') : null;
  const load = useCallback(
    (joined: string): Promise<Tonight[]> => Promise.all(joined.split(',').map(getTonight)),
    [],
  );
  const tonights = useRemote(key, load);

  let body;
  if (ids !== null && ids.length === 0) {
    body = <Text className="bdb-queue-desk-links__empty">还没有负责的社区</Text>;
  } else if (tonights.data) {
    body = tonights.data.map((t) => (
      <View key={t.community.id} className="bdb-queue-desk-links__community">
        <Text className="bdb-queue-desk-links__name">{t.community.name}</Text>
        {t.services
          .filter((s) => s.kind === 'queue')
          .map((s) => (
            <BigButton
              key={s.id}
              variant="secondary"
              onClick={() => void Taro.navigateTo({ url: queueDeskUrl(t.community.id, s.id) })}
              label={`${t.community.name} ${s.name}叫号台`}
            >
              {`${s.name}叫号台`}
            </BigButton>
          ))}
        {renderExtra?.(t)}
      </View>
    ));
  } else if (tonights.error) {
    body = (
      <ErrorState message={errorMessage(tonights.error)} onRetry={() => void tonights.reload()} />
    );
  } else {
    body = <LoadingState text="正在加载叫号台…" />;
  }

  return (
    <View className="bdb-queue-desk-links">
      <Text className="bdb-queue-desk-links__title">{title}</Text>
      {body}
    </View>
  );
}
