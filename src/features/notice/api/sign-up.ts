import { call } from '@/lib/gateway';
import type { Activity, CheckInInput, SignUpInput } from '@/types/contract';

/**
 * Signs up for an activity: a place while one is left, else the waitlist. A retry with the same
 * requestId answers the sign-up the first attempt made. Answers the activity with my sign-up.
 */
export function signUp(input: SignUpInput): Promise<Activity> {
  return call('notice.signUp', input);
}

/** Gives up my place or waitlist place; the place goes to the first one waiting. */
export function cancelSignUp(activityId: string): Promise<Activity> {
  return call('notice.cancelSignUp', { activityId });
}

/** Checks myself in with the code staff show at the activity (also inside its QR code). */
export function checkIn(input: CheckInInput): Promise<Activity> {
  return call('notice.checkIn', input);
}
