import type {
  CompanionKind,
  CompanionRequest,
  LeaveRequest,
  MyCompanion,
  Shift,
  TicketCompanion,
} from '../../../contract/roster';
import { AppError, notFound } from '../errors';
import type {
  BookingRecord,
  CompanionRecord,
  LeaveRecord,
  ShiftRecord,
  StaffEntry,
  TicketRecord,
} from '../ports';
import { atLocal, isoLocal, local } from '../kernel/time';
import { assertNearToday, PLANNING_WINDOW } from '../kernel/week';
import { memberName } from '../staff';

/** Offices used to close at 17:00: every minute worked after it is evening time, owed back. */
export const REGULAR_CLOSE = '17:00';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Comp minutes for a shift from `start` that really ended at `end`. */
export const compMinutes = (start: string, end: string) =>
  Math.max(0, minutes(end) - Math.max(minutes(start), minutes(REGULAR_CLOSE)));

/**
 * Comp time is owed for time worked: a logged end later than now (a planned 20:30 logged at
 * 18:53) is refused. A planned end is confirmed only once it has passed.
 */
export function checkLoggedEnd(shift: ShiftRecord, end: string, now: Date): void {
  if (end <= shift.start) throw new AppError('BAD_INPUT', '下班时间要晚于上班时间', 'end');
  if (atLocal(shift.date, end).valueOf() > now.getTime()) {
    const at = local(now);
    const today = at.format('YYYY-MM-DD') === shift.date;
    throw new AppError(
      'BAD_INPUT',
      `${today ? `现在才 ${at.format('HH:mm')}` : '这一晚还没到'}，不能登记以后的下班时间：调休只算已经工作的时间，请下班后再登记`,
      'end',
    );
  }
}

// ── 伴: companion requests travel with a ticket or a booking ──────────────

/** The store key of a request: one request per ticket or booking. */
export const companionSubject = (kind: CompanionKind, ref: string) => `${kind}:${ref}`;

function subjectParts(subject: string): { kind: CompanionKind | null; ref: string | null } {
  const at = subject.indexOf(':');
  const kind = subject.slice(0, at);
  return kind === 'ticket' || kind === 'booking'
    ? { kind, ref: subject.slice(at + 1) }
    : { kind: null, ref: null };
}

/** What a request on a ticket is filed under: the ticket's evening and community. */
export interface CompanionTarget {
  community: string;
  date: string;
  about: string;
}

/** A resident's own ticket still in line or at the desk; someone else's reads as not found. */
export function ticketTarget(
  ticket: TicketRecord | undefined,
  lineName: string | null,
  userId: string,
): CompanionTarget {
  if (!ticket || ticket.userId !== userId) throw notFound('没有找到这张号');
  if (ticket.status !== 'waiting' && ticket.status !== 'called') {
    throw new AppError('CONFLICT', '这张号已经结束，不能再请社工陪同了', 'ref');
  }
  return {
    community: ticket.community,
    date: ticket.date,
    about: lineName ? `取号 ${ticket.label} ${lineName}` : `取号 ${ticket.label}`,
  };
}

/** A resident's own seat (booked or checked in) on tonight's or a coming evening. */
export function bookingTarget(
  booking: BookingRecord | null,
  serviceName: string,
  userId: string,
  today: string,
): CompanionTarget {
  if (!booking || booking.userId !== userId) throw notFound('没有找到这个预约');
  if (booking.status !== 'confirmed' && booking.status !== 'checked-in') {
    throw new AppError('CONFLICT', '只有约上的预约才能请社工陪同', 'ref');
  }
  if (booking.date < today) throw new AppError('CONFLICT', '这个预约已经过去了', 'ref');
  const [, month, day] = booking.date.split('-').map(Number);
  const when = booking.date === today ? booking.startsAt : `${month}月${day}日 ${booking.startsAt}`;
  return { community: booking.community, date: booking.date, about: `预约 ${serviceName} ${when}` };
}

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
  ...subjectParts(c.subject),
  about: c.about,
  note: c.note,
  worker: c.worker,
  workerName: c.workerName,
  status: c.status,
  createdAt: isoLocal(new Date(c.createdAt)),
});

/** The resident's own request: its state and who comes, never staff ids. */
export const myCompanionView = (c: CompanionRecord): MyCompanion => ({
  id: c.id,
  ...subjectParts(c.subject),
  about: c.about,
  note: c.note,
  status: c.status,
  workerName: c.workerName,
});

/** The need on the queue desk's ticket row. */
export const ticketCompanionView = (c: CompanionRecord): TicketCompanion => ({
  id: c.id,
  status: c.status,
  note: c.note,
  workerName: c.workerName,
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

// ── The roster's decisions: pure, so both stores and the actions share them ──

export interface ShiftInput {
  community: string;
  date: string;
  name?: string;
  start: string;
  end: string;
}

/** A shift for a staff member of the community (picked by name from its directory), start < end. */
export function plannedShift(
  directory: StaffEntry[],
  worker: string,
  input: ShiftInput,
  id: string,
  now: Date,
): ShiftRecord {
  assertNearToday(input.date, now, PLANNING_WINDOW, 'date', '排班日期');
  const member = directory.find((m) => m.id === worker);
  if (!member) throw new AppError('BAD_INPUT', '只能给本社区的社工排班', 'worker');
  if (input.end <= input.start) throw new AppError('BAD_INPUT', '下班时间要晚于上班时间', 'end');
  return {
    id,
    community: input.community,
    date: input.date,
    worker,
    name: input.name ?? memberName(member),
    start: input.start,
    end: input.end,
    loggedEnd: null,
    compMinutes: 0,
    createdAt: now.toISOString(),
  };
}

/** The shift with its real end logged (checkLoggedEnd) and the comp time it earned. */
export function loggedShift(shift: ShiftRecord, end: string, now: Date): ShiftRecord {
  checkLoggedEnd(shift, end, now);
  return { ...shift, loggedEnd: end, compMinutes: compMinutes(shift.start, end) };
}

/** One request per subject: adding again (a retry, a second tap, a race) gives the first back. */
export const firstCompanion = (existing: CompanionRecord | null, request: CompanionRecord) =>
  existing ? { created: false, record: existing } : { created: true, record: request };

/** A resident sees only their own request; anyone else's reads as not found. */
export function ownCompanion(existing: CompanionRecord, userId: string, kind: CompanionKind) {
  if (existing.userId !== userId) {
    throw notFound(kind === 'ticket' ? '没有找到这张号' : '没有找到这个预约');
  }
  return existing;
}

/** Only a worker on that evening's roster can go with a resident. */
export function shiftOfWorker(shifts: ShiftRecord[], worker: string): ShiftRecord {
  const shift = shifts.find((s) => s.worker === worker);
  if (!shift) throw new AppError('BAD_INPUT', '请先把这位社工排进这一晚的值班', 'worker');
  return shift;
}

/** The request assigned to a worker, under the name they have on the roster. */
export const assignedCompanion = (
  c: CompanionRecord,
  worker: string,
  workerName: string,
): CompanionRecord => ({ ...c, worker, workerName, status: 'assigned' });

/**
 * What erasing a resident leaves of a companion request: a request nobody took up only describes
 * the resident and is deleted ('delete'); one a worker took up stays as the worker's record
 * (their evening, their status) with no owner, no "about" and no note.
 */
export function erasedCompanion(c: CompanionRecord): CompanionRecord | 'delete' {
  if (c.worker === null) return 'delete';
  return { ...c, userId: '', subject: `erased:${c.id}`, about: '', note: '' };
}

/** What the morning after leaves of a request: the note was for the evening; null when none. */
export const erasedNote = (c: CompanionRecord): CompanionRecord | null =>
  c.note === '' ? null : { ...c, note: '' };

export interface LeaveInput {
  community: string;
  date: string;
  minutes: number;
  note?: string;
}

/** Comp leave asks for no more than the balance not already asked for. */
export function requestedLeave(
  shifts: ShiftRecord[],
  leave: LeaveRecord[],
  worker: string,
  input: LeaveInput,
  id: string,
  now: Date,
): LeaveRecord {
  assertNearToday(input.date, now, PLANNING_WINDOW, 'date', '调休日期');
  const { balanceMinutes, pendingMinutes } = balanceOf(shifts, leave);
  const free = balanceMinutes - pendingMinutes;
  if (input.minutes > free) {
    throw new AppError('CONFLICT', `调休余额不足：可用 ${free} 分钟`, 'minutes');
  }
  const mine = shifts.find((s) => s.community === input.community);
  return {
    id,
    worker,
    name: mine?.name ?? memberName({ id: worker, name: null }),
    community: input.community,
    date: input.date,
    minutes: input.minutes,
    note: input.note ?? '',
    status: 'pending',
    createdAt: now.toISOString(),
    decidedBy: null,
  };
}

/** Compare-and-set from 'pending': a request is decided once; null when it was decided before. */
export const decidedLeave = (
  leave: LeaveRecord | null,
  status: 'approved' | 'refused',
  by: string,
): LeaveRecord | null => (leave?.status === 'pending' ? { ...leave, status, decidedBy: by } : null);
