/** 居民点单: the staff side of the `survey` function. */
import { call } from '@/lib/gateway';
import type {
  AdoptedProposal,
  BallotReview,
  OpenRoundInput,
  PaperVotesInput,
  PublishMenuInput,
  Round,
} from '@/types/contract';

/** A community's rounds, newest first, each with its live ranking. */
export function listRounds(community: string): Promise<Round[]> {
  return call('survey.rounds', { community });
}

/** Adopted suggestions not yet a service nor in a round: each a proposal ready to add. */
export function listAdopted(community: string): Promise<AdoptedProposal[]> {
  return call('survey.adopted', { community });
}

/** Opens a round: the current services and the proposals are its candidates. */
export function openRound(input: OpenRoundInput): Promise<Round> {
  return call('survey.open', input);
}

/** A stack of identical paper ballots collected at the center. */
export function enterPaperVotes(input: PaperVotesInput): Promise<Round> {
  return call('survey.paper', input);
}

/** Ends voting before its last day. */
export function closeRound(roundId: string): Promise<Round> {
  return call('survey.close', { roundId });
}

/** Publishes the menu: the community's services become these candidates. */
export function publishMenu(input: PublishMenuInput): Promise<Round> {
  return call('survey.publish', input);
}

/** The round's ballots for review (选票核查): no identities, bursts flagged. */
export function loadBallots(roundId: string): Promise<BallotReview> {
  return call('survey.ballots', { roundId });
}

/** Voids a ballot (it stays listed, uncounted) or counts it again. */
export function voidBallot(roundId: string, ref: string, voided: boolean): Promise<BallotReview> {
  return call('survey.voidBallot', { roundId, ref, voided });
}
