import { useState } from 'react';
import { useTonight } from '@/features/community';
import { shanghaiDate } from '@/lib/shanghai-time';
import { isCalendarDate } from '@/lib/calendar-date';
import { lastServiceEvening } from '../model/evening';

export interface EveningDate {
  /** The evening shown, "YYYY-MM-DD"; null while the default is being worked out. */
  date: string | null;
  setDate: (date: string) => void;
}

/**
 * The evening a page is about: the link's `d` when it has one, else from the server's clock
 * (community.tonight, which a demo clock may move): its last service evening for a report
 * (`last-evening`), or its today for the roster. The phone's date only when that fails.
 */
export function useEveningDate(
  community: string | null,
  linked: string | null,
  pick: 'last-evening' | 'today',
): EveningDate {
  const initial = linked && isCalendarDate(linked) ? linked : null;
  const [chosen, setDate] = useState<string | null>(initial);
  const tonight = useTonight(initial ? null : community);
  let fallback: string | null = null;
  if (tonight.data) {
    const { date, evenings } = tonight.data;
    fallback =
      pick === 'today'
        ? date
        : lastServiceEvening(
            date,
            evenings.map((e) => e.weekday),
          );
  } else if (tonight.error) {
    fallback = shanghaiDate();
  }
  return { date: chosen ?? fallback, setDate };
}
