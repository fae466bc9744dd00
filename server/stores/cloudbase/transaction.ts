/**
 * Running a CloudBase transaction until it commits — retrying conflicts only.
 *
 * Two transactions writing one document: the second fails at its write with a conflict
 * (errors.ts), which wx-server-sdk's own runTransaction retry does not recognise, so the adapter
 * retries the whole callback itself. A failed transaction is rolled back, so running it again is
 * safe: it reads the winner's commit. Any other failure — quota, timeout, a missing collection,
 * a malformed document — is not retried: it surfaces at once (errors.ts maps it).
 *
 * Waits are bounded by a budget well inside the cloud function's timeout (its config.json), so a
 * caller that keeps losing gives up with UNAVAILABLE ("try again") instead of being killed.
 */
import { Unavailable } from '../../core/errors';
import { isConflict } from './errors';
import type { CloudDatabase, CloudTransaction } from './sdk';

export interface RetryPolicy {
  /** Whole transactions to try before giving up. */
  attempts: number;
  /** Upper bound of the first wait, in ms; it doubles with every attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The most all waits together may take, in ms. */
  budgetMs: number;
}

/**
 * For transactions where a conflict is rare (redeeming an invite, deciding a leave request):
 * short waits, a few attempts.
 */
export const FEW_RACERS: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 20,
  maxDelayMs: 400,
  budgetMs: 1_000,
};

/**
 * For transactions many callers run on one document at once (every join of a line writes its
 * evening document): each conflict round lets one racer commit, so waits are spread widely
 * ("full jitter") and attempts are many. The waits stay under 6 s together, inside the 10 s
 * timeout the action functions are deployed with (scripts/build-cloud.ts).
 */
export const MANY_RACERS: RetryPolicy = {
  attempts: 24,
  baseDelayMs: 25,
  maxDelayMs: 800,
  budgetMs: 6_000,
};

/** Full jitter: a random wait below a growing cap, so racers spread out instead of colliding again. */
const delayOf = (policy: RetryPolicy, attempt: number) =>
  Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run` in a transaction, again after a conflict, within the policy's attempts and budget.
 * Only a conflicted attempt runs again, and a conflicted attempt never committed: each run starts
 * from the committed state with nothing of its own earlier attempts in it.
 */
export async function transact<T>(
  db: CloudDatabase,
  policy: RetryPolicy,
  run: (tx: CloudTransaction) => Promise<T>,
): Promise<T> {
  let waited = 0;
  for (let attempt = 0; ; attempt += 1) {
    try {
      // times = 0: the SDK must not retry on its own; the budget here is the only one.
      return await db.runTransaction(run, 0);
    } catch (error) {
      if (!isConflict(error)) throw error;
      const delay = delayOf(policy, attempt + 1);
      if (attempt + 1 >= policy.attempts || waited + delay > policy.budgetMs) {
        throw new Unavailable(error);
      }
      waited += delay;
      await sleep(delay);
    }
  }
}
