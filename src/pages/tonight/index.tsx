import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useMemo, useRef } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { usePageShown } from '@/hooks/use-page-shown';
import {
  CommunityPicker,
  TonightView,
  tonightStatus,
  useCommunityChoice,
  useTonight,
} from '@/features/community';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { lineClosedReason, MyTicketsEntry, QueueJoin, useTonightQueue } from '@/features/queue';
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

  const refresh = useCallback(async () => {
    const error = await reload();
    // The page keeps showing the last good answer; only then is a toast the right place.
    if (error && data) showActionError(error);
    void reloadMine();
  }, [reload, reloadMine, data]);

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  // Back from the ticket page: a number may have been taken or cancelled there.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reloadMine();
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
            tickets.length > 0 ? <MyTicketsEntry tickets={tickets} onOpen={openTicket} /> : null
          }
          renderServiceAction={renderServiceAction}
          highlightService={launch.queue}
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

/** The 取号 button under a walk-in service; other kinds have no action (yet). */
function ServiceAction({ tonight, service, line, launch }: ServiceActionProps) {
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
