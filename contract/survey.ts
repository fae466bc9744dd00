/** Contract of the `survey` function: 居民点单, the demand rounds residents vote in and the menu. */
import type { ServiceKind } from './community';

export interface Candidate {
  /** A service id ("paperwork") for current services; a new id for proposals. */
  id: string;
  name: string;
  kind: ServiceKind;
  description: string;
  source: 'current' | 'proposal' | 'suggestion';
  /** For source 'suggestion': the adopted suggestion it came from (absent in older rounds). */
  suggestionId?: string | null;
}

/** An adopted suggestion offered to staff opening a round: one tap makes it a proposal. */
export interface AdoptedProposal {
  suggestionId: string;
  receipt: string;
  /** The suggestion's words, for staff to recognise it. */
  text: string;
  /** The proposal it becomes, ready to send (staff may edit the name). */
  proposal: { name: string; kind: ServiceKind; description: string; suggestionId: string };
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

/** A ballot as staff review it (选票核查): no voter identity, only what it looks like. */
export interface BallotView {
  /** Stable per round and voter, not reversible to the voter: what voidBallot takes. */
  ref: string;
  /** When it was cast or last changed (ISO instant). */
  at: string;
  /** WeChat account, browser (a cookie), or paper typed in by staff. */
  kind: 'wechat' | 'browser' | 'paper';
  /** Candidate names, in the round's order. */
  choices: string[];
  /** One of a burst: many online ballots with the same choices within minutes. */
  burst: boolean;
  voided: boolean;
}

export interface BallotReview {
  roundId: string;
  /** Flagged ballots first, then the newest. */
  ballots: BallotView[];
  counted: number;
  voided: number;
  flagged: number;
}

export interface VoidBallotInput {
  roundId: string;
  ref: string;
  /** true voids it, false counts it again. */
  voided: boolean;
}
