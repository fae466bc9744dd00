import Taro from '@tarojs/taro';

// Failures (e.g. vibration off in system settings) are ignored: the screen already says it all.
const ignore = () => undefined;

/** "It is your turn": WeChat's long vibration (400 ms). */
export function vibrateLong(): void {
  Taro.vibrateLong().catch(ignore);
}

/** "Almost your turn": one short, strong buzz. */
export function vibrateShort(): void {
  Taro.vibrateShort({ type: 'heavy' }).catch(ignore);
}
