import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import {
  MyActivityList,
  NoticeCard,
  noticeDetailUrl,
  NoticeTabs,
  useMySignUps,
  useNoticeList,
  weekText,
  type NoticeTab,
} from '@/features/notice';
import type { Remote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import { shanghaiDate } from '@/lib/shanghai-time';
import { readString, STORAGE_KEYS } from '@/lib/storage';
import type { MyActivity, NoticeList, NoticeSummary } from '@/types/contract';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

const openNotice = (id: string) => void Taro.navigateTo({ url: noticeDetailUrl(id) });

/**
 * All notices of a community: this week and next, the past ones, and my sign-ups.
 * `?c=<community>` (else the community remembered by the tonight page); `?tab=mine` opens 我的报名.
 */
export default function NoticeListPage() {
  const { params } = useRouter();
  const community = useMemo(
    () => parseLaunchParams(params).community ?? readString(STORAGE_KEYS.community),
    [params],
  );
  const mode = useElderMode();
  const [tab, setTab] = useState<NoticeTab>(params.tab === 'mine' ? 'mine' : 'current');
  // Only the chosen tab loads.
  const current = useNoticeList(tab === 'current' ? community : null, false);
  const past = useNoticeList(tab === 'past' ? community : null, true);
  const mine = useMySignUps(tab === 'mine');
  const shownRemote = { current, past, mine }[tab];

  // Back from a notice (a sign-up made or cancelled there): load again.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void shownRemote.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void shownRemote.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const backToTonight = () => {
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      title="活动通知"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-notice-list-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-notice-list-page__body">
        <NoticeTabs selected={tab} onSelect={setTab} />
        {tab === 'mine' ? (
          <MineBody mine={mine} />
        ) : (
          <ListBody
            list={tab === 'past' ? past : current}
            community={community}
            past={tab === 'past'}
          />
        )}
        <BigButton variant="secondary" onClick={backToTonight}>
          回到今晚服务
        </BigButton>
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}

interface ListBodyProps {
  list: Remote<NoticeList>;
  community: string | null;
  past: boolean;
}

function ListBody({ list, community, past }: ListBodyProps) {
  if (community === null) return <EmptyState text="请先在“今晚服务”页选择社区" />;
  const { data, error } = list;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void list.reload()} />
    ) : (
      <LoadingState text="正在查看活动通知…" />
    );
  }
  if (data.notices.length === 0) {
    return <EmptyState text={past ? '还没有往期通知' : '本周和下周还没有发布活动通知'} />;
  }
  return (
    <View className="bdb-notice-list-page__list">
      {data.notices.map((n: NoticeSummary) => (
        <NoticeCard
          key={n.id}
          notice={n}
          weekLabel={weekText(n.week, data.thisWeek)}
          onOpen={() => openNotice(n.id)}
        />
      ))}
    </View>
  );
}

function MineBody({ mine }: { mine: Remote<MyActivity[]> }) {
  const { data, error } = mine;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void mine.reload()} />
    ) : (
      <LoadingState text="正在查看我的报名…" />
    );
  }
  if (data.length === 0) return <EmptyState text="还没有报名过活动" />;
  return (
    <MyActivityList
      mine={data}
      // This phone's date: only the sections depend on it, never what the server allows.
      today={shanghaiDate()}
      onOpen={(item) => openNotice(item.notice.id)}
    />
  );
}
