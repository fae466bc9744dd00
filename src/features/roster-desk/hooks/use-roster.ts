import { useCallback } from 'react';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type {
  CompBalance,
  EveningRoster,
  Identity,
  LeaveRequest,
  StaffMember,
} from '@/types/contract';
import { getDirectory, getEveningRoster, getMyBalance, pendingLeave } from '../api/roster';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useMe } from '@/features/staff';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';

const SEP = '\n';
const MINE = 'mine';
const PENDING = 'pending';

export interface RosterState extends DeskRun {
  evening: Remote<EveningRoster>;
  /** 我的调休: my balance, shifts, leave and the residents I accompany. */
  mine: Remote<CompBalance>;
  me: Remote<Identity>;
  /** 待审批的调休: loaded for admins only. */
  leave: Remote<LeaveRequest[]>;
  /** The community's staff by name (staff.directory). */
  directory: Remote<StaffMember[]>;
  admin: boolean;
}

/** One evening's roster of a community, my comp time, and for admins the leave to decide. */
export function useRoster(community: string | null, date: string | null): RosterState {
  const key = community && date ? `${community}${SEP}${date}` : null;
  const evening = useRemote(key, (k) => {
    const at = k.indexOf(SEP);
    return getEveningRoster(k.slice(0, at), k.slice(at + 1));
  });
  const mine = useRemote(community ? MINE : null, getMyBalance);
  const me = useMe(community !== null);
  const admin = me.data?.role === 'admin';
  const leave = useRemote(admin ? PENDING : null, pendingLeave);
  const directory = useRemote(community, getDirectory);
  const [a, b, c, d] = [evening.reload, mine.reload, leave.reload, directory.reload];
  const reload = useCallback(() => Promise.all([a(), b(), c(), d()]), [a, b, c, d]);
  useReloadOnShow(reload);
  return { evening, mine, me, leave, directory, admin, ...useDeskRun(reload) };
}
