/**
 * Timer function `booking-reminder` (every minute from 12:00 to 20:59 in its config.json): the
 * afternoon reminders, one bounded batch per run (REMINDER_BUDGET).
 */
import { sendDueReminders } from '../../../core/booking/service';
import { createTimerHandler } from '../create-handler';

export const main = createTimerHandler('booking-reminder', (deps, now) =>
  sendDueReminders(deps, now),
);
