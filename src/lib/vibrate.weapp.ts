import Taro from '@tarojs/taro';

// Failures (e.g. vibration off in system settings) are ignored: the screen already says it all.
const ignore = () => undefined;

/**
 * WeChat has no patterns and only two strengths: its long vibration (400 ms) is the one felt in
 * a pocket, so a pattern is long vibrations in a row. The call is a burst of CALL_PULSES, started
 * again every CALL_REPEAT_MS until the resident has seen it.
 */
export const CALL_PULSES = 3;
export const CALL_PULSE_EVERY_MS = 700;
export const CALL_REPEAT_MS = 5_000;
/** "Almost your turn": two long vibrations, clearly felt (a vibrateShort is ~15 ms). */
export const NEAR_PULSES = 2;

/** `count` long vibrations CALL_PULSE_EVERY_MS apart; the returned function stops the rest. */
function pulses(count: number): () => void {
  let left = count;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pulse = () => {
    Taro.vibrateLong().catch(ignore);
    left -= 1;
    if (left > 0) timer = setTimeout(pulse, CALL_PULSE_EVERY_MS);
  };
  pulse();
  return () => clearTimeout(timer);
}

/**
 * "It is your turn": bursts of long vibrations until the returned function is called (我知道了,
 * or the ticket was served or cancelled).
 */
export function vibrateCall(): () => void {
  let stopBurst = pulses(CALL_PULSES);
  const timer = setInterval(() => {
    stopBurst();
    stopBurst = pulses(CALL_PULSES);
  }, CALL_REPEAT_MS);
  return () => {
    clearInterval(timer);
    stopBurst();
  };
}

export function vibrateNear(): void {
  pulses(NEAR_PULSES);
}

/** A short, strong confirmation (a check-in went through). */
export function vibrateShort(): void {
  Taro.vibrateShort({ type: 'heavy' }).catch(ignore);
}
