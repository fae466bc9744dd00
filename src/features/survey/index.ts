export * from './entry';
export { getCurrentRound, useCurrentRound, voteInSurvey } from './api/survey';
export type { CurrentRound } from './api/survey';
export { BallotForm } from './components/ballot-form';
export type { BallotFormProps } from './components/ballot-form';
export { PublishedMenu } from './components/published-menu';
export { RankingList } from './components/ranking-list';
export type { RankingListProps } from './components/ranking-list';
export { RoundView } from './components/round-view';
export type { RoundViewProps } from './components/round-view';
export { CHANGED_MESSAGE, useBallot, VOTED_MESSAGE } from './hooks/use-ballot';
export type { BallotState } from './hooks/use-ballot';
export { useSurveyRound } from './hooks/use-survey-round';
export type { SurveyRoundState } from './hooks/use-survey-round';
export { ballotOrder, barPercent, toggleChoice } from './model/ballot';
export type { Toggled } from './model/ballot';
export {
  counterText,
  menuOf,
  mineLine,
  NONE_CHOSEN_MESSAGE,
  overMaxMessage,
  paperText,
  rulesLine,
  SOURCE_WORDS,
  votersLine,
  votesText,
} from './model/survey-text';
