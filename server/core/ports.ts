/**
 * Ports: the only ways the core reaches the outside world. Each store adapter (SQLite, CloudBase)
 * implements every method itself; the shared contract suite in server/stores/contract-tests keeps
 * them equivalent.
 */
import type { ServiceEvening, ServiceKind } from '../../contract/community';

/** The clock port. Hosts decide whether it is real time, a fixed start (BDB_NOW) or the demo clock. */
export interface Clock {
  now(): Date;
  /** True for the demo clock, so the UI can show a "演示时钟" banner. */
  readonly demo: boolean;
}

export interface ServiceRecord {
  id: string;
  name: string;
  kind: ServiceKind;
  description: string;
  /** Display order, ascending. */
  sort: number;
}

export interface CommunityRecord {
  id: string;
  name: string;
  evenings: ServiceEvening[];
  services: ServiceRecord[];
}

export interface CommunityRepo {
  /** All communities, ordered by id. */
  list(): Promise<Array<{ id: string; name: string }>>;
  /** One community with its evenings and services, or null. */
  get(id: string): Promise<CommunityRecord | null>;
  /** Insert or replace a community with its evenings and services (seeding, admin edits). */
  save(community: CommunityRecord): Promise<void>;
}

export interface UserRecord {
  id: string;
  admin: boolean;
  /** Community ids this user is staff of, ordered. */
  staffOf: string[];
}

export interface InviteRecord {
  code: string;
  community: string;
  createdBy: string;
  /** ISO instant. */
  expiresAt: string;
}

export type RedeemResult =
  { ok: true; community: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export interface IdentityRepo {
  /** Returns the user, creating a plain resident record on first sight. */
  ensureUser(id: string, now: Date): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | null>;
  grantAdmin(id: string, now: Date): Promise<void>;
  createInvite(invite: InviteRecord, now: Date): Promise<void>;
  /**
   * Atomically uses a one-time invite: marks it used by `userId` and makes the user staff of its
   * community. Two identities racing for one code: exactly one wins.
   */
  redeemInvite(code: string, userId: string, now: Date): Promise<RedeemResult>;
}

/** Everything a store adapter provides. */
export interface Store {
  communities: CommunityRepo;
  identities: IdentityRepo;
  close(): Promise<void>;
}
