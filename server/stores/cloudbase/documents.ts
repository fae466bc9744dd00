/**
 * Reading CloudBase documents: one by `_id`, its fields checked (MalformedDocument names what is
 * wrong). The record shapes are in fields.ts.
 *
 * Instants are stored as UTC ISO strings (`Date.prototype.toISOString()`, e.g.
 * "2026-12-02T10:30:00.000Z"): fixed width, so string order is time order and range queries
 * still work; they read back exactly as written in every SDK path and in console exports.
 */
import { textOf } from './errors';
import type { CloudDocument, DocData } from './sdk';

/** A document that does not have the shape this adapter writes: fail loudly, naming the field. */
export class MalformedDocument extends Error {
  constructor(where: string, field: string) {
    super(`Malformed CloudBase document ${where}: bad or missing "${field}"`);
    this.name = 'MalformedDocument';
  }
}

/**
 * What overwrites a document that should be gone where remove() is not used (dropped activities
 * and their sign-ups, erased suggestion requests). It keeps no field, so no query matches it and
 * every read treats it as missing.
 */
export const REMOVED: DocData = { removed: true };
export const isRemoved = (doc: DocData) => doc.removed === true;

export const isDoc = (value: unknown): value is DocData =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function text(doc: DocData, key: string, where: string): string {
  const value = doc[key];
  if (typeof value !== 'string') throw new MalformedDocument(where, key);
  return value;
}

export function integer(doc: DocData, key: string, where: string): number {
  const value = doc[key];
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw new MalformedDocument(where, key);
  return value;
}

/** A UTC ISO string for storage; throws on an unparseable instant rather than storing it. */
export function toStoredInstant(value: Date | string): string {
  const at = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid instant: ${String(value)}`);
  return at.toISOString();
}

/** Not-found as wx-server-sdk reports it when the database throws on missing documents. */
const isNotFound = (error: unknown) =>
  typeof error === 'object' && /document with _id .* does not exist/.test(textOf(error));

/** One document by `_id`, or null when it does not exist. */
export async function readDoc(ref: CloudDocument): Promise<DocData | null> {
  try {
    const { data } = await ref.get();
    return isDoc(data) ? data : null;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
