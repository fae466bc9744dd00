/** 回访设置: how many days after the evening a service's residents are called (the server allows 1–7). */
export const DELAY_MIN = 1;
export const DELAY_MAX = 7;

/** The delay moved by one day, kept within 1–7. */
export function nextDelay(days: number, by: -1 | 1): number {
  return Math.min(DELAY_MAX, Math.max(DELAY_MIN, days + by));
}

/** "服务后第 1 天回访" (the next day), "服务后第 3 天回访". */
export function delayText(days: number): string {
  return days === 1 ? '服务后第 1 天（次日）回访' : `服务后第 ${days} 天回访`;
}
