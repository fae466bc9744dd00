/**
 * Vibration in H5 (vibrate.weapp.ts is the mini-program twin). Many browsers (iOS Safari) have no
 * Vibration API: vibration is always an extra, never the only signal.
 */
function vibrate(pattern: number | number[]): void {
  try {
    if (typeof navigator !== 'undefined') navigator.vibrate?.(pattern);
  } catch {
    // a blocked or missing API changes nothing on screen
  }
}

/**
 * "It is your turn": three long pulses, felt in a coat pocket or a noisy hall, and known for
 * what they are.
 */
export const CALL_PATTERN = [600, 300, 600, 300, 600];

/** The pattern starts again this often until the resident has seen the call. */
export const CALL_REPEAT_MS = 5_000;

/**
 * Starts the call's pattern, repeated every CALL_REPEAT_MS; the returned function stops it (the
 * resident tapped 我知道了, or the ticket was served or cancelled).
 */
export function vibrateCall(): () => void {
  vibrate(CALL_PATTERN);
  const timer = setInterval(() => vibrate(CALL_PATTERN), CALL_REPEAT_MS);
  return () => {
    clearInterval(timer);
    vibrate(0);
  };
}

/** "Almost your turn": two firm pulses, clearly felt, and unlike the call's rhythm. */
export const NEAR_PATTERN = [400, 200, 400];

export function vibrateNear(): void {
  vibrate(NEAR_PATTERN);
}

/** A short confirmation (a check-in went through). */
export function vibrateShort(): void {
  vibrate(200);
}
