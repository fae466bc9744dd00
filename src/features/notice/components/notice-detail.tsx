import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { EmptyState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import { signUpLimitText } from '@/lib/resident-limits';
import { formatDayTime } from '@/lib/shanghai-time';
import type { Activity, Notice } from '@/types/contract';
import { isActive, weekText } from '../model/notice-text';
import { ActivityCard } from './activity-card';
import { NameField } from './name-field';
import { NoticeTags } from './notice-tags';
import './notice-detail.scss';

export interface NoticeDetailProps {
  notice: Notice;
  onChanged: (activity: Activity) => void;
  onFailed: () => void;
}

const CLOSED_WORDS: Partial<Record<Notice['status'], string>> = {
  archived: '这条通知已下架，活动不再报名',
  draft: '这是草稿，居民还看不到',
};

/** Is there an activity the resident can still sign up for (the name field belongs to that)? */
const canSignUp = (notice: Notice) =>
  notice.activities.some((a) => a.signUp && !isActive(a.mine) && !a.mine?.attendedAt);

/**
 * A notice as residents read it: tags, title, cover, the body as plain text (line breaks kept,
 * nothing interpreted as HTML) and the activities with sign-up and check-in; the limit of open
 * sign-ups per resident is said before the first 报名 (its refusal repeats it).
 */
export function NoticeDetail({ notice, onChanged, onFailed }: NoticeDetailProps) {
  const [name, setName] = useState('');
  const closedWords = CLOSED_WORDS[notice.status] ?? null;
  return (
    <View className="bdb-notice-detail">
      <View className="bdb-notice-detail__tags">
        <NoticeTags pinned={notice.pinned} edited={notice.editedAt !== null} />
        {notice.editedAt ? (
          <Text className="bdb-notice-detail__muted">{`更新于 ${formatDayTime(notice.editedAt)}`}</Text>
        ) : null}
      </View>
      <Text className="bdb-notice-detail__muted">{`活动周：${weekText(notice.week)}`}</Text>
      <Text className="bdb-notice-detail__title">{notice.title}</Text>
      {notice.cover ? (
        <Image
          className="bdb-notice-detail__cover"
          src={notice.cover}
          mode="widthFix"
          {...a11y({ label: `${notice.title} 配图` })}
        />
      ) : null}
      {notice.body ? (
        <Text className="bdb-notice-detail__body" userSelect>
          {notice.body}
        </Text>
      ) : null}
      {closedWords ? <Text className="bdb-notice-detail__closed">{closedWords}</Text> : null}
      <Text className="bdb-notice-detail__section">{`活动安排（${notice.activities.length} 项）`}</Text>
      {!closedWords && canSignUp(notice) ? (
        <>
          <Text className="bdb-notice-detail__rule">{signUpLimitText(notice.openSignUps)}</Text>
          <NameField value={name} onChange={setName} />
        </>
      ) : null}
      {notice.activities.length > 0 ? (
        notice.activities.map((a) => (
          <ActivityCard
            key={a.id}
            activity={a}
            name={name}
            closed={closedWords !== null}
            onChanged={onChanged}
            onFailed={onFailed}
          />
        ))
      ) : (
        <EmptyState text="这条通知没有安排需要报名的活动" />
      )}
    </View>
  );
}
