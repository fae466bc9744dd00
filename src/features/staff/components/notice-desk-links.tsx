import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { noticesUrl } from '@/features/notice-desk/entry';
import type { CommunitySummary, Identity } from '@/types/contract';
import './notice-desk-links.scss';

export interface NoticeDeskLinkProps {
  community: string;
  /** The community's name; its id while names load. */
  name: string;
}

/** Staff: a community's weekly notices and activity sign-ups. */
export function NoticeDeskLink({ community, name }: NoticeDeskLinkProps) {
  return (
    <BigButton
      variant="secondary"
      onClick={() => void Taro.navigateTo({ url: noticesUrl(community) })}
      label={`${name} 活动通知`}
    >
      {`${name} 活动通知`}
    </BigButton>
  );
}

export interface NoticeDeskLinksProps {
  identity: Identity;
  /** All communities (admins act on every one; names for the others); null while loading. */
  communities: CommunitySummary[] | null;
}

/** One 活动通知 link per community the staff member works for (every community for admins). */
export function NoticeDeskLinks({ identity, communities }: NoticeDeskLinksProps) {
  if (identity.role === 'resident') return null;
  const ids =
    identity.role === 'admin' ? (communities?.map((c) => c.id) ?? []) : identity.communities;
  if (ids.length === 0) return null;
  const names = new Map((communities ?? []).map((c) => [c.id, c.name]));
  return (
    <View className="bdb-notice-desk-links">
      <Text className="bdb-notice-desk-links__title">活动通知</Text>
      {ids.map((id) => (
        <NoticeDeskLink key={id} community={id} name={names.get(id) ?? id} />
      ))}
    </View>
  );
}
