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

/** "It is your turn": long, twice. */
export function vibrateLong(): void {
  vibrate([400, 200, 400]);
}

/** "Almost your turn": one short buzz. */
export function vibrateShort(): void {
  vibrate(200);
}
