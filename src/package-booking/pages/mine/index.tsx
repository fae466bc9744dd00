import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { MyBookingList, useMyBookingList, whenText } from '@/features/booking';
import type { MyBookingsState } from '@/features/booking';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { shanghaiDate } from '@/lib/shanghai-time';
import type { Booking } from '@/types/contract';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/** My bookings, upcoming then past; `?id=<bookingId>` marks one (e.g. the one just made). */
export default function MyBookingsPage() {
  const { params } = useRouter();
  const mode = useElderMode();
  const mine = useMyBookingList();
  const { remote, bookings } = mine;
  const [highlightId, setHighlightId] = useState<string | null>(params.id ?? null);
  const [notice, setNotice] = useState<string | null>(null);

  // Back from another page (a booking made there): load again.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void remote.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void remote.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const onMoved = (moved: Booking) => {
    mine.apply(moved);
    setHighlightId(moved.id);
    setNotice(`已改到 ${whenText(moved)}，原时段已取消`);
    // The old booking is cancelled on the server: show that too.
    void remote.reload();
  };

  const backToTonight = () => {
    const community =
      bookings?.find((b) => b.id === highlightId)?.community ?? bookings?.[0]?.community;
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      title="我的预约"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-mine-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-mine-page__body">
        <Text className="bdb-mine-page__title">我的预约</Text>
        {notice ? (
          <Text className="bdb-mine-page__notice" {...a11y({ role: 'status', live: 'polite' })}>
            {`✓ ${notice}`}
          </Text>
        ) : null}
        <MineBody mine={mine} highlightId={highlightId} onMoved={onMoved} />
        <BigButton variant="secondary" onClick={backToTonight}>
          回到今晚服务
        </BigButton>
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}

interface MineBodyProps {
  mine: MyBookingsState;
  highlightId: string | null;
  onMoved: (booking: Booking) => void;
}

function MineBody({ mine, highlightId, onMoved }: MineBodyProps) {
  const { remote, bookings } = mine;
  if (bookings === null) {
    return remote.error ? (
      <ErrorState message={errorMessage(remote.error)} onRetry={() => void remote.reload()} />
    ) : (
      <LoadingState text="正在查看我的预约…" />
    );
  }
  if (bookings.length === 0) return <EmptyState text="还没有预约过服务" />;
  return (
    <MyBookingList
      bookings={bookings}
      // This phone's date: only the sections depend on it, never what the server allows.
      today={shanghaiDate()}
      highlightId={highlightId}
      onChanged={mine.apply}
      onMoved={onMoved}
    />
  );
}
