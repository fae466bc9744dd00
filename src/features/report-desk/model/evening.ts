import { addDays, weekdayOf } from '@/lib/calendar-date';

/**
 * The community's most recent service evening on or before `today` (weekdays 0–6 of its
 * evenings): what a report is most likely wanted for. `today` itself when there is none.
 */
export function lastServiceEvening(today: string, weekdays: number[]): string {
  for (let back = 0; back < 7; back += 1) {
    const day = addDays(today, -back);
    if (weekdays.includes(weekdayOf(day))) return day;
  }
  return today;
}
