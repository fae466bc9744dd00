/**
 * Can a resident take a number now? The client's copy of the core's rule (joinBlock in
 * server/core/queue/evening.ts), read with the server's clock: a line's state is stored when the
 * line changes, not when the clock passes the last-join time or closing, so the page sees those
 * pass by itself instead of on a failed tap. Pause and capacity come from the state as the server
 * made it; the server still decides each join.
 */
import { toShanghai } from '@/lib/shanghai-time';
import type { LineState } from '@/types/contract';

export type JoinBlock = 'closed' | 'last-join' | 'paused' | 'full';

/** A state stored before the hours were published: the server's answer as it was made. */
function storedBlock(line: LineState): JoinBlock | null {
  if (line.accepting) return null;
  if (line.paused) return 'paused';
  return line.issued >= line.capacity ? 'full' : 'last-join';
}

const hasHours = (line: LineState) =>
  typeof line.opensAt === 'string' &&
  typeof line.closesAt === 'string' &&
  line.opensAt !== '' &&
  line.closesAt !== '';

/** Null when a number can be taken on `line` at `now` (epoch ms, the server's clock). */
export function joinBlockAt(line: LineState, now: number): JoinBlock | null {
  if (line.opensAt === undefined) return storedBlock(line);
  const wall = toShanghai(now);
  // "HH:mm" strings compare correctly as text.
  const hhmm = wall.format('HH:mm');
  const open =
    hasHours(line) &&
    wall.format('YYYY-MM-DD') === line.date &&
    hhmm >= line.opensAt &&
    hhmm < line.closesAt;
  if (!open) return 'closed';
  if (hhmm >= line.lastJoin) return 'last-join';
  if (line.paused) return 'paused';
  if (line.issued >= line.capacity) return 'full';
  return null;
}

/** Has tonight's line closed (its date, at or after its closing time) at `now`? */
export function closedForTonight(line: LineState, now: number): boolean {
  const wall = toShanghai(now);
  return (
    hasHours(line) &&
    wall.format('YYYY-MM-DD') === line.date &&
    wall.format('HH:mm') >= line.closesAt
  );
}
