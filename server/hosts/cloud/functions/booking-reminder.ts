/** Timer function `booking-reminder` (hourly trigger in its config.json): the afternoon reminders. */
import { sendDueReminders } from '../../../core/booking/service';
import { createTimerHandler } from '../create-handler';

export const main = createTimerHandler('booking-reminder', sendDueReminders);
