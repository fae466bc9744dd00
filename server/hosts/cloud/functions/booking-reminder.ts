/**
 * Timer function `booking-reminder` (every minute from 12:00 to 20:59 in its config.json): the
 * afternoon reminders, one bounded batch per run (REMINDER_BUDGET), and the upload sweep
 * (core/upload): photos and covers nobody attached within UPLOAD_WINDOW_MINUTES are deleted with
 * their files, one bounded batch per run (SWEEP_BATCH).
 */
import { sendDueReminders } from '../../../core/booking/service';
import { sweepUploads } from '../../../core/upload/service';
import { createTimerHandler } from '../create-handler';

export const main = createTimerHandler('booking-reminder', async (deps, now) => {
  const reminders = await sendDueReminders(deps, now);
  const sweep = await sweepUploads(deps, now);
  return { done: reminders.done + sweep.done, finished: reminders.finished && sweep.finished };
});
