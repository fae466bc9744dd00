/**
 * Contract of the `survey`, `report` and `roster` functions: 居民点单 (residents choose the
 * services), 社区买单 (what each evening delivered, and what it cost), 伴 (who accompanies whom)
 * and 调休 (comp time for evening hours).
 */
import type { ServiceKind } from './community';

// ── 居民点单: demand rounds ───────────────────────────────────────────────

export interface Candidate {
  /** A service id ("paperwork") for current services; a new id for proposals. */
  id: string;
  name: string;
  kind: ServiceKind;
  description: string;
  source: 'current' | 'proposal' | 'suggestion';
}

export type RoundStatus = 'open' | 'closed' | 'published';

export interface RankedCandidate extends Candidate {
  votes: number;
  /** Paper votes among `votes`. */
  paperVotes: number;
  /** 1-based, ties share a rank ("1, 2, 2, 4"). */
  rank: number;
  /** Within the top eight by rank (all tied at the cut are in). */
  proposed: boolean;
}

export interface Round {
  id: string;
  community: string;
  title: string;
  maxChoices: number;
  /** Last day of voting, "YYYY-MM-DD" (Asia/Shanghai, inclusive). */
  closesOn: string;
  status: RoundStatus;
  /** Residents (and paper ballots) who voted. */
  voters: number;
  ranking: RankedCandidate[];
  /** True when candidates tie across the eighth place: staff decide. */
  tieAtCut: boolean;
  /** The caller's own choices, when the caller is known and voted. */
  mine: string[] | null;
  /** Menu published from this round (candidate ids), once published. */
  menu: string[] | null;
}

export interface OpenRoundInput {
  community: string;
  title: string;
  maxChoices: number;
  closesOn: string;
  /** Proposals added to the current services; each needs a kind. */
  proposals: Array<{ name: string; kind: ServiceKind; description: string; suggestionId?: string }>;
}

export interface VoteInput {
  roundId: string;
  choices: string[];
}

export interface PaperVotesInput {
  roundId: string;
  choices: string[];
  /** How many paper ballots had exactly these choices. */
  copies: number;
  requestId: string;
}

export interface PublishMenuInput {
  roundId: string;
  /** At most eight candidate ids, in display order. */
  menu: string[];
}

// ── 社区买单: the evening report ──────────────────────────────────────────

export interface ServiceFigures {
  service: string;
  name: string;
  kind: ServiceKind | 'activity';
  /** 人次: visits served (a completed ticket or booking, an attended activity). */
  visits: number;
  /** 人: distinct residents among those visits (one resident served twice counts once). */
  people: number;
  tickets: number;
  bookings: number;
  noShows: number;
  /** Minutes from taking a number to being called; null without data. */
  waitMedian: number | null;
  waitP90: number | null;
  /** Minutes at the desk. */
  serviceMedian: number | null;
  attendance: number;
  /** Follow-up answers about this service's residents. */
  satisfaction: { satisfied: number; mostly: number; unsatisfied: number };
  suggestions: { received: number; answered: number };
  /** Yuan per visit served (人次), set by staff; null when not set. */
  unitCost: number | null;
  cost: number | null;
}

/** An evening's visits and distinct residents: people across services are counted once. */
export interface ServedCount {
  /** 人次. */
  visits: number;
  /** 人. */
  people: number;
}

export interface EveningReport {
  community: { id: string; name: string };
  date: string;
  services: ServiceFigures[];
  totals: ServedCount & { cost: number | null };
  /** The same evening a week earlier, for the trend. */
  previous: ServedCount & {
    date: string;
    cost: number | null;
    /** Visits (人次) per service id. */
    byService: Record<string, number>;
  };
}

export interface ReportCsv {
  filename: string;
  csv: string;
}

export interface SetCostsInput {
  community: string;
  /** Yuan per visit served (人次), per service id ("activity" for activities). */
  costs: Record<string, number>;
}

export interface Overview {
  date: string;
  communities: Array<
    ServedCount & {
      id: string;
      name: string;
      cost: number | null;
      date: string;
    }
  >;
}

// ── 伴 and 调休: roster, companions, comp time ─────────────────────────────

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
