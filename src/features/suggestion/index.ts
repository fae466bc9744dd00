export * from './entry';
export {
  answerSolved,
  getMySuggestions,
  getEchoWall,
  reopenSuggestion,
  submitSuggestion,
  uploadSuggestionPhoto,
  useMySuggestions,
  useEchoWall,
} from './api/suggestions';
export { StatusBadge } from './components/status-badge';
export { SubmitResult } from './components/submit-result';
export type { SubmitResultProps } from './components/submit-result';
export { SuggestionCard } from './components/suggestion-card';
export type { SuggestionCardProps } from './components/suggestion-card';
export { SuggestionForm } from './components/suggestion-form';
export type { SuggestionFormProps } from './components/suggestion-form';
export { EchoWallView } from './components/echo-wall';
export type { EchoWallViewProps } from './components/echo-wall';
export { useMySuggestionList } from './hooks/use-my-suggestions';
export type { MySuggestionsState } from './hooks/use-my-suggestions';
export { useSubmitSuggestion } from './hooks/use-submit-suggestion';
export type { SubmitSuggestionState } from './hooks/use-submit-suggestion';
export { useSuggestionActions } from './hooks/use-suggestion-actions';
export type { SuggestionAction, SuggestionActions } from './hooks/use-suggestion-actions';
export {
  checkDraft,
  CATEGORY_REQUIRED,
  EMPTY_DRAFT,
  TEXT_REQUIRED,
  TEXT_TOO_LONG,
} from './model/suggestion-form';
export type { PickedPhoto, SuggestionDraft, SuggestionErrors } from './model/suggestion-form';
export {
  ANSWERED_STATUSES,
  changeLine,
  isAnswered,
  receiptsLine,
  SOLVED_CHOICES,
  STATUS_WORDS,
  TEXT_MAX,
} from './model/suggestion-text';
