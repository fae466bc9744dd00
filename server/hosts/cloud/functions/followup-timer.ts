/**
 * Timer function `followup-timer` (every minute from 09:00 to 10:59 Asia/Shanghai, in its
 * config.json): the follow-up job makes the day's call tasks and asks residents without a phone in
 * the app, one bounded slice of communities per run (FOLLOW_UP_BUDGET) until the day is done.
 */
import { createFollowUps } from '../../../core/followup/service';
import { createTimerHandler } from '../create-handler';

export const main = createTimerHandler('followup-timer', (deps, now) => createFollowUps(deps, now));
