/**
 * What the roster actions (排班, 伴, 调休) do, one function each; the rules they apply are the
 * pure decisions in roster.ts.
 */
import type { CompanionKind } from '../../../contract/roster';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { newId } from '../kernel/ids';
import { staffEntries } from '../staff';
import { todayOf } from '../kernel/week';
import {
  balanceOf,
  bookingTarget,
  companionSubject,
  companionView,
  leaveView,
  loggedShift,
  myCompanionView,
  ownCompanion,
  plannedShift,
  requestedLeave,
  shiftOfWorker,
  shiftView,
  ticketTarget,
  type CompanionTarget,
  type LeaveInput,
  type ShiftInput,
} from './rules';

export async function eveningRoster(deps: CoreDeps, community: string, date: string) {
  const { rosters } = deps.store;
  return {
    community,
    date,
    shifts: (await rosters.shifts(community, date)).map(shiftView),
    companions: (await rosters.companions(community, date)).map(companionView),
  };
}

/** Puts a colleague (or, without `worker`, the caller) on an evening. */
export async function assignShift(deps: CoreDeps, worker: string, input: ShiftInput, now: Date) {
  const directory = await staffEntries(deps, input.community);
  const shift = plannedShift(directory, worker, input, newId(), now);
  await deps.store.rosters.addShift(shift);
  return shiftView(shift);
}

export async function logShiftEnd(deps: CoreDeps, shiftId: string, end: string, now: Date) {
  const shift = await deps.store.rosters.getShift(shiftId);
  if (!shift) throw notFound('没有找到这条排班');
  const next = loggedShift(shift, end, now);
  const logged = await deps.store.rosters.logEnd(shift.id, end, next.compMinutes);
  if (!logged) throw notFound('没有找到这条排班');
  return shiftView(logged);
}

/** Where a request on the caller's ticket or booking is filed, and what staff read it as. */
async function companionTarget(
  deps: CoreDeps,
  kind: CompanionKind,
  ref: string,
  userId: string,
  now: Date,
): Promise<CompanionTarget> {
  const { store } = deps;
  if (kind === 'ticket') {
    const evening = await store.queues.eveningOfTicket(ref);
    const ticket = evening?.tickets.find((t) => t.id === ref);
    return ticketTarget(ticket, evening?.setup?.name ?? null, userId);
  }
  const booking = await store.bookings.getBooking(ref);
  const community = booking ? await store.communities.get(booking.community) : null;
  const service = community?.services.find((s) => s.id === booking?.service);
  return bookingTarget(booking, service?.name ?? booking?.service ?? '', userId, todayOf(now));
}

export interface CompanionInput {
  kind: CompanionKind;
  ref: string;
  note?: string;
}

/** One request per ticket or booking: a second tap or a retry answers with the first. */
export async function requestCompanion(
  deps: CoreDeps,
  userId: string,
  input: CompanionInput,
  now: Date,
) {
  const subject = companionSubject(input.kind, input.ref);
  const existing = await deps.store.rosters.companionOf(subject);
  if (existing) return myCompanionView(ownCompanion(existing, userId, input.kind));
  const target = await companionTarget(deps, input.kind, input.ref, userId, now);
  const record = await deps.store.rosters.addCompanion({
    id: newId(),
    ...target,
    userId,
    subject,
    note: input.note ?? '',
    worker: null,
    workerName: null,
    status: 'waiting',
    createdAt: now.toISOString(),
  });
  return myCompanionView(ownCompanion(record, userId, input.kind));
}

/** The caller's own request on a ticket or booking; for anyone else there is nothing. */
export async function myCompanionOf(
  deps: CoreDeps,
  userId: string,
  kind: CompanionKind,
  ref: string,
) {
  const found = await deps.store.rosters.companionOf(companionSubject(kind, ref));
  return found && found.userId === userId ? myCompanionView(found) : null;
}

export async function assignCompanion(deps: CoreDeps, companionId: string, worker: string) {
  const request = await deps.store.rosters.getCompanion(companionId);
  if (!request) throw notFound('没有找到这条陪同请求');
  const shift = shiftOfWorker(
    await deps.store.rosters.shifts(request.community, request.date),
    worker,
  );
  const assigned = await deps.store.rosters.assignCompanion(request.id, shift.worker, shift.name);
  if (!assigned) throw notFound('没有找到这条陪同请求');
  return companionView(assigned);
}

/** A worker's shifts, comp balance, leave and the residents they go with. */
export async function myRoster(deps: CoreDeps, me: string) {
  const shifts = await deps.store.rosters.shiftsOf(me);
  const leave = await deps.store.rosters.leaveOf(me);
  return {
    ...balanceOf(shifts, leave),
    shifts: shifts.map(shiftView),
    leave: leave.map(leaveView),
    companions: (await deps.store.rosters.companionsOf(me)).map(companionView),
  };
}

export async function requestLeave(deps: CoreDeps, me: string, input: LeaveInput, now: Date) {
  const shifts = await deps.store.rosters.shiftsOf(me);
  const leave = await deps.store.rosters.leaveOf(me);
  const record = requestedLeave(shifts, leave, me, input, newId(), now);
  await deps.store.rosters.addLeave(record);
  return leaveView(record);
}

/** Every community's undecided requests, for the admin. */
export async function pendingLeave(deps: CoreDeps) {
  return (await deps.store.rosters.pendingLeave()).map(leaveView);
}

export async function decideLeave(deps: CoreDeps, leaveId: string, approve: boolean, by: string) {
  if (!(await deps.store.rosters.getLeave(leaveId))) throw notFound('没有找到这条调休申请');
  const decided = await deps.store.rosters.decideLeave(
    leaveId,
    approve ? 'approved' : 'refused',
    by,
  );
  if (!decided) throw new AppError('CONFLICT', '这条调休申请已经处理过了');
  return leaveView(decided);
}
