/**
 * Running a CloudBase transaction until it commits.
 *
 * wx-server-sdk's own retry on DATABASE_TRANSACTION_CONFLICT misses conflicts raised by a write
 * (its wrapper drops the error code), so the racer that loses sees an error. A failed transaction
 * is rolled back, so running the whole callback again is safe: it reads the winner's commit.
 * The SDK reports conflicts inconsistently, so every error is retried except a malformed
 * document, which no retry can fix.
 */
import { MalformedDocument } from './documents';
import type { CloudDatabase, CloudTransaction } from './sdk';

export interface RetryPolicy {
  /** Whole transactions to try before giving up with the last error. */
  attempts: number;
  /** Upper bound of the first wait, in ms; it doubles with every attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * For transactions where a conflict is rare (redeeming an invite, moving a ticket): short waits,
 * a few attempts.
 */
export const FEW_RACERS: RetryPolicy = { attempts: 4, baseDelayMs: 20, maxDelayMs: 400 };

/**
 * For transactions many callers run on one document at once: every join of a line writes its
 * evening document, and each conflict round lets one racer commit. Thirty residents scanning the
 * same QR code need up to thirty rounds, so waits are spread widely ("full jitter") and attempts
 * are many. Against a local stand-in with 30 ms per operation, 30 simultaneous joins all got a
 * number within about 5 s and 60 within about 8 s; a caller gives up after at most ~15 s of waits.
 * The cloud function's timeout (3 s by default) must be raised for those bursts to succeed.
 */
export const MANY_RACERS: RetryPolicy = { attempts: 16, baseDelayMs: 25, maxDelayMs: 1500 };

/** Full jitter: a random wait below a growing cap, so racers spread out instead of colliding again. */
const pause = (policy: RetryPolicy, attempt: number) =>
  new Promise((resolve) =>
    setTimeout(
      resolve,
      Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt),
    ),
  );

/**
 * Runs `run` in a transaction, again after any failure, up to `policy.attempts` times. `retry`
 * tells the callback that an earlier attempt may have committed before its reply was lost.
 */
export async function transact<T>(
  db: CloudDatabase,
  policy: RetryPolicy,
  run: (tx: CloudTransaction, retry: boolean) => Promise<T>,
): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt < policy.attempts; attempt += 1) {
    if (attempt > 0) await pause(policy, attempt);
    try {
      return await db.runTransaction((tx) => run(tx, attempt > 0));
    } catch (error) {
      if (error instanceof MalformedDocument) throw error;
      lastError = error;
    }
  }
  throw lastError;
}
