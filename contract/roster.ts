/**
 * Contract of the `roster` function: 伴 (who accompanies whom: staff shifts and residents'
 * companion requests) and 调休 (comp time for evening hours).
 */

export interface Shift {
  id: string;
  community: string;
  date: string;
  worker: string;
  name: string;
  /** Planned hours, "HH:mm". */
  start: string;
  end: string;
  /** When the worker actually left, logged after the evening; null until then. */
  loggedEnd: string | null;
  /** Minutes after 17:00 that accrue as comp time (from the logged end, else 0). */
  compMinutes: number;
}

export interface AssignShiftInput {
  community: string;
  date: string;
  /** The staff member's user id, picked from staff.directory; omit for oneself. */
  worker?: string;
  /** Shown on the roster; omit to use the worker's display name from the directory. */
  name?: string;
  start: string;
  end: string;
}

/** What a companion request is for: the resident's ticket or booking. */
export type CompanionKind = 'ticket' | 'booking';

export type CompanionStatus = 'waiting' | 'assigned' | 'done';

export interface CompanionRequest {
  id: string;
  community: string;
  date: string;
  /** The ticket or booking it travels with; null for requests made before they did. */
  kind: CompanionKind | null;
  ref: string | null;
  /** What the resident is there for, e.g. "取号 A012 健康检测" or "预约 政务服务 19:00". */
  about: string;
  /** Sensitive (e.g. a hearing impairment): staff views only, erased with the resident's data. */
  note: string;
  /** The worker accompanying; null until assigned. */
  worker: string | null;
  workerName: string | null;
  status: CompanionStatus;
  createdAt: string;
}

/** The resident's own request as their ticket or booking shows it: no staff ids. */
export interface MyCompanion {
  id: string;
  kind: CompanionKind | null;
  ref: string | null;
  about: string;
  note: string;
  status: CompanionStatus;
  /** "李社工" once someone is assigned. */
  workerName: string | null;
}

/** The need as the desk calling the resident sees it, on the queue desk's ticket row. */
export interface TicketCompanion {
  id: string;
  status: CompanionStatus;
  note: string;
  workerName: string | null;
}

export interface RequestCompanionInput {
  kind: CompanionKind;
  /** The ticket's or booking's id: the server reads the evening, the community and the "about". */
  ref: string;
  /** e.g. "听障，请用文字沟通". */
  note?: string;
}

export interface CompanionOfInput {
  kind: CompanionKind;
  ref: string;
}

export interface EveningRoster {
  community: string;
  date: string;
  shifts: Shift[];
  companions: CompanionRequest[];
}

export interface LeaveRequest {
  id: string;
  worker: string;
  name: string;
  community: string;
  date: string;
  minutes: number;
  note: string;
  status: 'pending' | 'approved' | 'refused';
  createdAt: string;
}

export interface CompBalance {
  accruedMinutes: number;
  takenMinutes: number;
  pendingMinutes: number;
  balanceMinutes: number;
  shifts: Shift[];
  leave: LeaveRequest[];
  companions: CompanionRequest[];
}
