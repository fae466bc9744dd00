/**
 * Writing a core decision back: the top-level fields it changed, for an update() that writes
 * only those (nothing changed: nothing to write, not even an operation).
 */
import type { DocData } from './sdk';

export function changedFields<T extends object>(before: T, after: T): DocData {
  const changed: DocData = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key])) {
      changed[key] = value;
    }
  }
  return changed;
}
