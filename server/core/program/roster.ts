import type { CompanionRequest, LeaveRequest, Shift } from '../../../contract/program';
import type { CompanionRecord, LeaveRecord, ShiftRecord } from '../ports';
import { isoLocal } from '../time';

/** Offices used to close at 17:00: every minute worked after it is evening time, owed back. */
export const REGULAR_CLOSE = '17:00';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Comp minutes for a shift from `start` that really ended at `end`. */
export const compMinutes = (start: string, end: string) =>
  Math.max(0, minutes(end) - Math.max(minutes(start), minutes(REGULAR_CLOSE)));

export const shiftView = (s: ShiftRecord): Shift => ({
  id: s.id,
  community: s.community,
  date: s.date,
  worker: s.worker,
  name: s.name,
  start: s.start,
  end: s.end,
  loggedEnd: s.loggedEnd,
  compMinutes: s.compMinutes,
});

export const companionView = (c: CompanionRecord): CompanionRequest => ({
  id: c.id,
  community: c.community,
  date: c.date,
  about: c.about,
  note: c.note,
  worker: c.worker,
  workerName: c.workerName,
  status: c.status,
  createdAt: isoLocal(new Date(c.createdAt)),
});

export const leaveView = (l: LeaveRecord): LeaveRequest => ({
  id: l.id,
  worker: l.worker,
  name: l.name,
  community: l.community,
  date: l.date,
  minutes: l.minutes,
  note: l.note,
  status: l.status,
  createdAt: isoLocal(new Date(l.createdAt)),
});

export function balanceOf(shifts: ShiftRecord[], leave: LeaveRecord[]) {
  const accruedMinutes = shifts.reduce((n, s) => n + s.compMinutes, 0);
  const sum = (status: LeaveRecord['status']) =>
    leave.filter((l) => l.status === status).reduce((n, l) => n + l.minutes, 0);
  const takenMinutes = sum('approved');
  return {
    accruedMinutes,
    takenMinutes,
    pendingMinutes: sum('pending'),
    balanceMinutes: accruedMinutes - takenMinutes,
  };
}
