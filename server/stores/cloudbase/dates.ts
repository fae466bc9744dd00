/**
 * community_dates/<community>_<YYYYMMDD>: a community's calendar entry for one date (calendar.ts
 * writes them). The id is made from the community and the date, so a booking's or sign-up's
 * transaction, which cannot query, reads the entry of its date by id.
 */
import { closedBy, type DateClosed } from '../../core/booking/decisions';
import { readDoc, text } from './documents';
import type { CloudTransaction } from './sdk';

export const entryId = (community: string, date: string) =>
  `${community}_${date.replace(/-/g, '')}`;

/**
 * community_dates/<community>_<YYYYMMDD>_gate: written by every booking, move and sign-up that
 * makes something on the date, and by the date's cancellation (close's first transaction).
 * CloudBase transactions conflict on write-write only, never on a plain read: without a write
 * both share, a booking could read the date open, the cancellation commit and sweep, and the
 * booking commit after the sweep, live on a cancelled date. With it, whichever commits second
 * conflicts and is retried: a booking retried reads the date cancelled; a cancellation retried
 * (or its second pass, a query after its commit) finds the booking committed first. The gate
 * has no community field, so the calendar's queries (list) never see it.
 */
export const gateId = (community: string, date: string) => `${entryId(community, date)}_gate`;

/** Inside a transaction: one set of the date's gate (see gateId). */
export async function passGate(
  tx: CloudTransaction,
  collection: string,
  community: string,
  date: string,
  now: Date,
): Promise<void> {
  await tx
    .collection(collection)
    .doc(gateId(community, date))
    .set({ data: { at: now.toISOString() } });
}

/**
 * Inside a booking's or sign-up's transaction (one get): whether the date is cancelled
 * (closedBy). A cancellation committed before this transaction's snapshot is read here; one
 * committing while it runs conflicts with its passGate write.
 */
export async function dateClosedIn(
  tx: CloudTransaction,
  collection: string,
  community: string,
  date: string,
): Promise<DateClosed | null> {
  const id = entryId(community, date);
  const doc = await readDoc(tx.collection(collection).doc(id));
  if (!doc) return null;
  const where = `community_dates/${id}`;
  return text(doc, 'kind', where) === 'cancelled'
    ? closedBy({ kind: 'cancelled', reason: text(doc, 'reason', where) })
    : null;
}

/**
 * The date a sign-up request names, in its transaction: whether it is cancelled, and its gate to
 * pass before making one. A request without a date (a check-in) reads and writes neither.
 */
export function signUpDate(
  tx: CloudTransaction,
  collection: string,
  req: { community: string; date?: string; now: Date },
) {
  const { community, date, now } = req;
  return {
    closed: async () => (date === undefined ? null : dateClosedIn(tx, collection, community, date)),
    pass: async () => {
      if (date !== undefined) await passGate(tx, collection, community, date, now);
    },
  };
}
