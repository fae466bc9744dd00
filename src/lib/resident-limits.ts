import type { ResidentLimits } from '@/types/contract';

/**
 * The fair limits per resident in residents' words, said before they reach them (the server's
 * refusal names the same limit: server/core/community/limits.ts).
 */
export const bookingLimitsText = (limits: ResidentLimits) =>
  `每人每晚最多预约 ${limits.bookingsPerEvening} 个时段，同时最多保留 ${limits.openBookings} 个未到期的预约`;

export const numberLimitText = (limits: ResidentLimits) =>
  `每人每晚最多取 ${limits.numbersPerEvening} 个号（各项服务合计）`;

/** Said where residents sign up for activities (活动报名). */
export const signUpLimitText = (openSignUps: number) =>
  `每人同时最多报名 ${openSignUps} 个还没开始的活动（候补也算）`;
