/**
 * Calendar arithmetic on Shanghai dates ("YYYY-MM-DD"), done in UTC: the dates are local already,
 * so no time zone is involved.
 */
const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

/** "2026-12-03" → "12月3日". */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}
