export {
  getCallList,
  recordCall,
  getFollowUpRules,
  configureFollowUp,
  getTimeline,
} from './api/follow-ups';
export {
  listSuggestions,
  replySuggestion,
  mergeSuggestion,
  logChange,
  getCategories,
} from './api/suggestions';
export { CallDesk } from './components/call-desk';
export type { CallDeskProps } from './components/call-desk';
export { SuggestionDesk } from './components/suggestion-desk';
export type { SuggestionDeskProps } from './components/suggestion-desk';
export { TimelineView } from './components/timeline-view';
export type { TimelineViewProps } from './components/timeline-view';
export { useCallDesk } from './hooks/use-call-desk';
export type { CallDeskState } from './hooks/use-call-desk';
export { useSuggestionDesk } from './hooks/use-suggestion-desk';
export type { SuggestionDeskState } from './hooks/use-suggestion-desk';
export { useTimeline } from './hooks/use-timeline';
export {
  CALLS_PAGE,
  callsUrl,
  SUGGESTIONS_PAGE,
  suggestionsUrl,
  TIMELINE_PAGE,
  timelineUrl,
} from './model/urls';
