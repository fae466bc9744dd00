import { useEffect, useRef, useState } from 'react';
import type { LineState } from '@/types/contract';
import { callSentence, speak } from '../speech';

/** How long a panel stays inverted after a new call. */
export const FLASH_MS = 3000;

/** A call is a label at a moment: a recall of the same number is a new call. */
const callOf = (line: LineState) =>
  line.nowCalling ? `${line.nowCalling}@${line.nowCallingAt ?? ''}` : null;

/**
 * Which line panels flash right now: a line with a new call (a new label, or the same one
 * recalled) flashes for FLASH_MS (never on the first answer, so opening the board is quiet). With `voice` on, the
 * call is also spoken; the flash happens either way.
 */
export function useCallFlash(lines: LineState[] | null, voice: boolean): ReadonlySet<string> {
  const [flashing, setFlashing] = useState<ReadonlySet<string>>(() => new Set());
  const previous = useRef<Map<string, string | null> | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const voiceRef = useRef(voice);
  voiceRef.current = voice;

  useEffect(() => {
    if (!lines) return;
    const before = previous.current;
    previous.current = new Map(lines.map((l) => [l.queue, callOf(l)]));
    if (!before) return;
    for (const line of lines) {
      const label = line.nowCalling;
      if (!label || !before.has(line.queue) || before.get(line.queue) === callOf(line)) continue;
      if (voiceRef.current) speak(callSentence(label, line.name));
      const queue = line.queue;
      setFlashing((f) => new Set(f).add(queue));
      const old = timers.current.get(queue);
      if (old) clearTimeout(old);
      timers.current.set(
        queue,
        setTimeout(() => {
          timers.current.delete(queue);
          setFlashing((f) => {
            const next = new Set(f);
            next.delete(queue);
            return next;
          });
        }, FLASH_MS),
      );
    }
  }, [lines]);

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((timer) => clearTimeout(timer));
  }, []);

  return flashing;
}
