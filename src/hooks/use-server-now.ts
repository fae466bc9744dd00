import { useEffect, useState } from 'react';
import { onServerTime, serverNow } from '@/lib/server-clock';

const MINUTE_MS = 60_000;
// A timer may fire a little early; landing just past the minute reads the new minute.
const PAST_THE_MINUTE_MS = 50;

/**
 * The server's time (epoch ms), rendered again at the start of each of the server's minutes —
 * when an "HH:mm" clock or rule (last-join, closing) can change — and at once when an answer
 * tells the server's time again. One timer at a time, no polling.
 */
export function useServerNow(): number {
  const [now, setNow] = useState(serverNow);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      clearTimeout(timer);
      setNow(serverNow());
      timer = setTimeout(update, MINUTE_MS - (serverNow() % MINUTE_MS) + PAST_THE_MINUTE_MS);
    };
    update();
    const stop = onServerTime(update);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);

  return now;
}
