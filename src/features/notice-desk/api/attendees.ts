import { call } from '@/lib/gateway';
import type { Attendee, Attendees, CheckInForInput } from '@/types/contract';

/** One activity's sign-ups, figures and check-in code. */
export function getAttendees(activityId: string): Promise<Attendees> {
  return call('notice.attendees', { activityId });
}

/** Staff tick (or untick) that someone came. */
export function markAttendance(signUpId: string, attended: boolean): Promise<Attendee> {
  return call('notice.markAttendance', { signUpId, attended });
}

/** Someone who did not sign up came anyway: staff write them in at the door. */
export function checkInFor(input: CheckInForInput): Promise<Attendee> {
  return call('notice.checkInFor', input);
}
