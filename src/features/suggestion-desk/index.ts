export * from './entry';
export {
  listSuggestions,
  replySuggestion,
  mergeSuggestion,
  logChange,
  getCategories,
} from './api/suggestions';
export { SuggestionDesk } from './components/suggestion-desk';
export type { SuggestionDeskProps } from './components/suggestion-desk';
export { useSuggestionDesk } from './hooks/use-suggestion-desk';
export type { SuggestionDeskState } from './hooks/use-suggestion-desk';
