/**
 * Retention (core/retention/rules.ts) on CloudBase: which records are left to anonymise. A
 * transaction cannot query, so each repo finds them first, then writes the core's decision over
 * each in a small transaction of its own, with what erase also drops (keys, tallies).
 */
import type { CloudDatabase, DocData } from './sdk';

type First<T> = (limit: number, where: DocData, ...orders: string[]) => Promise<T[]>;

/**
 * Up to `limit` records whose `before.field` is below `before.value` and that still hold one of
 * the personal fields (`blanks`: each field with the value the erase rule leaves). One query
 * per field (`field != blank`), each served by an index of database/indexes.json, merged by id.
 * When any query comes back full, so does the answer: the job then knows more are left.
 */
export async function stillPersonal<T extends { id: string }>(
  db: CloudDatabase,
  first: First<T>,
  before: { field: string; value: string },
  blanks: Readonly<Record<string, string | null>>,
  limit: number,
): Promise<T[]> {
  const found = new Map<string, T>();
  for (const [field, blank] of Object.entries(blanks)) {
    const where = { [before.field]: db.command.lt(before.value), [field]: db.command.neq(blank) };
    for (const record of await first(limit, where, '_id')) found.set(record.id, record);
  }
  return [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, limit);
}
