/** Contract of the `staff` function and of the local host's session endpoint. */

export type Role = 'resident' | 'staff' | 'admin';

/** Who the caller is: `GET /api/session` and `staff.me` both return this. */
export interface Identity {
  userId: string;
  role: Role;
  /** Communities the caller is staff of (admin: all). */
  communities: string[];
}

export interface RedeemInput {
  /** The admin secret, or a one-time invite code from an admin. */
  code: string;
}

export interface InviteInput {
  community: string;
}

export interface Invite {
  code: string;
  community: string;
  /** ISO instant after which the code no longer works. */
  expiresAt: string;
}
