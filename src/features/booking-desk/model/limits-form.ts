import type { ResidentLimits } from '@/types/contract';

/** The limits form as typed (strings). */
export type LimitsDraft = Record<keyof ResidentLimits, string>;
export type LimitsField = keyof ResidentLimits;
export type LimitsErrors = Partial<Record<LimitsField, string>>;

export const LIMIT_FIELDS: Array<{ field: LimitsField; label: string; hint: string }> = [
  {
    field: 'bookingsPerEvening',
    label: '每人每晚预约数',
    hint: '一位居民在同一个服务晚上最多约几个时段（候补也算）',
  },
  {
    field: 'openBookings',
    label: '每人同时保留的预约数',
    hint: '一位居民最多同时有几个还没到的预约；取消或时段开始后就不再算',
  },
  {
    field: 'numbersPerEvening',
    label: '每人每晚取号数',
    hint: '一位居民一晚在各项排队服务合计最多取几个号；社工添加的现场号不算',
  },
  {
    field: 'openSignUps',
    label: '每人同时报名的活动数',
    hint: '一位居民最多同时报名几个还没开始的活动（候补也算）；取消或活动开始后就不再算，社工现场登记的不算',
  },
];

// Same bounds as the server's schema (server/core/community/limits.ts, LIMIT_BOUNDS).
const BOUNDS: Record<LimitsField, [number, number]> = {
  bookingsPerEvening: [1, 20],
  openBookings: [1, 50],
  numbersPerEvening: [1, 20],
  openSignUps: [1, 20],
};

export const limitsDraftOf = (limits: ResidentLimits): LimitsDraft => ({
  bookingsPerEvening: String(limits.bookingsPerEvening),
  openBookings: String(limits.openBookings),
  numbersPerEvening: String(limits.numbersPerEvening),
  openSignUps: String(limits.openSignUps),
});

/** The limits typed, or an error in Chinese next to each wrong field. */
export function parseLimits(
  draft: LimitsDraft,
): { limits: ResidentLimits; errors: LimitsErrors } | { limits: null; errors: LimitsErrors } {
  const errors: LimitsErrors = {};
  const values: Partial<ResidentLimits> = {};
  for (const { field, label } of LIMIT_FIELDS) {
    const [min, max] = BOUNDS[field];
    const text = draft[field].trim();
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) {
      errors[field] = `${label}请填 ${min} 到 ${max} 之间的整数`;
    } else {
      values[field] = n;
    }
  }
  if (Object.keys(errors).length > 0) return { limits: null, errors };
  return { limits: values as ResidentLimits, errors };
}

export const isLimitsField = (field: string | undefined): field is LimitsField =>
  LIMIT_FIELDS.some((f) => f.field === field);

/** What the folded section says while closed. */
export const limitsSummary = (limits: ResidentLimits) =>
  `每晚预约 ${limits.bookingsPerEvening} 个 · 同时 ${limits.openBookings} 个 · 每晚取号 ${limits.numbersPerEvening} 个 · 同时报名活动 ${limits.openSignUps} 个`;
