export * from './entry';
export { getMyCompanion, requestCompanion } from './api/request-companion';
export { useCompanionRequest } from './hooks/use-companion-request';
export type { CompanionRequestState } from './hooks/use-companion-request';
export { NOTE_MAX } from './model/about';
