/** 排班, 登记下班时间 and 申请调休: forms as typed, checked before sending. */
import type {
  AssignShiftInput,
  CompanionRequest,
  LeaveRequest,
  Shift,
  StaffMember,
} from '@/types/contract';
import { isCalendarDate } from '@/lib/calendar-date';

/** Offices used to close at 17:00: every minute worked after it is evening time, owed back. */
export const REGULAR_CLOSE = '17:00';
export const NAME_MAX = 20;
export const NOTE_MAX = 100;
export const LEAVE_MIN = 30;
export const LEAVE_MAX = 480;
/** Quick choices for 申请调休, in minutes. */
export const LEAVE_PRESETS: readonly number[] = [60, 120, 240, 480];

export const LEAVE_STATUS_LABELS: Record<LeaveRequest['status'], string> = {
  pending: '待审批',
  approved: '已同意',
  refused: '未同意',
};

export const COMPANION_STATUS_LABELS: Record<CompanionRequest['status'], string> = {
  waiting: '等待指派',
  assigned: '已指派',
  done: '已完成',
};

/** "19:30", "19：30" (Chinese colon), "9:05" or "1930" → "19:30"; anything else → null. */
export function normaliseHhmm(text: string): string | null {
  const match = /^(\d{1,2})[:：]?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Comp minutes of a shift from `start` that ended at `end`, as the server counts them. */
export function compMinutesOf(start: string, end: string): number {
  return Math.max(0, minutesOf(end) - Math.max(minutesOf(start), minutesOf(REGULAR_CLOSE)));
}

/** 225 → "3 小时 45 分钟", 60 → "1 小时", 45 → "45 分钟", 0 → "0 分钟". */
export function durationText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  if (hours === 0) return `${sign}${rest} 分钟`;
  return rest === 0 ? `${sign}${hours} 小时` : `${sign}${hours} 小时 ${rest} 分钟`;
}

/** "16:30–20:00 · 实际 20:45 下班，调休 +3 小时 45 分钟", or the plan alone until logged. */
export function shiftLine(s: Shift): string {
  const plan = `计划 ${s.start}–${s.end}`;
  if (s.loggedEnd === null) return `${plan} · 还没登记下班时间`;
  return `${plan} · 实际 ${s.loggedEnd} 下班，调休 +${durationText(s.compMinutes)}`;
}

/** Who is on the evening's roster, once each, in roster order. */
export function rosterWorkers(shifts: Shift[]): Array<{ worker: string; name: string }> {
  const seen = new Map<string, string>();
  for (const s of shifts) if (!seen.has(s.worker)) seen.set(s.worker, s.name);
  return [...seen].map(([worker, name]) => ({ worker, name }));
}

/**
 * Who a companion request can go to: the workers on that evening's roster, each by the name the
 * directory knows them by (the roster's own name until the directory is loaded).
 */
export function companionChoices(
  shifts: Shift[],
  members: StaffMember[] | null,
): Array<{ worker: string; name: string }> {
  const named = new Map((members ?? []).map((m) => [m.userId, m.name]));
  return rosterWorkers(shifts).map((w) => ({
    worker: w.worker,
    name: named.get(w.worker) ?? w.name,
  }));
}

/** The colleagues to pick from by name, oneself first and marked. */
export function memberChoices(
  members: StaffMember[],
  me: string | null,
): Array<{ value: string; text: string }> {
  const mine = members.filter((m) => m.userId === me);
  const others = members.filter((m) => m.userId !== me);
  return [
    ...mine.map((m) => ({ value: m.userId, text: `${m.name}（我）` })),
    ...others.map((m) => ({ value: m.userId, text: m.name })),
  ];
}

// ── 排班 ─────────────────────────────────────────────────────────────────

export interface ShiftDraft {
  /** The colleague's user id, picked by name from the staff directory. */
  worker: string;
  start: string;
  end: string;
}

export type ShiftField = 'start' | 'end' | 'worker';
export type ShiftErrors = Partial<Record<ShiftField, string>>;

export function isShiftField(field: string | undefined | null): field is ShiftField {
  return field === 'start' || field === 'end' || field === 'worker';
}

export const emptyShift = (me: string | null): ShiftDraft => ({
  worker: me ?? '',
  start: '16:30',
  end: '20:00',
});

function hoursErrors(start: string | null, end: string | null): ShiftErrors {
  const errors: ShiftErrors = {};
  if (!start) errors.start = '上班时间请按 16:30 这样的格式填写';
  if (!end) errors.end = '下班时间请按 20:00 这样的格式填写';
  else if (start && end <= start) errors.end = '下班时间要晚于上班时间';
  return errors;
}

/** The roster shows the picked colleague by their directory name; oneself is the default. */
export function parseShift(
  community: string,
  date: string,
  draft: ShiftDraft,
  me: string | null,
): { input: AssignShiftInput | null; errors: ShiftErrors } {
  const start = normaliseHhmm(draft.start);
  const end = normaliseHhmm(draft.end);
  const errors = hoursErrors(start, end);
  if (!draft.worker) errors.worker = '请选一位社工';
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: AssignShiftInput = { community, date, start: start!, end: end! };
  if (draft.worker !== me) input.worker = draft.worker;
  return { input, errors: {} };
}

// ── 我的称呼 ───────────────────────────────────────────────────────────────

export function parseName(text: string): { name: string | null; error: string | null } {
  const name = text.trim();
  if (!name) return { name: null, error: '请写您的称呼，如：李社工' };
  if (name.length > NAME_MAX) return { name: null, error: `称呼最多 ${NAME_MAX} 字` };
  return { name, error: null };
}

// ── 登记下班时间 ───────────────────────────────────────────────────────────

export function parseLogEnd(
  shift: Shift,
  text: string,
): { input: { shiftId: string; end: string } | null; error: string | null } {
  const end = normaliseHhmm(text);
  if (!end) return { input: null, error: '请按 20:30 这样的格式填写下班时间' };
  if (end <= shift.start) return { input: null, error: '下班时间要晚于上班时间' };
  return { input: { shiftId: shift.id, end }, error: null };
}

// ── 申请调休 ───────────────────────────────────────────────────────────────

export interface LeaveDraft {
  date: string;
  minutes: string;
  note: string;
}

export type LeaveField = 'date' | 'minutes' | 'note';
export type LeaveErrors = Partial<Record<LeaveField, string>>;

export function isLeaveField(field: string | undefined | null): field is LeaveField {
  return field === 'date' || field === 'minutes' || field === 'note';
}

export const emptyLeave = (date: string): LeaveDraft => ({ date, minutes: '', note: '' });

export interface LeaveInput {
  community: string;
  date: string;
  minutes: number;
  note?: string;
}

/** What `roster.requestLeave` takes; `available` is the balance less what awaits approval. */
export function parseLeave(
  community: string,
  draft: LeaveDraft,
  available: number,
): { input: LeaveInput | null; errors: LeaveErrors } {
  const errors: LeaveErrors = {};
  if (!isCalendarDate(draft.date)) errors.date = '请选择调休日期';
  const text = draft.minutes.trim();
  const minutes = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(minutes >= LEAVE_MIN && minutes <= LEAVE_MAX)) {
    errors.minutes = `调休时长请填 ${LEAVE_MIN}–${LEAVE_MAX} 分钟`;
  } else if (minutes > available) {
    errors.minutes = `调休余额不足：可用 ${Math.max(0, available)} 分钟`;
  }
  const note = draft.note.trim();
  if (note.length > NOTE_MAX) errors.note = `备注最多 ${NOTE_MAX} 字`;
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: LeaveInput = { community, date: draft.date, minutes };
  if (note) input.note = note;
  return { input, errors: {} };
}
