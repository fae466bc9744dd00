/** Contract of the `staff` function and of the local host's session endpoint. */

/** A volunteer (志愿者) serves one service on the evenings they sign up for, and nothing else. */
export type Role = 'resident' | 'volunteer' | 'staff' | 'admin';

/** Who the caller is: `GET /api/session` and `staff.me` both return this. */
export interface Identity {
  userId: string;
  role: Role;
  /** Communities the caller is staff of (admin: all; a volunteer: none). */
  communities: string[];
  /** Communities the caller volunteers in (role 'volunteer'; absent or empty otherwise). */
  volunteerOf?: string[];
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

export interface StaffListInput {
  community: string;
}

/** One worker of a community's team, as the staff page (社工管理) lists them. */
export interface TeamMember extends StaffMember {
  /** An admin (made with the current admin secret) works every community. */
  role: 'staff' | 'admin';
  /** ISO instant the membership (or the admin grant) began; null when not recorded. */
  since: string | null;
  /** True for the caller's own row. */
  you: boolean;
  /** True when the caller may revoke this worker (admins, for members other than themselves). */
  revocable: boolean;
}

/** An invite code that can still be redeemed. */
export interface OpenInvite extends Invite {
  /** ISO instant it was made. */
  createdAt: string;
}

/** `staff.list`: the community's team and, for admins only, its open invites. */
export interface StaffTeam {
  community: string;
  members: TeamMember[];
  /** Null for staff who are not admin: only admins see (and cancel) invite codes. */
  invites: OpenInvite[] | null;
}

export interface RevokeInput {
  community: string;
  userId: string;
}

export interface CancelInviteInput {
  code: string;
}

export interface SignedOut {
  /** The browser's identity is over; it continues as a new resident. */
  signedOut: true;
}
