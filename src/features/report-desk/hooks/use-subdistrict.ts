import { useRemote, type Remote } from '@/hooks/use-remote';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';
import type { Poster, Subdistrict } from '@/types/contract';
import { getPoster, getSubdistrict } from '../api/report';

/** Today on the server's clock (a demo clock moves it), until a date is picked. */
const TODAY = 'today';

export interface SubdistrictState extends DeskRun {
  view: Remote<Subdistrict>;
}

/** 街道汇总 as of `date` (null: the server's today). */
export function useSubdistrict(date: string | null): SubdistrictState {
  const view = useRemote(date ?? TODAY, (key) => getSubdistrict(key === TODAY ? undefined : key));
  useReloadOnShow(view.reload);
  return { view, ...useDeskRun(view.reload) };
}

/** 本周海报 of a community (null: nothing to load). */
export function usePoster(community: string | null): Remote<Poster> {
  const poster = useRemote(community, getPoster);
  useReloadOnShow(poster.reload);
  return poster;
}
