/**
 * The notice editor's form as typed, and its checks. Same rules and bounds as the server's
 * `notice.save`, so most mistakes are explained (in Chinese, next to the field) before sending.
 */
import type { ActivityInput, Notice, SaveNoticeInput, ServiceEvening } from '@/types/contract';
import {
  addDays,
  dayText,
  inWeek,
  isCalendarDate,
  mondayOf,
  weekDates,
  weekdayOf,
  weekRangeText,
} from './week';

export const TITLE_MAX = 60;
export const BODY_MAX = 2000;
export const ACTIVITIES_MAX = 12;
export const ACTIVITY_TEXT_MAX = 30;
export const CAPACITY_RANGE: [number, number] = [1, 500];

/** One activity as typed. */
export interface ActivityDraft {
  /** Stable list key: the activity's id, or a local one for a new activity. */
  key: string;
  /** The server's id, kept when editing so residents' sign-ups stay attached. */
  id?: string;
  name: string;
  /** "YYYY-MM-DD", a day of the notice's week. */
  date: string;
  /** "18:30" as typed (also "18：30" or "1830"). */
  startsAt: string;
  endsAt: string;
  place: string;
  /** 需要报名. */
  signUp: boolean;
  /** 名额不限. */
  unlimited: boolean;
  capacity: string;
}

/** The cover: as loaded, a new upload to send, or removed. */
export type CoverDraft =
  | { kind: 'kept'; preview: string | null }
  | { kind: 'new'; ref: string; preview: string }
  | { kind: 'removed' };

export interface NoticeDraft {
  /** Monday of the notice's week. */
  week: string;
  title: string;
  body: string;
  cover: CoverDraft;
  activities: ActivityDraft[];
}

export type ActivityField = 'name' | 'date' | 'startsAt' | 'endsAt' | 'place' | 'capacity';
export type ActivityErrors = Partial<Record<ActivityField, string>>;

export interface NoticeErrors {
  week?: string;
  title?: string;
  body?: string;
  cover?: string;
  /** About the list as a whole (too many activities). */
  activityList?: string;
  /** Per activity, by its key. */
  activities: Record<string, ActivityErrors>;
  /** Anything not tied to one field (e.g. a refusal from the server). */
  form?: string;
}

let localKeys = 0;
const newKey = () => `new-${(localKeys += 1)}`;

/** A new notice for the week holding `today`. */
export function emptyDraft(today: string): NoticeDraft {
  return {
    week: mondayOf(today),
    title: '',
    body: '',
    cover: { kind: 'kept', preview: null },
    activities: [],
  };
}

/** An existing notice as a form; activity ids are kept. */
export function draftOf(notice: Notice): NoticeDraft {
  return {
    week: notice.week,
    title: notice.title,
    body: notice.body,
    cover: { kind: 'kept', preview: notice.cover },
    activities: notice.activities.map((a) => ({
      key: a.id,
      id: a.id,
      name: a.name,
      date: a.date,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      place: a.place,
      signUp: a.signUp,
      unlimited: a.capacity === null,
      capacity: a.capacity === null ? '' : String(a.capacity),
    })),
  };
}

/**
 * Moves the notice to the week holding `date`; activities keep their weekday (Wednesday's
 * calligraphy class stays on Wednesday).
 */
export function changeWeek(draft: NoticeDraft, date: string): NoticeDraft {
  if (!isCalendarDate(date)) return draft;
  const week = mondayOf(date);
  const shift = Math.round((Date.parse(week) - Date.parse(draft.week)) / 86_400_000);
  return {
    ...draft,
    week,
    activities: draft.activities.map((a) =>
      inWeek(draft.week, a.date) ? { ...a, date: addDays(a.date, shift) } : a,
    ),
  };
}

/**
 * The day a new activity starts on: the community's next service evening in the notice's week
 * (from `today` on), else its first service evening that week, else the week's Monday.
 */
export function defaultActivityDay(
  week: string,
  evenings: readonly ServiceEvening[],
  today: string | null,
): string {
  const open = new Set(evenings.map((e) => e.weekday));
  const days = weekDates(week).filter((d) => open.has(weekdayOf(d)));
  return days.find((d) => today === null || d >= today) ?? days[0] ?? week;
}

/**
 * A new activity at the end, starting from the previous one's day, hours and place; the first one
 * on the community's service evening (see defaultActivityDay).
 */
export function addActivity(
  draft: NoticeDraft,
  evenings: readonly ServiceEvening[] = [],
  today: string | null = null,
): NoticeDraft {
  if (draft.activities.length >= ACTIVITIES_MAX) return draft;
  const last = draft.activities[draft.activities.length - 1];
  const activity: ActivityDraft = {
    key: newKey(),
    name: '',
    date:
      last && inWeek(draft.week, last.date)
        ? last.date
        : defaultActivityDay(draft.week, evenings, today),
    startsAt: last?.startsAt ?? '19:00',
    endsAt: last?.endsAt ?? '20:00',
    place: last?.place ?? '',
    signUp: false,
    unlimited: true,
    capacity: '',
  };
  return { ...draft, activities: [...draft.activities, activity] };
}

export function updateActivity(
  draft: NoticeDraft,
  key: string,
  patch: Partial<Omit<ActivityDraft, 'key' | 'id'>>,
): NoticeDraft {
  return {
    ...draft,
    activities: draft.activities.map((a) => (a.key === key ? { ...a, ...patch } : a)),
  };
}

export function removeActivity(draft: NoticeDraft, key: string): NoticeDraft {
  return { ...draft, activities: draft.activities.filter((a) => a.key !== key) };
}

/** Moves an activity one place up (-1) or down (+1); at either end nothing changes. */
export function moveActivity(draft: NoticeDraft, key: string, by: -1 | 1): NoticeDraft {
  const from = draft.activities.findIndex((a) => a.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= draft.activities.length) return draft;
  const activities = [...draft.activities];
  [activities[from], activities[to]] = [activities[to], activities[from]];
  return { ...draft, activities };
}

/** "19:30", "19：30" (Chinese colon), "9:05" or "1930" → "19:30"; anything else → null. */
export function normaliseHhmm(text: string): string | null {
  const match = /^(\d{1,2})[:：]?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

// The server refuses control characters: one-line fields have none, the body only line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const normaliseBody = (body: string) => body.replace(/\r\n?/g, '\n').trim();

function lineError(text: string, what: string, max: number): string | null {
  if (!text) return `请填写${what}`;
  if (text.length > max) return `${what}最多 ${max} 个字`;
  if (CONTROL.test(text)) return `${what}里有无法显示的字符，请删掉后重新输入`;
  return null;
}

function bodyError(body: string): string | null {
  if (body.length > BODY_MAX) return `正文最多 ${BODY_MAX} 字，现在 ${body.length} 字`;
  if (
    normaliseBody(body)
      .split('\n')
      .some((line) => CONTROL.test(line))
  ) {
    return '正文里有无法显示的字符（如制表符），请删掉后再保存';
  }
  return null;
}

function parseCapacity(a: ActivityDraft): number | null | undefined {
  if (!a.signUp || a.unlimited) return null;
  const text = a.capacity.trim();
  const value = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  return value >= CAPACITY_RANGE[0] && value <= CAPACITY_RANGE[1] ? value : undefined;
}

/** The hours of an activity, normalised, or why not. */
function parseHours(a: ActivityDraft, what: string) {
  const errors: ActivityErrors = {};
  const startsAt = normaliseHhmm(a.startsAt);
  const endsAt = normaliseHhmm(a.endsAt);
  if (!startsAt) errors.startsAt = `${what}开始时间请按 18:30 这样的格式填写`;
  if (!endsAt) errors.endsAt = `${what}结束时间请按 19:30 这样的格式填写`;
  else if (startsAt && endsAt <= startsAt) errors.endsAt = `${what}结束时间要晚于开始时间`;
  return { startsAt, endsAt, errors };
}

function parseActivity(
  a: ActivityDraft,
  n: number,
  week: string,
): { input: ActivityInput | null; errors: ActivityErrors } {
  const what = `第 ${n} 个活动的`;
  const name = a.name.trim();
  const place = a.place.trim();
  const hours = parseHours(a, what);
  const capacity = parseCapacity(a);
  const errors: ActivityErrors = {
    name: lineError(name, `${what}名称`, ACTIVITY_TEXT_MAX) ?? undefined,
    date:
      isCalendarDate(a.date) && inWeek(week, a.date)
        ? undefined
        : `${what}日期不在这一周（${weekRangeText(week)}），请重新选择`,
    ...hours.errors,
    place: lineError(place, `${what}地点`, ACTIVITY_TEXT_MAX) ?? undefined,
    capacity:
      capacity === undefined
        ? `${what}名额请填 ${CAPACITY_RANGE[0]} 到 ${CAPACITY_RANGE[1]} 之间的整数，或选“不限”`
        : undefined,
  };
  const found = Object.fromEntries(
    Object.entries(errors).filter(([, message]) => message !== undefined),
  ) as ActivityErrors;
  const { startsAt, endsAt } = hours;
  if (Object.keys(found).length > 0 || !startsAt || !endsAt || capacity === undefined) {
    return { input: null, errors: found };
  }
  const input: ActivityInput = {
    name,
    date: a.date,
    startsAt,
    endsAt,
    place,
    capacity,
    signUp: a.signUp,
  };
  return { input: a.id ? { id: a.id, ...input } : input, errors: found };
}

/** How many problems the errors name: for the summary next to the save buttons. */
export function errorCount(errors: NoticeErrors): number {
  const top = (['week', 'title', 'body', 'cover', 'activityList', 'form'] as const).filter(
    (f) => errors[f],
  ).length;
  return top + Object.values(errors.activities).reduce((n, e) => n + Object.keys(e).length, 0);
}

/**
 * Checks the form and builds what `notice.save` takes, or says what is wrong. The cover is sent
 * only when it changed (a new upload, or removed): a kept cover is a display URL, not a reference.
 */
export function parseNoticeForm(
  draft: NoticeDraft,
  target: { community: string; id?: string },
): { input: SaveNoticeInput | null; errors: NoticeErrors } {
  const errors: NoticeErrors = { activities: {} };
  if (!isCalendarDate(draft.week)) errors.week = '请选择通知是哪一周的';
  const week = isCalendarDate(draft.week) ? mondayOf(draft.week) : draft.week;
  const title = draft.title.trim();
  const titleError = lineError(title, '通知标题', TITLE_MAX);
  if (titleError) errors.title = titleError;
  const bodyProblem = bodyError(draft.body);
  if (bodyProblem) errors.body = bodyProblem;
  if (draft.activities.length > ACTIVITIES_MAX) {
    errors.activityList = `一条通知最多 ${ACTIVITIES_MAX} 个活动`;
  }
  const activities: ActivityInput[] = [];
  draft.activities.forEach((a, i) => {
    const parsed = parseActivity(a, i + 1, week);
    if (parsed.input) activities.push(parsed.input);
    else errors.activities[a.key] = parsed.errors;
  });
  if (errorCount(errors) > 0) return { input: null, errors };
  const input: SaveNoticeInput = {
    community: target.community,
    ...(target.id ? { id: target.id } : {}),
    week,
    title,
    body: normaliseBody(draft.body),
    activities,
  };
  if (draft.cover.kind === 'new') input.cover = draft.cover.ref;
  if (draft.cover.kind === 'removed') input.cover = null;
  return { input, errors };
}

const ACTIVITY_FIELDS: readonly string[] = [
  'name',
  'date',
  'startsAt',
  'endsAt',
  'place',
  'capacity',
];

/**
 * A refusal from the server placed next to its field when it names one ("title",
 * "activities.2.endsAt"), else as a form-level message.
 */
export function serverErrors(
  draft: NoticeDraft,
  field: string | undefined,
  message: string,
): NoticeErrors {
  const errors: NoticeErrors = { activities: {} };
  const match = /^activities\.(\d+)\.(\w+)$/.exec(field ?? '');
  const activity = match ? draft.activities[Number(match[1])] : undefined;
  if (match && activity && ACTIVITY_FIELDS.includes(match[2])) {
    errors.activities[activity.key] = { [match[2] as ActivityField]: message };
  } else if (field === 'week' || field === 'title' || field === 'body' || field === 'cover') {
    errors[field] = message;
  } else {
    errors.form = message;
  }
  return errors;
}

/** The day choices of an activity: the seven days of the notice's week. */
export function dayChoices(week: string): Array<{ date: string; text: string }> {
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(week, i);
    return { date, text: dayText(date) };
  });
}
