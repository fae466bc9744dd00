/**
 * Timer function `followup-timer` (every minute from 09:00 to 10:59 Asia/Shanghai, in its
 * config.json): the morning job (runMorning in core/retention/service.ts). First the follow-up
 * job makes the day's call tasks and asks residents without a phone in the app, one bounded slice
 * of communities per run (FOLLOW_UP_BUDGET) until the day is done; then, with the time left of
 * each run, retention anonymises records a year past their evening and sweeps past days' upload
 * counters, in bounded slices too.
 */
import { runMorning } from '../../../core/retention/service';
import { createTimerHandler } from '../create-handler';

export const main = createTimerHandler('followup-timer', (deps, now) => runMorning(deps, now));
