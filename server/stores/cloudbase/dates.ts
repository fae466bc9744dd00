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
 * Inside a booking's or sign-up's transaction (one get): whether the date is cancelled
 * (closedBy). CloudBase transactions conflict on writes only: a cancellation committed before
 * this read is seen; one committing after it, before this transaction commits, is not, and
 * CalendarRepo.close's second pass (a query after its first commit) cancels what such a
 * transaction made if it committed by then.
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
