import { useEffect, useState } from 'react';

/**
 * The server's clock, ticking locally between polls. The board shows server time (which may be
 * the demo clock), never the TV box's own clock, which is often wrong.
 * Returns epoch ms on the server's timeline, or null before the first answer.
 */
export function useServerClock(serverNow: string | null, tickMs = 1000): number | null {
  const [offset, setOffset] = useState<number | null>(null);
  const [localNow, setLocalNow] = useState(() => Date.now());

  useEffect(() => {
    if (serverNow === null) return;
    const parsed = Date.parse(serverNow);
    if (Number.isNaN(parsed)) return;
    const now = Date.now();
    setOffset(parsed - now);
    // Restart the local tick from the same moment, or the clock lags by the load time until the
    // next tick (a board could read 18:29 at 18:30:00).
    setLocalNow(now);
  }, [serverNow]);

  useEffect(() => {
    const timer = setInterval(() => setLocalNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);

  return offset === null ? null : localNow + offset;
}
