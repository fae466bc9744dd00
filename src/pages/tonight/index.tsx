import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { usePageShown } from '@/hooks/use-page-shown';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';
import { useServerNow } from '@/hooks/use-server-now';
// The entry, not the whole feature: the rest stays in the package-booking subpackage.
import { BookingLink, MyBookingsEntry } from '@/features/booking/entry';
import {
  CommunityPicker,
  TonightView,
  tonightStatus,
  useChosenTonight,
} from '@/features/community';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
// The entry only: the notice pages stay in the package-notice subpackage.
import { NoticeSection } from '@/features/notice/entry';
import {
  CallWatch,
  lineClosedReason,
  MyTicketsEntry,
  QueueJoin,
  useTonightQueue,
} from '@/features/queue';
// The entry only: the volunteer pages stay in the package-staff subpackage.
import { ServedByLine } from '@/features/volunteer/entry';
// The entry only: the suggestion pages stay in the package-suggestion subpackage.
import { SuggestionTonightCard } from '@/features/suggestion/entry';
import { showActionError } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import { numberLimitText } from '@/lib/resident-limits';
import type { LineState, ServiceInfo, Ticket, Tonight } from '@/types/contract';
import './index.scss';

const STAFF_PAGE = '/package-staff/pages/sign-in/index';
const TICKET_PAGE = '/pages/ticket/index';

// The community goes along, so the ticket page asks for my tickets of this community only. The
// promise lets the join button know whether the page opened.
const openTicket = (ticket: Ticket) =>
  Taro.navigateTo({
    url: `${TICKET_PAGE}?id=${encodeURIComponent(ticket.id)}&c=${encodeURIComponent(ticket.community)}`,
  });

export default function TonightPage() {
  const { params } = useRouter();
  const launch = useMemo(() => parseLaunchParams(params), [params]);
  const { choice, showPicker, tonight } = useChosenTonight(launch.community);
  const mode = useElderMode();
  const { data, reload } = tonight;
  // The server's clock: opening, the last-join time and closing show as they pass, not on a tap.
  const now = useServerNow();
  const open = data !== null && tonightStatus(data, now).kind === 'open';
  // Everything of mine comes with tonight's answer: the page costs one call, and so does each
  // reload. Between reloads the live lines move my tickets at no cost.
  const { lines, tickets } = useTonightQueue(data, usePageShown() && open);

  const refresh = useCallback(async () => {
    const error = await reload();
    // The page keeps showing the last good answer; only then is a toast the right place.
    if (error && data) showActionError(error);
  }, [reload, data]);

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  // Back from the ticket, booking or suggestion pages (a number taken, a booking or a 回访 answer may
  // have changed there): one tonight call; a failure keeps the last answer on screen.
  useReloadOnShow(reload);

  const renderServiceAction = (service: ServiceInfo) =>
    data ? (
      <ServiceAction tonight={data} service={service} line={lines[service.id]} now={now} />
    ) : null;

  return (
    <AccessibleRoot
      title="今晚服务"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-tonight-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      {showPicker ? (
        <CommunityPicker
          current={choice.community}
          lost={choice.lost}
          onPick={choice.choose}
          onCancel={choice.community ? choice.cancelPicking : undefined}
        />
      ) : (
        <TonightView
          tonight={tonight}
          onSwitchCommunity={choice.startPicking}
          onRefresh={() => void refresh()}
          extra={data ? <MineAndMore tonight={data} tickets={tickets} /> : null}
          renderServiceAction={renderServiceAction}
          highlightService={launch.queue ?? launch.service}
          now={now}
        />
      )}
      <View className="bdb-tonight-page__footer">
        <BigButton variant="quiet" onClick={() => void Taro.navigateTo({ url: STAFF_PAGE })}>
          工作人员入口
        </BigButton>
      </View>
      <CallWatch tickets={tickets} />
    </AccessibleRoot>
  );
}

interface MineAndMoreProps {
  tonight: Tonight;
  /** My tickets tonight, as the live lines moved them. */
  tickets: Ticket[];
}

/**
 * Under the status card: 我的号, 我的预约, this week's notices and 说说您的想法, all from the tonight
 * answer itself (`mine` is null without an identity): nothing more is loaded for them.
 */
function MineAndMore({ tonight, tickets }: MineAndMoreProps) {
  const { mine } = tonight;
  const hasBookings = tonight.services.some((s) => s.kind === 'booking');
  return (
    <>
      {tickets.length > 0 ? (
        <MyTicketsEntry tickets={tickets} onOpen={(t) => void openTicket(t)} />
      ) : null}
      {hasBookings ? (
        <MyBookingsEntry bookings={mine?.bookings ?? null} today={tonight.date} />
      ) : null}
      <ServedByLine servedBy={tonight.servedBy ?? []} />
      <NoticeSection tonight={tonight} />
      <SuggestionTonightCard community={tonight.community.id} pending={mine?.followUps ?? null} />
    </>
  );
}

interface ServiceActionProps {
  tonight: Tonight;
  service: ServiceInfo;
  line: LineState | undefined;
  /** The server's clock, epoch ms. */
  now: number;
}

/** The 取号 button under a walk-in service, 预约 under a bookable one; drop-in needs nothing. */
function ServiceAction({ tonight, service, line, now }: ServiceActionProps) {
  if (service.kind === 'booking') {
    return <BookingLink community={tonight.community.id} service={service} />;
  }
  if (service.kind !== 'queue') return null;
  const status = tonightStatus(tonight, now);
  const blocked =
    status.kind === 'open' ? lineClosedReason(line, now) : `现在不能取号：${status.title}`;
  return (
    <QueueJoin
      community={tonight.community.id}
      service={service}
      blockedReason={blocked}
      line={line}
      onJoined={openTicket}
      limitText={numberLimitText(tonight.limits)}
    />
  );
}
