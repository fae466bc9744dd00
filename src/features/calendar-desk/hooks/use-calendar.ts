import { useRemote, type Remote } from '@/hooks/use-remote';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';
import type { CalendarView } from '@/types/contract';
import { getCalendar } from '../api/calendar';

export interface CalendarState extends DeskRun {
  calendar: Remote<CalendarView>;
}

/** A community's coming evenings (null: nothing to load) and the runner of its changes. */
export function useCalendar(community: string | null): CalendarState {
  const calendar = useRemote(community, getCalendar);
  useReloadOnShow(calendar.reload);
  return { calendar, ...useDeskRun(calendar.reload) };
}
