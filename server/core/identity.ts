import { createHash, timingSafeEqual } from 'node:crypto';
import type { Identity } from '../../contract/staff';
import { pooledRandomBytes } from './kernel/ids';
import type {
  CommunityRepo,
  OpenInviteRecord,
  RedeemResult,
  StoredUser,
  UserRecord,
} from './ports';

/**
 * What a store keeps of the ADMIN_TOKEN that granted an admin: a SHA-256 digest under a label of
 * its own, never the token. Rotating the token changes the digest, so every admin made with the
 * old one stops being admin.
 */
export const adminDigestOf = (adminToken: string) =>
  createHash('sha256').update(`bdb-admin-grant:${adminToken}`, 'utf8').digest('hex');

/**
 * The user as the core sees it: admin only when the stored grant's digest is the current token's.
 * A grant without a digest (made before digests were kept) is no grant: that admin redeems the
 * current token again. An empty token (no admin configured) makes nobody admin.
 */
export function userRecordOf(stored: StoredUser, currentDigest: string): UserRecord {
  return {
    id: stored.id,
    admin:
      currentDigest !== '' && stored.adminDigest !== null && stored.adminDigest === currentDigest,
    staffOf: [...stored.staffOf],
    sessionVersion: stored.sessionVersion,
  };
}

/** The last token hashed: every staff request compares against it, so it is hashed once. */
let lastDigest = { token: '', digest: '' };

/** The current token's digest, or '' when there is no token (nobody is admin then). */
export const currentAdminDigest = (adminToken: string) => {
  if (adminToken.length === 0) return '';
  if (lastDigest.token !== adminToken)
    lastDigest = { token: adminToken, digest: adminDigestOf(adminToken) };
  return lastDigest.digest;
};

/**
 * Whether a browser's session (the version its cookie carries) is still the user's: sign-out
 * bumps the user's version. Undefined: the host has no sessions (WeChat: the account is the
 * identity).
 */
export const sessionIsCurrent = (user: Pick<UserRecord, 'sessionVersion'>, version?: number) =>
  version === undefined || version === user.sessionVersion;

/**
 * Role and communities as the client sees them; an admin is staff of every community. Someone
 * who is neither staff nor admin but volunteers somewhere (`volunteerOf`) is a volunteer.
 */
export async function identityOf(
  user: UserRecord,
  communities: CommunityRepo,
  volunteerOf: readonly string[] = [],
): Promise<Identity> {
  const volunteering = volunteerOf.length > 0 ? { volunteerOf: [...volunteerOf] } : {};
  if (user.admin) {
    const all = await communities.list();
    return { userId: user.id, role: 'admin', communities: all.map((c) => c.id), ...volunteering };
  }
  const role =
    user.staffOf.length > 0 ? 'staff' : volunteerOf.length > 0 ? 'volunteer' : 'resident';
  return { userId: user.id, role, communities: [...user.staffOf], ...volunteering };
}

export const isStaffOf = (user: UserRecord | null, community: string) =>
  Boolean(user && (user.admin || user.staffOf.includes(community)));

/** What redeeming reads of a stored invite. */
export interface StoredInvite {
  community: string;
  usedBy: string | null;
  /** ISO instant; an unreadable one counts as expired: an undated code is never accepted. */
  expiresAt: string;
  /** When an admin cancelled it (作废); null (or absent in older records) while not cancelled. */
  cancelledAt?: string | null;
}

/**
 * Redeeming a one-time invite: unknown, then used, then cancelled, then expired; otherwise its
 * community's.
 */
export function decideRedeem(invite: StoredInvite | null, now: Date): RedeemResult {
  if (!invite) return { ok: false, reason: 'unknown' };
  if (invite.usedBy) return { ok: false, reason: 'used' };
  if (invite.cancelledAt) return { ok: false, reason: 'cancelled' };
  if (!(Date.parse(invite.expiresAt) > now.getTime())) return { ok: false, reason: 'expired' };
  return { ok: true, community: invite.community };
}

/**
 * Cancelling (作废) an invite: only one that could still be redeemed; a used, cancelled or expired
 * one is refused with the same reasons redeeming gives, and nothing changes.
 */
export const decideCancelInvite = (invite: StoredInvite | null, now: Date): RedeemResult =>
  decideRedeem(invite, now);

/** Whether an invite is still open (unused, not cancelled, unexpired) at `now`. */
export const inviteIsOpen = (invite: StoredInvite, now: Date) => decideRedeem(invite, now).ok;

/** The invites still open at `now`, as the staff page lists them: newest first, then by code. */
export const openInvitesOf = (
  invites: ReadonlyArray<OpenInviteRecord & StoredInvite>,
  now: Date,
): OpenInviteRecord[] =>
  invites
    .filter((invite) => inviteIsOpen(invite, now))
    .map(({ code, community, createdBy, createdAt, expiresAt }) => ({
      code,
      community,
      createdBy,
      createdAt,
      expiresAt,
    }))
    .sort(
      (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.code < b.code ? -1 : 1),
    );

export type RevokeRefusal = 'self' | 'admin' | 'not-member';

/**
 * Who may revoke whom (the caller is an admin; dispatch checked): never oneself, never an admin
 * (admin comes from the ADMIN_TOKEN: rotating it demotes), and only a member of the community.
 */
export function decideRevoke(
  by: Pick<UserRecord, 'id'>,
  target: UserRecord | null,
  community: string,
): { ok: true } | { ok: false; reason: RevokeRefusal } {
  if (target && target.id === by.id) return { ok: false, reason: 'self' };
  if (target?.admin) return { ok: false, reason: 'admin' };
  if (!target || !target.staffOf.includes(community)) return { ok: false, reason: 'not-member' };
  return { ok: true };
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time comparison, so the admin secret cannot be guessed a character at a time. */
export const secretMatches = (given: string, secret: string) =>
  secret.length > 0 && timingSafeEqual(digest(given), digest(secret));

/** Letters and digits that cannot be misread aloud or on a screen (no 0/O, 1/I/L). */
const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const ALPHABET_SIZE = INVITE_ALPHABET.length;
const UNBIASED = 256 - (256 % ALPHABET_SIZE);

/** A one-time invite code, short enough to read out over the phone: 10 characters, ~49 bits. */
export const newInviteCode = () => newCode(10);

/** A code in the same unambiguous alphabet, e.g. an activity's 6-character check-in code. */
export function newCode(length: number): string {
  let code = '';
  while (code.length < length) {
    for (const byte of pooledRandomBytes(length)) {
      // Bytes past the last whole multiple of the alphabet would favour its first letters.
      if (byte < UNBIASED && code.length < length) code += INVITE_ALPHABET[byte % ALPHABET_SIZE];
    }
  }
  return code;
}

export const INVITE_DAYS = 7;

/**
 * Erasing a resident deletes their user record, whose id is what links them to everything else;
 * an admin's or a staff member's record is staff data (their sign-in), never a resident's erase.
 */
export const forgettableUser = (user: StoredUser | null): user is StoredUser =>
  user !== null && user.adminDigest === null && user.staffOf.length === 0;
