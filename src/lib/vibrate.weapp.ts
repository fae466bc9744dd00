import Taro from '@tarojs/taro';

// Failures (e.g. vibration off in system settings) are ignored: the screen already says it all.
const ignore = () => undefined;

/** WeChat has no patterns: its long vibration (400 ms) repeated, like H5's CALL_PATTERN. */
export const CALL_PULSES = 5;
export const CALL_PULSE_EVERY_MS = 700;

/**
 * "It is your turn": five long pulses (one buzz is easily missed in a pocket or a noisy hall).
 * The returned function stops the pulses still to come.
 */
export function vibrateCall(): () => void {
  let left = CALL_PULSES;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pulse = () => {
    Taro.vibrateLong().catch(ignore);
    left -= 1;
    if (left > 0) timer = setTimeout(pulse, CALL_PULSE_EVERY_MS);
  };
  pulse();
  return () => clearTimeout(timer);
}

/** "Almost your turn": one short, strong buzz. */
export function vibrateShort(): void {
  Taro.vibrateShort({ type: 'heavy' }).catch(ignore);
}
