/**
 * Horizontal bars drawn with View widths: a value's share of the largest one, in percent. A
 * non-zero value always shows a sliver, so "1" never looks like "0"; the number is said in text
 * next to every bar anyway.
 */
export function barPercent(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(2, Math.round((value / max) * 100));
}

/** The largest of the values, 0 for none. */
export function maxOf(values: number[]): number {
  return values.reduce((m, v) => Math.max(m, v), 0);
}
