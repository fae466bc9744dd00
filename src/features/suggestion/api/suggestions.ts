import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Solved, SubmitSuggestionInput, Suggestion, EchoWall } from '@/types/contract';

/**
 * Files a suggestion. A retry with the same requestId answers the suggestion the first attempt
 * filed, with its receipt number.
 */
export function submitSuggestion(input: SubmitSuggestionInput): Promise<Suggestion> {
  return call('suggestion.submit', input);
}

/** H5: uploads a photo (base64) to the local host; the answer is the reference to submit. */
export function uploadSuggestionPhoto(community: string, data: string): Promise<string> {
  return call('suggestion.uploadPhoto', { community, data }).then((r) => r.photo);
}

/** Mini-program: registers a photo it put in cloud storage; the answer is the reference to submit. */
export function registerSuggestionPhoto(community: string, file: string): Promise<string> {
  return call('suggestion.uploadPhoto', { community, file }).then((r) => r.photo);
}

/** All my suggestions with the community's answers, newest first. */
export function getMySuggestions(): Promise<Suggestion[]> {
  return call('suggestion.mine', {});
}

const MINE = 'mine';

export function useMySuggestions(enabled = true): Remote<Suggestion[]> {
  return useRemote(enabled ? MINE : null, getMySuggestions);
}

/** The 回音墙 (echo wall): changes made and answered suggestions, no personal data; and the categories. */
export function getEchoWall(community: string): Promise<EchoWall> {
  return call('suggestion.echoWall', { community });
}

/** The echo wall of `community` (null: nothing to load). */
export function useEchoWall(community: string | null): Remote<EchoWall> {
  return useRemote(community, getEchoWall);
}

/** Asks the community to look at an answered suggestion again (within 30 days of the answer). */
export function reopenSuggestion(id: string): Promise<Suggestion> {
  return call('suggestion.reopen', { id });
}

/** Tells the community whether its answer solved the problem. */
export function answerSolved(id: string, solved: Solved): Promise<Suggestion> {
  return call('suggestion.answerSolved', { id, solved });
}
