import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import {
  NoticeDetail,
  noticeListUrl,
  useNoticeDetail,
  type NoticeDetailState,
} from '@/features/notice';
import { errorMessage } from '@/lib/gateway';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/** One notice: `?id=<noticeId>` (from the tonight page, the list, or a shared link). */
export default function NoticeDetailPage() {
  const { params } = useRouter();
  const id = params.id?.trim() || null;
  const mode = useElderMode();
  const detail = useNoticeDetail(id);
  const { remote, notice } = detail;

  // Back from the check-in page: my state may have changed there.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void remote.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void remote.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const community = notice?.community ?? null;
  const backToTonight = () => {
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      title="活动通知"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-notice-detail-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-notice-detail-page__body">
        <DetailBody id={id} detail={detail} />
        <View className="bdb-notice-detail-page__footer">
          <BigButton
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: noticeListUrl(community) })}
          >
            全部通知
          </BigButton>
          <BigButton variant="quiet" onClick={backToTonight}>
            回到今晚服务
          </BigButton>
        </View>
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}

function DetailBody({ id, detail }: { id: string | null; detail: NoticeDetailState }) {
  const { remote, notice } = detail;
  if (id === null) return <EmptyState text="链接里没有指明是哪条通知，请从“全部通知”里打开" />;
  if (!notice) {
    return remote.error ? (
      <ErrorState message={errorMessage(remote.error)} onRetry={() => void remote.reload()} />
    ) : (
      <LoadingState text="正在打开通知…" />
    );
  }
  return (
    <NoticeDetail notice={notice} onChanged={detail.apply} onFailed={() => void remote.reload()} />
  );
}
