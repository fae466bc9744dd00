/** 排班, 登记下班时间 and 申请调休: forms as typed, checked before sending. */
import type { AssignShiftInput, CompanionRequest, LeaveRequest, Shift } from '@/types/contract';
import { isCalendarDate } from './dates';

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

// ── 排班 ─────────────────────────────────────────────────────────────────

export interface ShiftDraft {
  name: string;
  start: string;
  end: string;
  /** Oneself, or another colleague named by `worker`. */
  who: 'me' | 'other';
  /** The colleague's user id (only for `other`). */
  worker: string;
}

export type ShiftField = 'name' | 'start' | 'end' | 'worker';
export type ShiftErrors = Partial<Record<ShiftField, string>>;

export function isShiftField(field: string | undefined | null): field is ShiftField {
  return field === 'name' || field === 'start' || field === 'end' || field === 'worker';
}

export const emptyShift = (): ShiftDraft => ({
  name: '',
  start: '16:30',
  end: '20:00',
  who: 'me',
  worker: '',
});

const WORKER_ID = /^[A-Za-z0-9_:-]{1,80}$/;

function hoursErrors(start: string | null, end: string | null): ShiftErrors {
  const errors: ShiftErrors = {};
  if (!start) errors.start = '上班时间请按 16:30 这样的格式填写';
  if (!end) errors.end = '下班时间请按 20:00 这样的格式填写';
  else if (start && end <= start) errors.end = '下班时间要晚于上班时间';
  return errors;
}

function whoError(draft: ShiftDraft): string | undefined {
  if (draft.who !== 'other') return undefined;
  const worker = draft.worker.trim();
  if (!worker) return '请填这位社工的用户 ID';
  return WORKER_ID.test(worker) ? undefined : '用户 ID 只有字母、数字和 - _ :';
}

export function parseShift(
  community: string,
  date: string,
  draft: ShiftDraft,
): { input: AssignShiftInput | null; errors: ShiftErrors } {
  const name = draft.name.trim();
  const start = normaliseHhmm(draft.start);
  const end = normaliseHhmm(draft.end);
  const errors = hoursErrors(start, end);
  if (!name) errors.name = '请写值班人的称呼，如：李社工';
  else if (name.length > NAME_MAX) errors.name = `称呼最多 ${NAME_MAX} 字`;
  const worker = whoError(draft);
  if (worker) errors.worker = worker;
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: AssignShiftInput = { community, date, name, start: start!, end: end! };
  if (draft.who === 'other') input.worker = draft.worker.trim();
  return { input, errors: {} };
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
