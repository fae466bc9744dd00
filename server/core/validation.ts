import * as z from 'zod';
import { AppError } from './errors';
import { isCalendarDate } from './kernel/week';

/** Field names residents may see in messages, in Chinese where we have them. */
const FIELD_LABELS: Record<string, string> = {
  community: '社区',
  code: '验证码',
  action: '操作',
  queue: '排队项目',
  requestId: '请求编号',
  ticketId: '号码',
  note: '备注',
  capacity: '名额',
  lastJoin: '截止取号时间',
  graceMinutes: '过号保留分钟数',
  defaultServiceMinutes: '每位预计分钟数',
  slotId: '预约时段',
  bookingId: '预约',
  service: '服务',
  date: '日期',
  phone: '电话',
  consent: '同意联系',
  name: '姓名',
  slotMinutes: '每段分钟数',
  seatsPerSlot: '每段名额',
  cutoffHours: '取消时限',
  bring: '需携带材料',
  weekdays: '服务的晚上',
  bookingsPerEvening: '每人每晚预约数',
  openBookings: '每人同时保留的预约数',
  numbersPerEvening: '每人每晚取号数',
  id: '编号',
  week: '周',
  past: '往期',
  title: '标题',
  body: '正文',
  cover: '封面图片',
  data: '图片',
  activities: '活动',
  activityId: '活动',
  startsAt: '开始时间',
  endsAt: '结束时间',
  place: '地点',
  signUp: '是否需要报名',
  pinned: '置顶',
  signUpId: '报名记录',
  attended: '到场',
  kind: '类型',
  ref: '号码或预约',
  worker: '社工',
  address: '地址',
  contactPhone: '联系电话',
  evenings: '服务时间',
  archived: '停用',
  'activities.name': '名称',
  'activities.id': '编号',
};

const label = (field: string) => {
  // "activities.2.name" reads as "活动第 3 项的名称（activities.2.name）".
  const nested = /^([A-Za-z]+)\.(\d+)\.([A-Za-z]+)$/.exec(field);
  if (nested && FIELD_LABELS[nested[1]!] && FIELD_LABELS[nested[3]!]) {
    const [, list, index, key] = nested;
    const name = FIELD_LABELS[`${list}.${key}`] ?? FIELD_LABELS[key!];
    return `${FIELD_LABELS[list!]}第 ${Number(index) + 1} 项的${name}（${field}）`;
  }
  return FIELD_LABELS[field] ? `${FIELD_LABELS[field]}（${field}）` : field;
};

const valueAt = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, key) =>
      value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );

/** One readable Chinese sentence for the first problem zod found, naming the field. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
): { message: string; field?: string } {
  if (issue.code === 'unrecognized_keys') {
    return { message: `不认识的字段：${issue.keys.join('、')}`, field: issue.keys[0] };
  }
  const field = issue.path.map(String).join('.');
  if (!field) return { message: '请求内容应是一个对象' };
  const name = label(field);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? { message: `缺少${name}`, field }
        : { message: `${name}格式不正确`, field };
    case 'too_big':
      return { message: `${name}太长了`, field };
    case 'too_small':
      return { message: `${name}不能为空或太短`, field };
    case 'custom':
      if (issue.params?.hidden)
        return { message: `${name}含有看不见的控制字符，请删掉后再试`, field };
      if (issue.params?.date) return { message: `${name}不是有效的日期`, field };
      return { message: `${name}不正确`, field };
    default:
      return { message: `${name}不正确`, field };
  }
}

/** Parses `input` or throws BAD_INPUT naming the offending field; nothing is changed on failure. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const { message, field } = first
    ? describeIssue(first, input)
    : { message: '输入不正确', field: undefined };
  throw new AppError('BAD_INPUT', message, field);
}

/** Zero-width characters: they hide nothing useful and make two names look alike. Stripped. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Bidi controls reorder what staff read (and CSVs they open): refused, as are other controls. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const ONE_LINE = /^[^\p{Cc}]*$/u;
const LINES = /^[^\p{Cc}]*(?:\n[^\p{Cc}]*)*$/u;

/**
 * Free text from a person (a name, a note, a suggestion): NFC-normalised, zero-width characters
 * stripped, trimmed; line breaks only where `lines` (CRLF becomes LF); NUL, other control
 * characters and bidi overrides refused. Rendered as text, never HTML.
 */
export function text(max: number, options: { min?: number; lines?: boolean } = {}) {
  const { min = 0, lines = false } = options;
  return z
    .string()
    .max(max * 2)
    .transform((s) => s.normalize('NFC').replace(ZERO_WIDTH, '').replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(min)
        .max(max)
        .refine((s) => (lines ? LINES : ONE_LINE).test(s) && !BIDI.test(s), {
          params: { hidden: true },
        }),
    );
}

/** Dates a service evening can have: far enough back for the archive, far enough ahead to plan. */
export const DATE_WINDOW = { from: '2020-01-01', to: '2099-12-31' } as const;

/** Building blocks shared by action schemas. */
export const ids = {
  community: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
  service: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/),
  /** Store-made ids (tickets, bookings…). */
  record: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** Client-made idempotency keys. */
  requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  hhmm: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** A real calendar day ("YYYY-MM-DD", not 2026-02-30) inside DATE_WINDOW. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => isCalendarDate(d) && d >= DATE_WINDOW.from && d <= DATE_WINDOW.to, {
      params: { date: true },
    }),
};
