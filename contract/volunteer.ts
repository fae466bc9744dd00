/**
 * Contract of the `volunteer` function: partner organisations (志愿服务队、社会组织), volunteers
 * invited into a community, their sign-ups for a service on an evening, their hours (志愿时长) and
 * the CSV for the volunteer platform.
 */
import type { LineState } from './queue';

export type OrgKind = '志愿服务队' | '社会组织' | '其他';

export interface Org {
  id: string;
  community: string;
  name: string;
  kind: OrgKind;
  /** How staff reach the organisation, e.g. "王老师 13812345678"; staff views only. */
  contact: string;
}

export interface SaveOrgInput {
  community: string;
  /** Omit to add a new organisation. */
  id?: string;
  name: string;
  kind: OrgKind;
  contact?: string;
}

export interface VolunteerInviteInput {
  community: string;
  /** The organisation the volunteer serves with; omit for an individual volunteer. */
  org?: string;
  /** How the volunteer appears on the roster and in the CSV, e.g. "张志愿". */
  name: string;
}

export interface VolunteerInvite {
  code: string;
  community: string;
  name: string;
  orgName: string | null;
  /** ISO instant after which the code no longer works. */
  expiresAt: string;
}

/** A volunteer of a community as staff list them. */
export interface Volunteer {
  userId: string;
  community: string;
  name: string;
  org: string | null;
  orgName: string | null;
  /** ISO instant the invite was redeemed. */
  since: string;
}

/** A volunteer's sign-up for one service on one evening, and the hours logged for it. */
export interface VolunteerShift {
  id: string;
  community: string;
  date: string;
  service: string;
  serviceName: string;
  name: string;
  orgName: string | null;
  /** Minutes served, confirmed by staff after the evening; null until then. */
  minutes: number | null;
}

export interface VolunteerSignUpInput {
  community: string;
  date: string;
  service: string;
}

/** The volunteer's own page: where they serve, what they signed up for, their hours. */
export interface VolunteerHome {
  memberships: Volunteer[];
  /** Sign-ups from today on, soonest first. */
  upcoming: VolunteerShift[];
  /** Every sign-up with logged hours, latest first. */
  past: VolunteerShift[];
  totalMinutes: number;
}

/** What a volunteer sees at the desk of the line they serve tonight: no names, no phones. */
export interface VolunteerDesk {
  shift: VolunteerShift;
  /**
   * The line as the board shows it (labels and counts only); null for a service without numbers
   * (预约 or drop-in: the volunteer serves, staff keep the desk).
   */
  line: LineState | null;
}

export interface RevokeVolunteerInput {
  community: string;
  userId: string;
}

/** A revoked volunteer: how many of their sign-ups ahead were withdrawn (hours stay). */
export interface VolunteerRevoked {
  userId: string;
  community: string;
  withdrawn: number;
}

export interface CancelVolunteerInviteInput {
  community: string;
  code: string;
}

export interface CancelSignUpInput {
  shiftId: string;
}

export interface SignUpCancelled {
  id: string;
  cancelled: true;
}

export interface LogHoursInput {
  shiftId: string;
  minutes: number;
}

export interface HoursCsvInput {
  community: string;
  /** Inclusive dates, "YYYY-MM-DD". */
  from: string;
  to: string;
}

export interface HoursCsv {
  filename: string;
  csv: string;
}

/** Who serves a service tonight, as the tonight page says it: "义剪 — 姑苏区某志愿服务队". */
export interface ServedBy {
  service: string;
  serviceName: string;
  /** The organisation's name, or "志愿者" for individuals. */
  by: string;
}
