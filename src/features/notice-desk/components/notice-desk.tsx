import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import type { NoticeSummary } from '@/types/contract';
import * as moves from '../api/notice-moves';
import type { NoticeDeskState } from '../hooks/use-notice-desk';
import { groupByStatus, STATUS_LABELS } from '../model/notice-text';
import { noticeEditUrl } from '../model/urls';
import { weekRangeText } from '../model/week';
import { saveCsv } from '@/lib/save-csv';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { NoticeActivities } from './notice-activities';
import '@/components/desk-parts/desk-forms.scss';
import './notice-desk.scss';

export interface NoticeDeskProps {
  community: string;
  /** Shown in the title when known. */
  communityName: string | null;
  desk: NoticeDeskState;
}

/** A community's weekly notices for staff: drafts, published and archived, with every move. */
export function NoticeDesk({ community, communityName, desk }: NoticeDeskProps) {
  const act = (action: () => Promise<unknown>, done: string) => desk.run(action, { done });

  // An export changes nothing on the desk: no reload.
  const exportSheet = (notice: NoticeSummary) =>
    desk.run(async () => saveCsv(await moves.exportAttendance(notice.id), { sheet: '签到表' }), {
      done: (said) => said,
      reload: false,
    });

  const handlers: CardHandlers = {
    busy: desk.busy,
    edit: (n) => void Taro.navigateTo({ url: noticeEditUrl(community, n.id) }),
    publish: (n) => void act(() => moves.publish(n.id), `已发布“${n.title}”，居民现在能看到`),
    pin: (n, pinned) =>
      void act(
        () => moves.pin(n.id, pinned),
        pinned ? `已置顶“${n.title}”` : `已取消置顶“${n.title}”`,
      ),
    archive: (n) => void act(() => moves.archive(n.id), `已归档“${n.title}”`),
    exportSheet: (n) => void exportSheet(n),
  };

  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">
        {communityName ? `${communityName} 活动通知` : '活动通知'}
      </Text>
      <BigButton
        onClick={() =>
          void Taro.navigateTo({
            url: noticeEditUrl(community, null, desk.list.data?.thisWeek),
          })
        }
      >
        新建本周通知
      </BigButton>
      <FeedbackLine feedback={desk.feedback} />
      <DeskList desk={desk} handlers={handlers} />
    </View>
  );
}

interface CardHandlers {
  busy: boolean;
  edit: (n: NoticeSummary) => void;
  publish: (n: NoticeSummary) => void;
  pin: (n: NoticeSummary, pinned: boolean) => void;
  archive: (n: NoticeSummary) => void;
  exportSheet: (n: NoticeSummary) => void;
}

function DeskList({ desk, handlers }: { desk: NoticeDeskState; handlers: CardHandlers }) {
  const { data, error } = desk.list;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void desk.list.reload()} />
    ) : (
      <LoadingState text="正在加载通知…" />
    );
  }
  if (data.notices.length === 0) {
    return <EmptyState text="还没有通知，点“新建本周通知”写第一条" />;
  }
  const { thisWeek } = data;
  return (
    <>
      {groupByStatus(data.notices).map((group) => (
        <View key={group.status} className="bdb-desk-page__section">
          <Text className="bdb-desk-page__section-title">
            {`${STATUS_LABELS[group.status]}（${group.notices.length} 条）`}
          </Text>
          {group.status === 'published' ? (
            <Text className="bdb-desk-page__hint">
              置顶的通知排在居民列表最上面；每个社区只能置顶一条
            </Text>
          ) : null}
          {group.notices.map((n) => (
            <NoticeCard key={n.id} notice={n} thisWeek={thisWeek} handlers={handlers} />
          ))}
        </View>
      ))}
    </>
  );
}

interface NoticeCardProps {
  notice: NoticeSummary;
  thisWeek: string;
  handlers: CardHandlers;
}

type Move = { name: string; run: () => void; primary?: boolean };

/** The moves a notice's status allows, in the order shown. */
function movesOf(n: NoticeSummary, h: CardHandlers, ui: CardUi): Move[] {
  const list: Array<Move | false> = [
    n.status !== 'archived' && { name: '编辑', run: () => h.edit(n) },
    n.status === 'draft' && { name: '发布', run: () => h.publish(n), primary: true },
    n.status === 'published' && {
      name: n.pinned ? '取消置顶' : '置顶',
      run: () => h.pin(n, !n.pinned),
    },
    n.status !== 'draft' &&
      n.activityCount > 0 && {
        name: ui.open ? '收起报名情况' : '报名情况',
        run: () => ui.setOpen(!ui.open),
      },
    n.status !== 'draft' && { name: '导出签到表', run: () => h.exportSheet(n) },
    n.status !== 'archived' &&
      !ui.confirming && { name: '归档', run: () => ui.setConfirming(true) },
  ];
  return list.filter((m): m is Move => m !== false);
}

interface CardUi {
  open: boolean;
  setOpen: (open: boolean) => void;
  confirming: boolean;
  setConfirming: (confirming: boolean) => void;
}

/** The status, 置顶 and 已更新 in words (each also has its own colour). */
function Tags({ notice: n }: { notice: NoticeSummary }) {
  const tags: Array<[string, string]> = [[n.status, STATUS_LABELS[n.status]]];
  if (n.pinned) tags.push(['pinned', '置顶']);
  if (n.edited) tags.push(['edited', '已更新']);
  return (
    <View className="bdb-desk-card__tags">
      {tags.map(([kind, text]) => (
        <Text key={kind} className={`bdb-desk-tag bdb-desk-tag--${kind}`}>
          {text}
        </Text>
      ))}
    </View>
  );
}

/** One notice: its tags in words, its week, and the moves its status allows. */
function NoticeCard({ notice: n, thisWeek, handlers: h }: NoticeCardProps) {
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState(false);
  const choices = movesOf(n, h, { open, setOpen, confirming, setConfirming });
  return (
    <View
      className={`bdb-desk-card bdb-notice-desk__card${n.status === 'archived' ? ' bdb-desk-card--dashed' : ''}`}
    >
      <Tags notice={n} />
      <Text className="bdb-desk-card__name">{n.title}</Text>
      <Text className="bdb-desk-page__hint">
        {`${n.week === thisWeek ? '本周 ' : ''}${weekRangeText(n.week)} · ${n.activityCount} 个活动`}
      </Text>
      <View className="bdb-desk-card__actions">
        {choices.map((m) => (
          <BigButton
            key={m.name}
            variant={m.primary ? 'primary' : 'secondary'}
            disabled={h.busy}
            onClick={m.run}
            label={`${n.title} ${m.name}`}
          >
            {m.name}
          </BigButton>
        ))}
      </View>
      {confirming ? (
        <ArchiveConfirm
          title={n.title}
          busy={h.busy}
          onConfirm={() => {
            setConfirming(false);
            h.archive(n);
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {open ? <NoticeActivities id={n.id} /> : null}
    </View>
  );
}

interface ArchiveConfirmProps {
  title: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Archiving cannot be undone from here: said first, then asked. */
function ArchiveConfirm({ title, busy, onConfirm, onCancel }: ArchiveConfirmProps) {
  return (
    <View className="bdb-notice-desk__confirm" {...a11y({ role: 'alert' })}>
      <Text className="bdb-notice-desk__confirm-text">
        {`确定归档“${title}”吗？归档后居民看不到这条通知，活动也不能再报名和签到。`}
      </Text>
      <View className="bdb-desk-card__actions">
        <BigButton disabled={busy} onClick={onConfirm} label={`确定归档 ${title}`}>
          确定归档
        </BigButton>
        <BigButton variant="secondary" onClick={onCancel} label={`不归档 ${title}`}>
          不归档
        </BigButton>
      </View>
    </View>
  );
}
