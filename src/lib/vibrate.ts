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
 * "It is your turn": five long pulses over four seconds. One buzz is easily missed in a coat
 * pocket or a noisy hall; a rhythm is felt and known for what it is.
 */
export const CALL_PATTERN = [600, 300, 600, 300, 600, 300, 600, 300, 600];

/** Starts the call's pattern; the returned function stops it (the resident has seen the call). */
export function vibrateCall(): () => void {
  vibrate(CALL_PATTERN);
  return () => vibrate(0);
}

/** "Almost your turn": one short buzz. */
export function vibrateShort(): void {
  vibrate(200);
}
