import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Identity } from '../../contract/staff';
import type { CommunityRepo, RedeemResult, UserRecord } from './ports';

/** Role and communities as the client sees them; an admin is staff of every community. */
export async function identityOf(user: UserRecord, communities: CommunityRepo): Promise<Identity> {
  if (user.admin) {
    const all = await communities.list();
    return { userId: user.id, role: 'admin', communities: all.map((c) => c.id) };
  }
  return {
    userId: user.id,
    role: user.staffOf.length > 0 ? 'staff' : 'resident',
    communities: [...user.staffOf],
  };
}

export const isStaffOf = (user: UserRecord | null, community: string) =>
  Boolean(user && (user.admin || user.staffOf.includes(community)));

/** What redeeming reads of a stored invite. */
export interface StoredInvite {
  community: string;
  usedBy: string | null;
  /** ISO instant; an unreadable one counts as expired: an undated code is never accepted. */
  expiresAt: string;
}

/** Redeeming a one-time invite: unknown, then used, then expired; otherwise its community's. */
export function decideRedeem(invite: StoredInvite | null, now: Date): RedeemResult {
  if (!invite) return { ok: false, reason: 'unknown' };
  if (invite.usedBy) return { ok: false, reason: 'used' };
  if (!(Date.parse(invite.expiresAt) > now.getTime())) return { ok: false, reason: 'expired' };
  return { ok: true, community: invite.community };
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Constant-time comparison, so the admin secret cannot be guessed a character at a time. */
export const secretMatches = (given: string, secret: string) =>
  secret.length > 0 && timingSafeEqual(digest(given), digest(secret));

/** Letters and digits that cannot be misread aloud or on a screen (no 0/O, 1/I/L). */
const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A one-time invite code, short enough to read out over the phone: 10 characters, ~49 bits. */
export const newInviteCode = () => newCode(10);

/** A code in the same unambiguous alphabet, e.g. an activity's 6-character check-in code. */
export const newCode = (length: number) =>
  Array.from({ length }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');

export const INVITE_DAYS = 7;

/**
 * Erasing a resident deletes their user record, whose id is what links them to everything else;
 * an admin's or a staff member's record is staff data (their sign-in), never a resident's erase.
 */
export const forgettableUser = (user: UserRecord | null): user is UserRecord =>
  user !== null && !user.admin && user.staffOf.length === 0;
