export * from './entry';
export { requestCompanion } from './api/request-companion';
export { useCompanionRequest } from './hooks/use-companion-request';
export type { CompanionRequestState } from './hooks/use-companion-request';
export { ABOUT_MAX, NOTE_MAX } from './model/about';
