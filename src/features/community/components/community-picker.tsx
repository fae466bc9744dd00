import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { useCommunities } from '../api/list-communities';
import './community-picker.scss';

export interface CommunityPickerProps {
  /** The community shown before, marked in the list; null on first use. */
  current: string | null;
  /** The remembered community is gone (withdrawn or renamed): said calmly above the list. */
  lost?: boolean;
  onPick: (community: string) => void;
  /** Back to the current community without changing it; absent on first use. */
  onCancel?: () => void;
}

export function CommunityPicker({ current, lost = false, onPick, onCancel }: CommunityPickerProps) {
  const communities = useCommunities();
  const list = communities.data;

  let body;
  if (list) {
    body =
      list.length === 0 ? (
        <EmptyState text="暂时还没有开通的社区" />
      ) : (
        <View className="bdb-community-picker__list">
          {list.map((c) => (
            <BigButton
              key={c.id}
              variant={c.id === current ? 'primary' : 'secondary'}
              onClick={() => onPick(c.id)}
            >
              {c.id === current ? `✓ ${c.name}（当前）` : c.name}
            </BigButton>
          ))}
        </View>
      );
  } else if (communities.error) {
    body = (
      <ErrorState
        message={errorMessage(communities.error)}
        onRetry={() => void communities.reload()}
      />
    );
  } else {
    body = <LoadingState text="正在加载社区列表…" />;
  }

  return (
    <View className="bdb-community-picker">
      <Text className="bdb-community-picker__title">请选择您的社区</Text>
      {lost ? (
        <Text className="bdb-community-picker__note" {...a11y({ role: 'status' })}>
          之前选过的社区现在找不到了，请在下面重新选择
        </Text>
      ) : null}
      {body}
      {onCancel ? (
        <BigButton variant="quiet" onClick={onCancel}>
          返回
        </BigButton>
      ) : null}
    </View>
  );
}
