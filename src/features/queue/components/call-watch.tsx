import { View } from '@tarojs/components';
import { usePageShown } from '@/hooks/use-page-shown';
import { useKeepAwake } from '@/hooks/use-keep-awake';
import type { Ticket } from '@/types/contract';
import { useCallSignals } from '../hooks/use-call-signals';
import { useCallWatch } from '../hooks/use-call-watch';
import { calledAnnouncement } from '../model/ticket-text';
import { CallAnnouncer } from './call-announcer';
import { CalledOverlay } from './called-overlay';

export interface CallWatchProps {
  /**
   * My tickets, when the page holds them already (tonight, ticket). Left out on the other
   * resident pages: the watch follows the tickets those pages left behind (asked once per app run
   * when none did).
   */
  tickets?: Ticket[] | null;
}

/**
 * The call on every resident page, one line each: `<CallWatch />`. When one of my tickets is
 * called, the page shows the full-screen call (a modal dialog), vibrates in a repeating pattern
 * until 我知道了 and says it in an assertive live region; "almost your turn" vibrates too. The
 * screen stays on while one of my tickets waits. Only the page on screen does any of it.
 */
export function CallWatch({ tickets }: CallWatchProps) {
  const shown = usePageShown();
  const watch = useCallWatch(tickets, shown);
  const signals = useCallSignals(watch.tickets, watch.alerts, shown);
  useKeepAwake(
    shown && (watch.tickets ?? []).some((t) => t.status === 'waiting' || t.status === 'called'),
  );
  const called = shown ? signals.called : null;
  return (
    <>
      <CallAnnouncer text={called ? calledAnnouncement(called) : ''} />
      {/* In a wrapper that stays: removing the overlay from the page's own child list would
          resend that whole list (issue #15). */}
      <View className="bdb-call-slot">
        {called ? <CalledOverlay ticket={called} onDismiss={signals.dismiss} /> : null}
      </View>
    </>
  );
}
