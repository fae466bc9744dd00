/**
 * Mapping between port records and CloudBase documents.
 *
 * Document shapes (the `_id` is the natural key, so reads by id are single-document gets):
 * - communities/<community id>: { name, evenings: [{ weekday, opensAt, closesAt }],
 *   services: [{ id, name, kind, description, sort }], board, contactPhone }; contactPhone (the
 *   number residents call about bookings) is a string, or null or absent until staff set it
 * - users/<user id, e.g. "wx:<openid>">: { admin, staffOf: string[] (sorted), createdAt,
 *   displayName?: string (set by staff.setName) }
 * - invites/<code>: { community, createdBy, createdAt, expiresAt, usedBy, usedAt }
 *
 * Instants are stored as UTC ISO strings (`Date.prototype.toISOString()`, e.g.
 * "2026-12-02T10:30:00.000Z"): fixed width, so string order is time order and range queries
 * still work; they read back exactly as written in every SDK path and in console exports.
 * `usedBy`/`usedAt` are null until the invite is redeemed.
 */
import type { ServiceKind } from '../../../contract/community';
import type {
  BoardNotice,
  CommunityRecord,
  CommunitySetup,
  ServiceRecord,
  UserRecord,
} from '../../core/ports';
import type { CloudDocument, DocData } from './sdk';

const SERVICE_KINDS: ReadonlySet<string> = new Set<ServiceKind>(['queue', 'booking', 'drop-in']);

/** A document that does not have the shape this adapter writes: fail loudly, naming the field. */
export class MalformedDocument extends Error {
  constructor(where: string, field: string) {
    super(`Malformed CloudBase document ${where}: bad or missing "${field}"`);
    this.name = 'MalformedDocument';
  }
}

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

function docs(doc: DocData, key: string, where: string): DocData[] {
  const value = doc[key];
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isDoc)) throw new MalformedDocument(where, key);
  return value;
}

/** A UTC ISO string for storage; throws on an unparseable instant rather than storing it. */
export function toStoredInstant(value: Date | string): string {
  const at = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid instant: ${String(value)}`);
  return at.toISOString();
}

/** Not-found as wx-server-sdk reports it when the database throws on missing documents. */
function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { message, errMsg } = error as { message?: unknown; errMsg?: unknown };
  const texts = [message, errMsg].filter((t): t is string => typeof t === 'string');
  return texts.some((t) => /document with _id .* does not exist/.test(t));
}

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

// --- communities ---

/** The setup fields save() writes: the board and the contact phone are carried over apart. */
export function communityToDoc(community: CommunitySetup): DocData {
  return {
    name: community.name,
    evenings: community.evenings.map((e) => ({
      weekday: e.weekday,
      opensAt: e.opensAt,
      closesAt: e.closesAt,
    })),
    services: community.services.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      description: s.description,
      sort: s.sort,
    })),
  };
}

function serviceFromDoc(doc: DocData, where: string): ServiceRecord {
  const kind = text(doc, 'kind', where);
  if (!SERVICE_KINDS.has(kind)) throw new MalformedDocument(where, 'kind');
  return {
    id: text(doc, 'id', where),
    name: text(doc, 'name', where),
    kind: kind as ServiceKind,
    description: text(doc, 'description', where),
    sort: integer(doc, 'sort', where),
  };
}

/** Evenings by weekday and services by (sort, id), the order every store returns. */
export function communityFromDoc(id: string, doc: DocData): CommunityRecord {
  const where = `communities/${id}`;
  const evenings = docs(doc, 'evenings', where).map((e, i) => ({
    weekday: integer(e, 'weekday', `${where} evenings[${i}]`),
    opensAt: text(e, 'opensAt', `${where} evenings[${i}]`),
    closesAt: text(e, 'closesAt', `${where} evenings[${i}]`),
  }));
  const services = docs(doc, 'services', where).map((s, i) =>
    serviceFromDoc(s, `${where} services[${i}]`),
  );
  evenings.sort((a, b) => a.weekday - b.weekday);
  services.sort((a, b) => a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const contactPhone = doc.contactPhone ?? null;
  if (contactPhone !== null && typeof contactPhone !== 'string') {
    throw new MalformedDocument(where, 'contactPhone');
  }
  return { id, name: text(doc, 'name', where), evenings, services, contactPhone };
}

/**
 * The notice board kept in the community document. It is the core's own copy of notices the
 * notices collection holds, so it is passed through as stored; only its shape is checked.
 */
export function boardFromDoc(id: string, doc: DocData): BoardNotice[] {
  const board = doc.board ?? [];
  if (!Array.isArray(board) || !board.every(isDoc)) {
    throw new MalformedDocument(`communities/${id}`, 'board');
  }
  return board as unknown as BoardNotice[];
}

export function summaryFromDoc(doc: DocData): { id: string; name: string } {
  const id = text(doc, '_id', 'communities/?');
  return { id, name: text(doc, 'name', `communities/${id}`) };
}

// --- users ---

/** Sorted and without duplicates, as `UserRecord.staffOf` promises. */
export const normalizeStaffOf = (ids: readonly string[]): string[] => [...new Set(ids)].sort();

export function userFromDoc(id: string, doc: DocData): UserRecord {
  const where = `users/${id}`;
  const staffOf = doc.staffOf ?? [];
  if (!Array.isArray(staffOf) || !staffOf.every((c) => typeof c === 'string')) {
    throw new MalformedDocument(where, 'staffOf');
  }
  return { id, admin: doc.admin === true, staffOf: normalizeStaffOf(staffOf) };
}

export const newUserDoc = (now: Date, staffOf: string[] = []): DocData => ({
  admin: false,
  staffOf: normalizeStaffOf(staffOf),
  createdAt: toStoredInstant(now),
});
