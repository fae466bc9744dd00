/** Contract of the `suggestion` function: residents' suggestions, replies and the echo wall. */

import type { Solved } from './followup';

/** A service id of the community, or 'hours', 'environment' or 'other' (names in the board). */
export type SuggestionCategory = string;

export type SuggestionStatus =
  'received' | 'reviewing' | 'adopted' | 'answered' | 'not-adopted' | 'merged';

export interface SubmitSuggestionInput {
  community: string;
  category: SuggestionCategory;
  text: string;
  /** From `suggestion.uploadPhoto` (local) or a cloud fileID. */
  photo?: string;
  followupId?: string;
  requestId: string;
}

export interface Suggestion {
  id: string;
  /** The number a resident quotes: "JS-1202-003". */
  receipt: string;
  community: string;
  category: SuggestionCategory;
  categoryName: string;
  text: string;
  photo: string | null;
  status: SuggestionStatus;
  reply: string | null;
  /** Why (for not adopted, or what "answered" means). */
  reason: string | null;
  /** The "you said, we did" entry it led to. */
  change: ChangeEntry | null;
  mergedInto: string | null;
  solved: Solved | null;
  /** Can the author still reopen it (within 30 days of the answer)? */
  reopenable: boolean;
  createdAt: string;
  answeredAt: string | null;
  /**
   * Where it got in 居民点单: 'voting' while a round has it, 'voted-in' once a published menu
   * has it (已列入点单); null when it was never proposed.
   */
  round: { title: string; status: 'voting' | 'voted-in' | 'not-chosen' } | null;
  /** The thread, oldest first: visit → call → suggestion → answer → vote → new service. */
  thread: SuggestionStep[];
}

export interface SuggestionStep {
  kind: 'visit' | 'call' | 'suggestion' | 'reply' | 'round' | 'menu' | 'service';
  /** ISO (+08:00). */
  at: string;
  text: string;
}

/** A suggestion as staff triage it. */
export interface StaffSuggestion extends Suggestion {
  /** "居民（尾号 xxxx）", or the name from the call. */
  author: string;
  resident: string | null;
  source: 'resident' | 'call';
  followupId: string | null;
}

export interface ReplyInput {
  id: string;
  status: 'reviewing' | 'adopted' | 'answered' | 'not-adopted';
  reply: string;
  reason?: string;
}

export interface MergeInput {
  id: string;
  /** The suggestion it duplicates. */
  into: string;
}

export interface LogChangeInput {
  community: string;
  /** What changed, e.g. "周三延时服务增加康复理疗". */
  title: string;
  detail: string;
  /** Since when, "YYYY-MM-DD". */
  since: string;
  suggestionIds: string[];
}

export interface ChangeEntry {
  id: string;
  title: string;
  detail: string;
  since: string;
  /** Receipts of the suggestions it answers. */
  receipts: string[];
  createdAt: string;
}

/** The public board: no names, no phone numbers, nothing personal. */
export interface EchoWall {
  community: { id: string; name: string };
  answered: Array<{
    receipt: string;
    categoryName: string;
    text: string;
    status: SuggestionStatus;
    reply: string | null;
    reason: string | null;
    answeredAt: string | null;
  }>;
  changes: ChangeEntry[];
  categories: Array<{ id: string; name: string }>;
}
