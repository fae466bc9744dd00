/**
 * Timer jobs in bounded slices. A cloud function is killed at its timeout and leaves nothing
 * behind, so each run of a job does a bounded amount of work, saves where it got to after every
 * unit (JobRepo), and leaves the rest to the next run. Runs may overlap: whatever they do is
 * idempotent, and their progress is merged by compare-and-set, never overwritten.
 */
import type { CoreDeps } from './deps';
import type { JobData, JobStateRecord } from './ports';

/** How much one run may do. */
export interface JobBudget {
  /** Units (communities, reminders) per run: the deterministic bound. */
  units: number;
  /** Real time (on deps.clock) after which no new unit is started. */
  ms: number;
}

/** What one run did, for the timer's log. */
export interface JobRun {
  /** Tasks created or reminders sent by this run. */
  done: number;
  /** Nothing left for now: further runs today only find that out, cheaply. */
  finished: boolean;
  /** Units still to do today, when the job knows (communities for the follow-up job). */
  remaining?: number;
}

/** Real time spent since the run started, on the injected clock (tests move it by hand). */
export function stopwatch(deps: CoreDeps, ms: number) {
  const start = deps.clock.now().getTime();
  return { over: () => deps.clock.now().getTime() - start >= ms };
}

export type Stopwatch = ReturnType<typeof stopwatch>;

export const textOf = (data: JobData | null | undefined, key: string): string | null => {
  const value = data?.[key];
  return typeof value === 'string' ? value : null;
};

export const listOf = (data: JobData | null | undefined, key: string): string[] => {
  const value = data?.[key];
  return Array.isArray(value) ? value : [];
};

/** Enough for the few runs that can overlap; each lost attempt means another run saved. */
const SAVE_ATTEMPTS = 8;

/**
 * Saves a job's state by compare-and-set from `seen`, the state this run last read. `merge` gets
 * the stored data (null before the first save) and returns what to store, or null when the
 * stored state already covers this run's progress. When another run saved in between, `merge`
 * is asked again with what that run saved. Returns the state as stored in the end (which, after
 * SAVE_ATTEMPTS lost races, may lack this run's progress: the next run redoes that part).
 */
export async function saveJobState(
  deps: CoreDeps,
  ref: { job: string; key: string },
  seen: JobStateRecord | null,
  merge: (current: JobData | null) => JobData | null,
  now: Date,
): Promise<JobStateRecord | null> {
  let current = seen;
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
    const data = merge(current?.data ?? null);
    if (!data) return current;
    const saved = await deps.store.jobs.save(ref.job, ref.key, current?.version ?? 0, data, now);
    if (saved) return saved;
    current = await deps.store.jobs.get(ref.job, ref.key);
  }
  return current;
}
