import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useMemo, useRef } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { usePageShown } from '@/hooks/use-page-shown';
// The entry, not the whole feature: the rest stays in the package-booking subpackage.
import { BookingLink, MyBookingsEntry, useMyBookings } from '@/features/booking/entry';
import {
  CommunityPicker,
  TonightView,
  tonightStatus,
  useCommunityChoice,
  useTonight,
} from '@/features/community';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
// The entry only: the notice pages stay in the package-notice subpackage.
import { NoticeSection } from '@/features/notice/entry';
import { lineClosedReason, MyTicketsEntry, QueueJoin, useTonightQueue } from '@/features/queue';
// The entry only: the suggestion pages stay in the package-voice subpackage.
import { usePendingFollowUps, VoiceCard } from '@/features/voice/entry';
import { showActionError } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import type { LineState, ServiceInfo, Ticket, Tonight } from '@/types/contract';
import './index.scss';

const STAFF_PAGE = '/package-staff/pages/sign-in/index';
const TICKET_PAGE = '/pages/ticket/index';

const openTicket = (ticket: Ticket) =>
  void Taro.navigateTo({ url: `${TICKET_PAGE}?id=${encodeURIComponent(ticket.id)}` });

export default function TonightPage() {
  const { params } = useRouter();
  const launch = useMemo(() => parseLaunchParams(params), [params]);
  const choice = useCommunityChoice(launch.community);
  const mode = useElderMode();
  const showPicker = choice.community === null || choice.picking;
  const tonight = useTonight(showPicker ? null : choice.community);
  const { data, reload } = tonight;
  const { lines, mine } = useTonightQueue(data, usePageShown());
  const reloadMine = mine.reload;
  const hasBookings = Boolean(data?.services.some((s) => s.kind === 'booking'));
  const bookings = useMyBookings(hasBookings);
  const reloadBookings = bookings.reload;
  // A resident call the page does not wait for: asked once tonight's answer is on screen, and a
  // failure only leaves the 回访 line out of the card.
  const pending = usePendingFollowUps(data !== null);
  const reloadPending = pending.reload;

  const refresh = useCallback(async () => {
    const error = await reload();
    // The page keeps showing the last good answer; only then is a toast the right place.
    if (error && data) showActionError(error);
    void reloadMine();
    void reloadBookings();
    void reloadPending();
  }, [reload, reloadMine, reloadBookings, reloadPending, data]);

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  // Back from the ticket, booking or voice pages: a number, a booking or a 回访 answer may have
  // changed there.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) {
      void reloadMine();
      void reloadBookings();
      void reloadPending();
    }
    shown.current = true;
  });

  const renderServiceAction = (service: ServiceInfo) =>
    data ? (
      <ServiceAction tonight={data} service={service} line={lines[service.id]} launch={launch} />
    ) : null;

  const tickets = mine.data ?? [];
  return (
    <AccessibleRoot elder={mode.elder} fontFactor={mode.fontFactor} className="bdb-tonight-page">
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      {showPicker ? (
        <CommunityPicker
          current={choice.community}
          onPick={choice.choose}
          onCancel={choice.community ? choice.cancelPicking : undefined}
        />
      ) : (
        <TonightView
          tonight={tonight}
          onSwitchCommunity={choice.startPicking}
          onRefresh={() => void refresh()}
          extra={
            <>
              {tickets.length > 0 ? <MyTicketsEntry tickets={tickets} onOpen={openTicket} /> : null}
              {data && hasBookings ? (
                <MyBookingsEntry bookings={bookings.data} today={data.date} />
              ) : null}
              {/* From the tonight call itself: nothing more is loaded for it. */}
              <NoticeSection tonight={data} />
              {data ? <VoiceCard community={data.community.id} pending={pending.data} /> : null}
            </>
          }
          renderServiceAction={renderServiceAction}
          highlightService={launch.queue ?? launch.service}
        />
      )}
      <View className="bdb-tonight-page__footer">
        <BigButton variant="quiet" onClick={() => void Taro.navigateTo({ url: STAFF_PAGE })}>
          工作人员入口
        </BigButton>
      </View>
    </AccessibleRoot>
  );
}

interface ServiceActionProps {
  tonight: Tonight;
  service: ServiceInfo;
  line: LineState | undefined;
  launch: { queue: string | null };
}

/** The 取号 button under a walk-in service, 预约 under a bookable one; drop-in needs nothing. */
function ServiceAction({ tonight, service, line, launch }: ServiceActionProps) {
  if (service.kind === 'booking') {
    return <BookingLink community={tonight.community.id} service={service} />;
  }
  if (service.kind !== 'queue') return null;
  const blocked = tonight.open
    ? lineClosedReason(line)
    : `现在不能取号：${tonightStatus(tonight).title}`;
  return (
    <QueueJoin
      community={tonight.community.id}
      service={service}
      blockedReason={blocked}
      line={line}
      highlighted={service.id === launch.queue}
      onJoined={openTicket}
    />
  );
}
