import { Image, Text, View } from '@tarojs/components';
import { a11y, keyActivation } from '@/lib/a11y';
import type { NoticeSummary } from '@/types/contract';
import { tonightLine } from '../model/summary-text';
import { NoticeTags } from './notice-tags';
import './notice-card.scss';

export interface NoticeCardProps {
  notice: NoticeSummary;
  /** The week in words ("本周 · 11月30日–12月6日"); the tonight page leaves it out. */
  weekLabel?: string;
  onOpen: (notice: NoticeSummary) => void;
}

/**
 * One notice to choose from: tags, title, a small cover, tonight's activities (time · name ·
 * place) and how many there are in all. The whole card opens the notice.
 */
export function NoticeCard({ notice, weekLabel, onOpen }: NoticeCardProps) {
  return (
    <View
      className={`bdb-notice-card${notice.pinned ? ' bdb-notice-card--pinned' : ''}`}
      onClick={() => onOpen(notice)}
      {...a11y({ role: 'link' })}
      {...keyActivation(() => onOpen(notice))}
    >
      <NoticeTags pinned={notice.pinned} edited={notice.edited} status={notice.status} />
      {weekLabel ? <Text className="bdb-notice-card__week">{weekLabel}</Text> : null}
      <View className="bdb-notice-card__main">
        {notice.cover ? (
          <Image
            className="bdb-notice-card__cover"
            src={notice.cover}
            mode="aspectFill"
            {...a11y({ hidden: true })}
          />
        ) : null}
        <Text className="bdb-notice-card__title">{notice.title}</Text>
      </View>
      {notice.tonight.length > 0 ? (
        <View className="bdb-notice-card__tonight">
          <Text className="bdb-notice-card__caption">今晚</Text>
          {notice.tonight.map((a) => (
            <Text key={a.id} className="bdb-notice-card__activity">
              {tonightLine(a)}
            </Text>
          ))}
        </View>
      ) : null}
      <Text className="bdb-notice-card__more">
        {`共 ${notice.activityCount} 项活动 · 查看详情 ›`}
      </Text>
    </View>
  );
}
