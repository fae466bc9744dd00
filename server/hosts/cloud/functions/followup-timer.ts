/**
 * Timer function `followup-timer` (daily trigger at 09:00 Asia/Shanghai in its config.json): the
 * follow-up job makes the day's call tasks and asks residents without a phone in the app.
 */
import { createFollowUps } from '../../../core/followup/service';
import { createTimerHandler } from '../create-handler';

export const main = createTimerHandler('followup-timer', createFollowUps);
