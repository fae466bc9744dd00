/**
 * Calendar arithmetic on Shanghai dates ("YYYY-MM-DD"), done in UTC: the dates are local already,
 * so no time zone is involved.
 */
const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** Is "YYYY-MM-DD" a real calendar date (not 2026-02-30)? */
export function isCalendarDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && utc(date).toISOString().slice(0, 10) === date;
}
