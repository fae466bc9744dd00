import { useCallback } from 'react';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { EveningReport, Identity, Overview } from '@/types/contract';
import { getEveningReport, getOverview } from '../api/report';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useMe } from '@/features/staff';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';

const SEP = '\n';

export interface ReportState extends DeskRun {
  report: Remote<EveningReport>;
  me: Remote<Identity>;
  /** 各社区对比: loaded for admins only. */
  overview: Remote<Overview>;
  admin: boolean;
}

/** One evening's report of a community (null while either is unknown), and for admins all side by side. */
export function useReport(community: string | null, date: string | null): ReportState {
  const key = community && date ? `${community}${SEP}${date}` : null;
  const report = useRemote(key, (k) => {
    const at = k.indexOf(SEP);
    return getEveningReport(k.slice(0, at), k.slice(at + 1));
  });
  const me = useMe(community !== null);
  const admin = me.data?.role === 'admin';
  const overview = useRemote(admin && date ? date : null, getOverview);
  const reloadReport = report.reload;
  const reloadOverview = overview.reload;
  const reload = useCallback(
    () => Promise.all([reloadReport(), reloadOverview()]),
    [reloadReport, reloadOverview],
  );
  useReloadOnShow(reload);
  return { report, me, overview, admin, ...useDeskRun(reload) };
}
