export * from './entry';
export {
  getEveningReport,
  setCosts,
  exportReport,
  getOverview,
  getSubdistrict,
  exportSubdistrict,
  getPoster,
} from './api/report';
export { ReportDesk } from './components/report-desk';
export type { ReportDeskProps } from './components/report-desk';
export { useReport } from './hooks/use-report';
export type { ReportState } from './hooks/use-report';
export { useEveningDate } from './hooks/use-evening-date';
export type { EveningDate } from './hooks/use-evening-date';
export { SubdistrictView } from './components/subdistrict-view';
export type { SubdistrictViewProps } from './components/subdistrict-view';
export { PosterView } from './components/poster-view';
export { useSubdistrict, usePoster } from './hooks/use-subdistrict';
export type { SubdistrictState } from './hooks/use-subdistrict';
