/**
 * The part of the suggestion feature the tonight page uses. It is the only part in the weapp main
 * package (which residents download first, and WeChat caps): importing index.ts there instead
 * would pull the suggestion, 我的建议 and 回音墙 screens out of the package-suggestion subpackage.
 */
export { SuggestionTonightCard } from './components/tonight-card';
export type { SuggestionTonightCardProps } from './components/tonight-card';
export {
  echoWallUrl,
  mySuggestionsUrl,
  submitUrl,
  ECHO_WALL_PAGE,
  MY_SUGGESTIONS_PAGE,
  SUGGESTION_SUBMIT_PAGE,
} from './model/urls';
