import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Remote } from '@/hooks/use-remote';
import type { Activity, Notice } from '@/types/contract';
import { useNotice } from '../api/get-notice';

export interface NoticeDetailState {
  remote: Remote<Notice>;
  /** The notice with what sign-up, cancel and check-in answered applied, until the next load. */
  notice: Notice | null;
  /** Puts an activity an action answered with in place. */
  apply: (activity: Activity) => void;
}

export function useNoticeDetail(id: string | null): NoticeDetailState {
  const remote = useNotice(id);
  const { data } = remote;
  const [overrides, setOverrides] = useState<Record<string, Activity>>({});

  // A fresh answer is newer than anything applied before it.
  useEffect(() => setOverrides({}), [data]);

  const notice = useMemo(
    () =>
      data && {
        ...data,
        activities: data.activities.map((a) => overrides[a.id] ?? a),
      },
    [data, overrides],
  );

  const apply = useCallback((activity: Activity) => {
    setOverrides((o) => ({ ...o, [activity.id]: activity }));
  }, []);

  return { remote, notice, apply };
}
