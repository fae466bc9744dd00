/** The retention job and the morning job it is part of (rules: ./rules.ts). */
import type { CoreDeps } from '../deps';
import { stillShown } from '../erase';
import { createFollowUps, FOLLOW_UP_BUDGET } from '../followup/service';
import { saveJobState, stopwatch, type JobBudget, type JobRun } from '../jobs';
import { todayOf } from '../kernel/week';
import type { JobData } from '../ports';
import { cutoffInstant, retentionCutoff } from './rules';

/** Records one store call anonymises at most: a few hundred operations on CloudBase. */
export const RETENTION_SLICE = 50;

/**
 * Per run: at most 20 slices (1,000 records), none started after 8 s. On CloudBase a record is
 * one query share and one small transaction (two for bookings and sign-ups with their tally),
 * about 20–40 ms; a slice of 50 is 1–2 s, so the one in flight at 8 s ends well within the 20 s
 * the followup-timer function is deployed with. A year's backlog on first deploy is caught up
 * over the 120 morning runs (up to 120,000 records a morning), then a day's worth is a few runs.
 */
export const RETENTION_BUDGET: JobBudget = { units: 20, ms: 8_000 };

const DAY_JOB = 'retention';

const finishDay = (current: JobData | null): JobData | null =>
  current?.finished === true ? null : { finished: true };

/**
 * One slice of each step: anonymises or deletes at most RETENTION_SLICE records, returns how
 * many. Each step's store call only finds what is still left, so a step is done once a slice
 * comes back short, and a rerun (or an overlapping run) finds nothing twice.
 */
function retentionSteps(deps: CoreDeps, now: Date): Array<() => Promise<number>> {
  const { store } = deps;
  const cutoff = retentionCutoff(now);
  const cutoffAt = cutoffInstant(cutoff);
  return [
    () => store.bookings.anonymiseBefore(cutoff, RETENTION_SLICE),
    () => store.notices.anonymiseSignUpsBefore(cutoffAt, RETENTION_SLICE),
    () => store.followUps.anonymiseBefore(cutoff, RETENTION_SLICE),
    () => store.rosters.anonymiseCompanionsBefore(cutoff, RETENTION_SLICE),
    // Walk-in tickets: one evening (a whole line's night) per unit.
    () => store.queues.anonymiseBefore(cutoff, RETENTION_SLICE),
    async () => {
      const { changed, photos } = await store.suggestions.anonymiseBefore(
        cutoffAt,
        RETENTION_SLICE,
      );
      // The photos go as with erase: read from the suggestions that dropped them.
      for (const { community, ref } of photos) {
        if (!(await stillShown(deps, community, ref))) await deps.media?.remove(ref);
      }
      return changed;
    },
    // Who uploaded which photo goes with the suggestion's own retention.
    () => store.uploads.forgetPhotosBefore(cutoffAt, RETENTION_SLICE),
    // What was sent to whom (the desk's list of tonight's alerts): deleted, counts need none of it.
    () => store.alerts.forgetBefore(cutoffAt, RETENTION_SLICE),
    // Daily upload counters are needed on their day only (the quota).
    () => store.uploads.forgetCountsBefore(todayOf(now), RETENTION_SLICE),
  ];
}

/**
 * The retention job: every step until its store finds nothing left, within `budget` (units are
 * slices). Once all are done, the day's state says so and later runs that day read one record.
 */
export async function anonymiseExpired(
  deps: CoreDeps,
  now: Date,
  budget: JobBudget = RETENTION_BUDGET,
): Promise<JobRun> {
  const watch = stopwatch(deps, budget.ms);
  const ref = { job: DAY_JOB, key: todayOf(now) };
  const state = await deps.store.jobs.get(ref.job, ref.key);
  if (state?.data.finished === true) return { done: 0, finished: true };
  let done = 0;
  let slices = 0;
  for (const step of retentionSteps(deps, now)) {
    for (let count = RETENTION_SLICE; count >= RETENTION_SLICE;) {
      if (slices >= budget.units || watch.over()) return { done, finished: false };
      slices += 1;
      count = await step();
      done += count;
    }
  }
  await saveJobState(deps, ref, state, finishDay, now);
  return { done, finished: true };
}

/** A morning run: `done` counts both jobs' work, `created` the follow-up tasks alone. */
export interface MorningRun extends JobRun {
  created: number;
}

/**
 * The morning job both hosts run (cloud: the followup-timer function; local: the scheduled
 * jobs) and the admin's "run now" (followup.run, with FOLLOW_UP_BY_HAND): the day's follow-up
 * calls first, then, once they are done, retention with the time left of the same budget, so one
 * run never goes past the function's timeout.
 */
export async function runMorning(
  deps: CoreDeps,
  now: Date,
  budget: JobBudget = FOLLOW_UP_BUDGET,
): Promise<MorningRun> {
  const start = deps.clock.now().getTime();
  const calls = await createFollowUps(deps, now, budget);
  const created = calls.done;
  if (!calls.finished) return { ...calls, created };
  const left = budget.ms - (deps.clock.now().getTime() - start);
  if (left <= 0) return { done: created, finished: false, created };
  const ms = Math.min(RETENTION_BUDGET.ms, left);
  const kept = await anonymiseExpired(deps, now, { ...RETENTION_BUDGET, ms });
  return { done: created + kept.done, finished: kept.finished, created };
}
