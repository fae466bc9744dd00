/**
 * Writing a core decision back in a transaction: read one document, let the core decide, update
 * only the top-level fields the decision changed (none changed: no write at all).
 */
import { readDoc } from './documents';
import type { CloudTransaction, DocData } from './sdk';

export function changedFields<T extends object>(before: T, after: T): DocData {
  const changed: DocData = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key])) {
      changed[key] = value;
    }
  }
  return changed;
}

/**
 * get, then update of what `decide` changed: the record it returns, or null (nothing written)
 * when the document is missing or the decision refuses. Scalar fields only: update() would
 * merge a nested object where the decision replaces it.
 */
export async function changeDoc<T extends object>(
  tx: CloudTransaction,
  collection: string,
  id: string,
  fromDoc: (id: string, doc: DocData) => T,
  decide: (current: T) => T | null,
): Promise<T | null> {
  const ref = tx.collection(collection).doc(id);
  const doc = await readDoc(ref);
  const current = doc ? fromDoc(id, doc) : null;
  const next = current && decide(current);
  if (!current || !next) return null;
  const fields = changedFields(current, next);
  if (Object.keys(fields).length > 0) await ref.update({ data: fields });
  return next;
}
