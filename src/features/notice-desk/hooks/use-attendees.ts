import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Attendees } from '@/types/contract';
import { getAttendees } from '../api/attendees';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';

export interface AttendeesState extends DeskRun {
  data: Remote<Attendees>;
}

/** One activity's sign-ups and check-in, with the desk's moves. */
export function useAttendees(activityId: string | null): AttendeesState {
  const data = useRemote(activityId, getAttendees);
  return { data, ...useDeskRun(data.reload) };
}
