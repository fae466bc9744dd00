/** 伴 and 调休: the staff side of the `roster` function. */
import { call } from '@/lib/gateway';
import type {
  AssignShiftInput,
  CompanionRequest,
  CompBalance,
  EveningRoster,
  LeaveRequest,
  Shift,
  StaffMember,
} from '@/types/contract';
import type { LeaveInput } from '../model/roster-form';

/** One evening's shifts and companion requests. */
export function getEveningRoster(community: string, date: string): Promise<EveningRoster> {
  return call('roster.evening', { community, date });
}

/** Puts someone (oneself when `worker` is left out) on an evening's roster. */
export function assignShift(input: AssignShiftInput): Promise<Shift> {
  return call('roster.assign', input);
}

/** When the worker really left; minutes after 17:00 become comp time. */
export function logShiftEnd(shiftId: string, end: string): Promise<Shift> {
  return call('roster.logEnd', { shiftId, end });
}

/** Gives a companion request to a worker on that evening's roster. */
export function assignCompanion(companionId: string, worker: string): Promise<CompanionRequest> {
  return call('roster.assignCompanion', { companionId, worker });
}

/** My comp time, my shifts and leave, and the residents I accompany. */
export function getMyBalance(): Promise<CompBalance> {
  return call('roster.mine', {});
}

export function requestLeave(input: LeaveInput): Promise<LeaveRequest> {
  return call('roster.requestLeave', input);
}

/** Admins: leave requests waiting for a decision. */
export function pendingLeave(): Promise<LeaveRequest[]> {
  return call('roster.leave', {});
}

export function decideLeave(leaveId: string, approve: boolean): Promise<LeaveRequest> {
  return call('roster.decideLeave', { leaveId, approve });
}

/** The community's staff by name: whom the roster form and the companion assignment offer. */
export function getDirectory(community: string): Promise<StaffMember[]> {
  return call('staff.directory', { community });
}

/** The name I go by on rosters and companion requests. */
export function setMyName(name: string): Promise<StaffMember> {
  return call('staff.setName', { name });
}
