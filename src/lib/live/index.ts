export { useLineFeed } from './use-line-feed';
export { isNewerLine, lineKey } from './types';
export type { LineFeedHandlers, Unsubscribe } from './types';
