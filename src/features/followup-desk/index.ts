export * from './entry';
export {
  getCallList,
  recordCall,
  getFollowUpRules,
  configureFollowUp,
  getTimeline,
} from './api/follow-ups';
export { CallDesk } from './components/call-desk';
export type { CallDeskProps } from './components/call-desk';
export { TimelineView } from './components/timeline-view';
export type { TimelineViewProps } from './components/timeline-view';
export { useCallDesk } from './hooks/use-call-desk';
export type { CallDeskState } from './hooks/use-call-desk';
export { useTimeline } from './hooks/use-timeline';
