export * from './entry';
export { listRounds, openRound, enterPaperVotes, closeRound, publishMenu } from './api/survey';
export { SurveyDesk } from './components/survey-desk';
export type { SurveyDeskProps } from './components/survey-desk';
export { useSurveyDesk } from './hooks/use-survey-desk';
export type { SurveyDeskState } from './hooks/use-survey-desk';
