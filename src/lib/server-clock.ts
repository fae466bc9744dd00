/**
 * The server's clock on this device. Answers that carry the server's time (tonight, the board, the
 * H5 live feed on connect) set the offset; pages reckon hours (last-join, closing) with it, never
 * with the device's own clock, which may be wrong or differ from the local host's demo clock.
 * Until an answer has said, the device's clock stands in: in production both tell real time.
 */

type Listener = () => void;

let offsetMs = 0;
const listeners = new Set<Listener>();

/** The server said it is `iso` now (an answer that just arrived). */
export function noteServerTime(iso: string): void {
  const server = Date.parse(iso);
  if (Number.isNaN(server)) return;
  offsetMs = server - Date.now();
  listeners.forEach((listener) => listener());
}

/** Epoch ms on the server's timeline. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Calls `listener` whenever the offset is learnt again; returns the unsubscribe. */
export function onServerTime(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Back to the device's clock (tests start from a known state). */
export function resetServerClock(): void {
  offsetMs = 0;
}
