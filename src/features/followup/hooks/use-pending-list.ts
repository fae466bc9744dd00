import { useCallback, useEffect, useState } from 'react';
import type { Remote } from '@/hooks/use-remote';
import type { ResidentFollowUp } from '@/types/contract';
import { usePendingFollowUps } from '../api/pending';

export interface PendingListState {
  remote: Remote<ResidentFollowUp[]>;
  /** What is pending: the last load, or what the last answer returned. */
  pending: ResidentFollowUp[] | null;
  /** After an answer: the server's list of what is still pending. */
  replace: (pending: ResidentFollowUp[]) => void;
}

export function usePendingList(): PendingListState {
  const remote = usePendingFollowUps();
  const { data } = remote;
  const [answered, setAnswered] = useState<ResidentFollowUp[] | null>(null);

  // A fresh load is newer than the last answer.
  useEffect(() => setAnswered(null), [data]);

  const replace = useCallback((next: ResidentFollowUp[]) => setAnswered(next), []);
  return { remote, pending: answered ?? data, replace };
}
