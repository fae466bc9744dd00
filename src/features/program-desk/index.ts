export { listRounds, openRound, enterPaperVotes, closeRound, publishMenu } from './api/survey';
export { getEveningReport, setCosts, exportReport, getOverview } from './api/report';
export {
  getEveningRoster,
  assignShift,
  logShiftEnd,
  assignCompanion,
  getMyBalance,
  requestLeave,
  pendingLeave,
  decideLeave,
} from './api/roster';
export { SurveyDesk } from './components/survey-desk';
export type { SurveyDeskProps } from './components/survey-desk';
export { ReportDesk } from './components/report-desk';
export type { ReportDeskProps } from './components/report-desk';
export { RosterDesk } from './components/roster-desk';
export type { RosterDeskProps } from './components/roster-desk';
export { useSurveyDesk } from './hooks/use-survey-desk';
export type { SurveyDeskState } from './hooks/use-survey-desk';
export { useReport } from './hooks/use-report';
export type { ReportState } from './hooks/use-report';
export { useRoster } from './hooks/use-roster';
export type { RosterState } from './hooks/use-roster';
export { useEveningDate } from './hooks/use-evening-date';
export type { EveningDate } from './hooks/use-evening-date';
export {
  REPORT_PAGE,
  reportUrl,
  ROSTER_PAGE,
  rosterUrl,
  SURVEY_PAGE,
  surveyUrl,
} from './model/urls';
