/** Contract of the `followup` function: 回访 calls and the resident's answers. */

import type { SuggestionCategory } from './suggestion';

export type Satisfaction = 'satisfied' | 'mostly' | 'unsatisfied';
export type Solved = 'yes' | 'partly' | 'no';
/** What one call attempt came to. */
export type CallOutcome = 'reached' | 'no-answer' | 'wrong-number' | 'declined';
/** call: staff phone the resident; message: the resident is asked in the app (no phone, or declined calls). */
export type FollowUpChannel = 'call' | 'message';
export type FollowUpStatus = 'open' | 'done' | 'closed';

export interface CallAttempt {
  outcome: CallOutcome;
  /** ISO (+08:00). */
  at: string;
  by: string;
}

export interface FollowUpResult {
  satisfaction: Satisfaction;
  solved: Solved;
  note: string;
}

/** A follow-up as the community's social workers see it. */
export interface FollowUpTask {
  id: string;
  community: string;
  /** The service evening it follows, "YYYY-MM-DD". */
  date: string;
  /** Due date, "YYYY-MM-DD" (Asia/Shanghai). */
  due: string;
  /** 'senior': the second call a senior worker makes after 不满意 or "not solved". */
  kind: 'first' | 'senior';
  channel: FollowUpChannel;
  status: FollowUpStatus;
  /** The resident: a name staff gave, or "居民（尾号 xxxx）". */
  name: string;
  /** The resident's id when known, for the timeline. */
  resident: string;
  /** Full number for dialling (staff only); null when there is none. */
  phone: string | null;
  /** What the resident used that evening, e.g. ["政务服务 19:00", "书法体验课"]. */
  services: string[];
  attempts: CallAttempt[];
  result: FollowUpResult | null;
  /** Why it closed without a result: '3 次未接通', '号码错误', '居民不愿回访'. */
  closedReason: string | null;
  suggestionId: string | null;
  /** The resident asked not to be called (不要电话回访): no phone shown, asked in the app. */
  noCalls: boolean;
}

export interface CallList {
  today: string;
  dueToday: FollowUpTask[];
  overdue: FollowUpTask[];
  /** Open tasks due later (not yet on the list). */
  upcoming: number;
  /** Closed or done in the last 7 days, newest first. */
  recent: FollowUpTask[];
}

export interface RecordCallInput {
  id: string;
  outcome: CallOutcome;
  satisfaction?: Satisfaction;
  solved?: Solved;
  note?: string;
  /** A suggestion the resident made on the call, filed on their behalf. */
  suggestion?: string;
  category?: SuggestionCategory;
}

/** Which services are followed up, and how many days after the evening. */
export interface FollowUpRule {
  /** A service id, or "activity" for notice activities. */
  service: string;
  name: string;
  followUp: boolean;
  delayDays: number;
}

export interface ConfigureFollowUpInput {
  community: string;
  service: string;
  followUp: boolean;
  delayDays: number;
}

/** What a resident sees: a question about an evening, or an invitation after a call. */
export interface ResidentFollowUp {
  id: string;
  community: string;
  communityName: string;
  date: string;
  services: string[];
  /** 'ask': answer in the app; 'invite': after the call, a suggestion is welcome. */
  kind: 'ask' | 'invite';
}

/** How a resident wants to be followed up; they change it any time. */
export interface ContactPreference {
  /** 不要电话回访: questions in the app only, never a call. */
  noCalls: boolean;
  /** When they last changed it (ISO +08:00); null before they chose. */
  updatedAt: string | null;
}

export interface SetContactInput {
  noCalls: boolean;
}

export interface AnswerFollowUpInput {
  id: string;
  satisfaction: Satisfaction;
  solved: Solved;
  note?: string;
}

export interface TimelineInput {
  community: string;
  resident: string;
}

export type TimelineEntry =
  | { kind: 'visit'; at: string; text: string }
  | { kind: 'follow-up'; at: string; text: string; id: string }
  | { kind: 'suggestion'; at: string; text: string; id: string }
  | { kind: 'reply'; at: string; text: string; id: string }
  // A suggestion proposed in a 居民点单 round, then voted in (or not) when it was published.
  | { kind: 'round'; at: string; text: string; id: string }
  | { kind: 'menu'; at: string; text: string; id: string }
  | { kind: 'change'; at: string; text: string; id: string };

export interface Timeline {
  resident: string;
  name: string;
  entries: TimelineEntry[];
}
