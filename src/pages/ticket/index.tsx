import { View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef, useState, type ReactNode } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { usePageShown } from '@/hooks/use-page-shown';
import { useServerNow } from '@/hooks/use-server-now';
import { NeedCompanion, ticketCompanion } from '@/features/companion/entry';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import {
  CallWatch,
  LineStopNotice,
  MyTicketList,
  mostRelevant,
  NearBanner,
  nearTicket,
  TicketCard,
  useLiveTickets,
} from '@/features/queue';
import { errorMessage } from '@/lib/gateway';
import { launchParam } from '@/lib/launch-params';
import { lineKey } from '@/lib/live';
import type { LiveTickets } from '@/features/queue';
import type { Ticket } from '@/types/contract';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/** The ticket asked for, else the one that matters most. */
function pickTicket(tickets: Ticket[] | null, id: string | null): Ticket | null {
  if (!tickets) return null;
  return tickets.find((t) => t.id === id) ?? mostRelevant(tickets);
}

/** Back to the tonight page of the ticket's community (also when opened from a notice). */
function backToTonight(community: string | null): void {
  const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
  void Taro.reLaunch({ url });
}

/**
 * My ticket, live: opened after taking a number, from the tonight page (`?id=<ticketId>&c=<community>`),
 * or from a WeChat notice (`?id=` only). Without an id (or with an unknown one) it shows the ticket
 * that matters most. Line changes move the ticket on the page itself (useLiveTickets): no call.
 */
export default function TicketPage() {
  const { params } = useRouter();
  const mode = useElderMode();
  const [selectedId, setSelectedId] = useState<string | null>(params.id ?? null);
  const community = launchParam(params, 'c');
  const live = useLiveTickets(usePageShown(), community);
  const { remote, tickets } = live;
  const near = nearTicket(tickets, live.alerts);

  // Back from the background: the live feed may have missed changes.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void remote.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void remote.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const selected = pickTicket(tickets, selectedId);
  const companion = selected ? ticketCompanion(selected) : null;

  const hasTickets = Boolean(tickets && tickets.length > 0);

  return (
    <AccessibleRoot
      title="我的号"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-ticket-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-ticket-page__body">
        {/* Each part that comes and goes sits in a wrapper that stays: Taro resends a parent's
            whole child list when a child is inserted before its siblings or removed, a wrapper
            only what changed in it (issue #15: ≤ 2 KB per live update). */}
        <Slot>{near ? <NearBanner ticket={near} /> : null}</Slot>
        <TicketBody live={live} selected={selected} />
        <Slot>
          <LineStop live={live} selected={selected} />
        </Slot>
        <Slot>{companion ? <NeedCompanion key={companion.ref} subject={companion} /> : null}</Slot>
        <Slot>
          {tickets && hasTickets ? (
            <MyTicketList
              tickets={tickets}
              selectedId={selected?.id ?? null}
              onSelect={(t: Ticket) => setSelectedId(t.id)}
            />
          ) : null}
        </Slot>
        <BigButton
          variant="secondary"
          onClick={() => backToTonight(selected?.community ?? community)}
        >
          回到今晚服务
        </BigButton>
      </View>
      <CallWatch tickets={tickets} />
    </AccessibleRoot>
  );
}

/** A wrapper that is always there, empty (and taking no room) while its part is not shown. */
function Slot({ children }: { children: ReactNode }) {
  return <View className="bdb-ticket-page__slot">{children}</View>;
}

/** When the ticket's line stops taking numbers, said as the server's clock passes the time. */
function LineStop({ live, selected }: { live: LiveTickets; selected: Ticket | null }) {
  const now = useServerNow();
  if (!selected) return null;
  return <LineStopNotice line={live.lines[lineKey(selected)]} ticket={selected} now={now} />;
}

/** Loading, failure, nothing tonight, or the ticket itself. */
function TicketBody({ live, selected }: { live: LiveTickets; selected: Ticket | null }) {
  const { remote, tickets } = live;
  if (tickets === null) {
    return remote.error ? (
      <ErrorState message={errorMessage(remote.error)} onRetry={() => void remote.reload()} />
    ) : (
      <LoadingState text="正在查看我的号…" />
    );
  }
  if (!selected) return <EmptyState text="今晚还没有取号" />;
  return <TicketCard key={selected.id} ticket={selected} onChanged={live.apply} />;
}
