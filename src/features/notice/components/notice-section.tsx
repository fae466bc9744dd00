import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import type { NoticeSummary, Tonight } from '@/types/contract';
import { noticeDetailUrl, noticeListUrl } from '../model/urls';
import { NoticeCard } from './notice-card';
import './notice-section.scss';

export interface NoticeSectionProps {
  /**
   * The tonight call's answer (null while it loads: nothing shown). Its notices are this week's
   * published ones; nothing else is loaded for the section.
   */
  tonight: Pick<Tonight, 'community' | 'notices'> | null;
}

const openNotice = (notice: NoticeSummary) =>
  void Taro.navigateTo({ url: noticeDetailUrl(notice.id) });

/** "本周活动" on the tonight page: the pinned notice first, each with tonight's activities. */
export function NoticeSection({ tonight }: NoticeSectionProps) {
  if (!tonight) return null;
  const community = tonight.community.id;
  // The server sends the pinned notice first; kept so whatever the order (stable sort). A host
  // not yet updated answers without notices: the section then just says there are none.
  const sorted = [...(tonight.notices ?? [])].sort((a, b) => Number(b.pinned) - Number(a.pinned));
  return (
    <View className="bdb-notice-section">
      <View className="bdb-notice-section__head">
        <Text className="bdb-notice-section__title">
          {sorted.length > 0 ? `本周活动（${sorted.length} 条通知）` : '本周活动'}
        </Text>
        <BigButton
          variant="secondary"
          onClick={() => void Taro.navigateTo({ url: noticeListUrl(community) })}
        >
          全部通知
        </BigButton>
      </View>
      {sorted.length > 0 ? (
        sorted.map((n) => <NoticeCard key={n.id} notice={n} onOpen={openNotice} />)
      ) : (
        <Text className="bdb-notice-section__empty">本周还没有发布活动通知</Text>
      )}
    </View>
  );
}
