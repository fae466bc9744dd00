/** A community's calendar (#16): the `community` function's calendar actions. */
import { call } from '@/lib/gateway';
import type {
  AddEveningInput,
  CalendarView,
  CancelDateInput,
  CancelDateResult,
} from '@/types/contract';

/** The evenings of the next 8 weeks, cancelled ones included. */
export function getCalendar(community: string): Promise<CalendarView> {
  return call('community.calendar', { community });
}

/** Cancels one evening with the reason residents see; its bookings are cancelled too. */
export function cancelDate(input: CancelDateInput): Promise<CancelDateResult> {
  return call('community.cancelDate', input);
}

/** Opens a cancelled evening again (its cancelled bookings stay cancelled). */
export function restoreDate(community: string, date: string): Promise<CalendarView> {
  return call('community.restoreDate', { community, date });
}

export function addEvening(input: AddEveningInput): Promise<CalendarView> {
  return call('community.addEvening', input);
}

/** Removes an extra evening nobody has booked. */
export function removeEvening(community: string, date: string): Promise<CalendarView> {
  return call('community.removeEvening', { community, date });
}
