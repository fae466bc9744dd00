/**
 * database/indexes.json — the indexes the runbook tells operators to create — checked against
 * the queries the code really makes (the emulator reports each query's shape). A query without
 * an index is a scan of a collection that grows with every evening of every community.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { QueryShape } from './cloudbase-emulator';

export type Indexes = Record<string, string[][]>;

export const INDEXES_FILE = path.resolve(__dirname, '../../database/indexes.json');

export const readIndexes = (): Indexes =>
  JSON.parse(fs.readFileSync(INDEXES_FILE, 'utf8')) as Indexes;

/**
 * An index serves a query when the query's filtered fields are its leading fields (in any order)
 * and its next fields are the query's remaining sort fields. `_id` needs no index; a per-user
 * map key (users.<id>) cannot have one, so that query must also filter on an indexed field.
 */
export function served(shape: QueryShape, index: readonly string[]): boolean {
  const fields = shape.fields.filter((f) => f !== '_id' && !/^users\./.test(f));
  const lead = index.slice(0, fields.length);
  if (!fields.every((f) => lead.includes(f))) return false;
  const rest = index.slice(fields.length);
  return shape.sort
    .filter((f) => f !== '_id' && !fields.includes(f))
    .every((f, i) => rest[i] === f);
}

/** The shapes no index in `indexes` serves (queries by _id alone need none). */
export const unindexed = (shapes: Iterable<QueryShape>, indexes: Indexes = readIndexes()) =>
  [...shapes].filter(
    (shape) =>
      shape.fields.some((f) => f !== '_id') &&
      !(indexes[shape.collection] ?? []).some((index) => served(shape, index)),
  );
