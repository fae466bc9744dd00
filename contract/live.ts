/**
 * The live line feed, named once for both sides: how residents' pages follow a line without
 * polling. Types only (contract is never imported at runtime): each side spells a name in one
 * constant typed by these, so renaming one here breaks the build wherever it is spelled.
 *
 * - weapp watches the CloudBase collection LineCollection (one document per line, `_id`
 *   "<community>:<queue>", body a LineState), written by the queue store with each change;
 * - H5 opens LineEventsPath on the local host (`?community=<id>`), a Server-Sent Events stream
 *   whose event names and payloads are LineEvents.
 */
import type { AlertKind, LineState, Ticket } from './queue';

/** The public, client-readable collection of lines' states (CloudBase). */
export type LineCollection = 'queue_lines';

/** The local host's Server-Sent Events endpoint. */
export type LineEventsPath = '/api/queue/events';

/**
 * An `alert` event: a notice about one of the connected resident's own tickets. In weapp the same
 * notices arrive as subscription messages outside the app instead.
 */
export interface LineAlert {
  kind: AlertKind;
  ticket: Ticket;
}

/** Each event of the stream, by name, with its payload. */
export interface LineEvents {
  /** Sent first: the server's time, so pages reckon hours with its clock (the demo clock too). */
  clock: { now: string };
  /** A line's public state: every line once on connect, then each change. */
  line: LineState;
  alert: LineAlert;
}

export type LineEventName = keyof LineEvents;
