import { Text, View } from '@tarojs/components';
import type { NoticeStatus } from '@/types/contract';
import './notice-tags.scss';

export interface NoticeTagsProps {
  pinned: boolean;
  edited: boolean;
  status?: NoticeStatus;
}

/** "置顶", "已更新", "已下架": words in a frame, never a colour alone. Nothing when none applies. */
export function NoticeTags({ pinned, edited, status }: NoticeTagsProps) {
  const archived = status === 'archived';
  if (!pinned && !edited && !archived) return null;
  return (
    <View className="bdb-notice-tags">
      {pinned ? (
        <Text className="bdb-notice-tags__tag bdb-notice-tags__tag--pinned">置顶</Text>
      ) : null}
      {edited ? (
        <Text className="bdb-notice-tags__tag bdb-notice-tags__tag--edited">已更新</Text>
      ) : null}
      {archived ? (
        <Text className="bdb-notice-tags__tag bdb-notice-tags__tag--archived">已下架</Text>
      ) : null}
    </View>
  );
}
