import { useMemo } from 'react';
import { useTonight } from '@/features/community';
import { errorMessage } from '@/lib/gateway';

export interface ServiceEvenings {
  /** The community's service-evening weekdays (0 Sunday … 6), ascending; null until known. */
  weekdays: number[] | null;
  /** Why they could not be read, in Chinese. */
  error: string | null;
  reload: () => Promise<unknown>;
}

/** Which weekdays the community holds service evenings on, from `community.tonight`. */
export function useServiceEvenings(community: string): ServiceEvenings {
  const { data, error, reload } = useTonight(community);
  const weekdays = useMemo(
    () => (data ? [...new Set(data.evenings.map((e) => e.weekday))].sort((a, b) => a - b) : null),
    [data],
  );
  return { weekdays, error: error ? errorMessage(error) : null, reload };
}
