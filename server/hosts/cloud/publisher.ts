/**
 * The cloud host's LinePublisher: writes each line's public LineState to one document,
 * queue_lines/<community>:<queue>, which residents' ticket pages and the board `watch()` instead
 * of polling a function. The collection's security rules allow client reads and no client writes
 * (database/rules/queue_lines.json); only cloud functions write it.
 */
import type { LineState } from '../../../contract/queue';
import type { LinePublisher } from '../../core/ports';
import type { ClientReadableCollection, CloudDatabase } from '../../stores/cloudbase';
import { readDoc } from '../../stores/cloudbase/documents';
import type { DocData } from '../../stores/cloudbase/sdk';
import { FEW_RACERS, transact } from '../../stores/cloudbase/transaction';

export const LINE_STATE_COLLECTION: ClientReadableCollection = 'queue_lines';

/** The document a resident watches for one line; the mini-program builds the same id. */
export const lineStateId = (community: string, queue: string) => `${community}:${queue}`;

export interface PublisherOptions {
  /** Prepended to the collection name, like the store's collectionPrefix. */
  collectionPrefix?: string;
  log?: Pick<Console, 'error'>;
}

/**
 * Is the stored state newer than the one about to be written? Two function instances can publish
 * the same line at once and finish in either order; without this check the older state could land
 * last and stay until the next change. Versions restart every evening, so the date compares first
 * ("YYYY-MM-DD" sorts as text). An equal version is rewritten: time-based fields such as
 * `accepting` change without a version bump.
 */
function storedIsNewer(stored: DocData, state: LineState): boolean {
  const { date, version } = stored;
  if (typeof date !== 'string' || typeof version !== 'number') return false;
  if (date !== state.date) return date > state.date;
  return version > state.version;
}

export function createLinePublisher(
  db: CloudDatabase,
  options: PublisherOptions = {},
): LinePublisher {
  const collection = `${options.collectionPrefix ?? ''}${LINE_STATE_COLLECTION}`;
  const log = options.log ?? console;
  return {
    async publish(state) {
      const id = lineStateId(state.community, state.queue);
      try {
        // Read and write in one transaction, so the newer-state check cannot be overtaken.
        await transact(db, FEW_RACERS, async (tx) => {
          const ref = tx.collection(collection).doc(id);
          const stored = await readDoc(ref);
          if (stored && storedIsNewer(stored, state)) return;
          // set() creates the document on the line's first publish; a copy, never the caller's.
          await ref.set({ data: { ...state, recentlyCalled: [...state.recentlyCalled] } });
        });
      } catch (error) {
        // The change itself is committed; watchers catch up on the next publish. The action the
        // resident or staff member made must not fail because the live view lagged.
        log.error(`[bdb] publishing ${collection}/${id} (version ${state.version}) failed:`, error);
      }
    },
  };
}
