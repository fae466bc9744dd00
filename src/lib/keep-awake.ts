/**
 * Keeps the phone's screen on while something holds it (a resident's ticket is waiting): a call
 * on a screen that went dark is not seen. H5 uses the Screen Wake Lock API where the browser has
 * it; keep-awake.weapp.ts is the mini-program twin. Holds are counted, so pages handing over to
 * each other never switch the screen off in between.
 */
let holds = 0;
let sentinel: WakeLockSentinel | null = null;
let asking = false;

function wakeLock(): WakeLock | null {
  if (typeof navigator === 'undefined') return null;
  return (navigator as Navigator & { wakeLock?: WakeLock }).wakeLock ?? null;
}

function acquire(): void {
  const api = wakeLock();
  if (!api || asking || (sentinel && !sentinel.released)) return;
  // Only a visible document may hold the lock; visibilitychange asks again.
  if (typeof document !== 'undefined' && document.visibilityState !== 'visible') return;
  asking = true;
  api
    .request('screen')
    .then((lock) => {
      if (holds > 0) sentinel = lock;
      else void lock.release().catch(() => undefined);
    })
    // Refused (battery saver, a policy): the screen may go dark, the call still shows on wake.
    .catch(() => undefined)
    .finally(() => {
      asking = false;
    });
}

// The browser drops the lock whenever the page is hidden: ask again when it is back.
function onVisible(): void {
  if (holds > 0 && document.visibilityState === 'visible') acquire();
}

/** Keeps the screen on until the returned function is called. */
export function holdScreenOn(): () => void {
  holds += 1;
  if (holds === 1 && typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onVisible);
  }
  acquire();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    if (holds > 0) return;
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', onVisible);
    }
    const lock = sentinel;
    sentinel = null;
    void lock?.release().catch(() => undefined);
  };
}
