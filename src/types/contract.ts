// The one place the client reaches into contract/: types only, so no server code is bundled.
import type { AlertKind, Ticket } from '../../contract';

export type * from '../../contract';

/**
 * An `alert` event of the live line feed (the local host's Server-Sent Events): a notice about
 * one of the connected resident's own tickets. In weapp the same notices arrive as subscription
 * messages outside the app instead.
 */
export interface LineAlert {
  kind: AlertKind;
  ticket: Ticket;
}
