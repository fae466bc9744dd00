/**
 * The part of the voice feature the tonight page uses. It is the only part in the weapp main
 * package (which residents download first, and WeChat caps): importing index.ts there instead
 * would pull the suggestion, 我的建议 and 回音墙 screens out of the package-voice subpackage.
 */
export { VoiceCard } from './components/voice-card';
export type { VoiceCardProps } from './components/voice-card';
export {
  mySuggestionsUrl,
  submitUrl,
  echoWallUrl,
  ECHO_WALL_PAGE,
  VOICE_MINE_PAGE,
  VOICE_SUBMIT_PAGE,
} from './model/urls';
