export * from './entry';
export { getEveningReport, setCosts, exportReport, getOverview } from './api/report';
export { ReportDesk } from './components/report-desk';
export type { ReportDeskProps } from './components/report-desk';
export { useReport } from './hooks/use-report';
export type { ReportState } from './hooks/use-report';
export { useEveningDate } from './hooks/use-evening-date';
export type { EveningDate } from './hooks/use-evening-date';
