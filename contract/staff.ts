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

/** A colleague as staff pick them: on the roster form and the companion assignment. */
export interface StaffMember {
  userId: string;
  /** The display name the worker set, else "社工（尾号 1234）". */
  name: string;
  /** False while the worker has not set a name (the name is the fallback). */
  named: boolean;
}

export interface DirectoryInput {
  community: string;
}

export interface SetNameInput {
  /** How colleagues and residents see the worker, e.g. "李社工". */
  name: string;
}
