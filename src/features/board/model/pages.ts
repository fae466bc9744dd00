/**
 * Splits `items` into as few pages of at most `perPage` as can be, of sizes as even as can be
 * (7 in threes → 3, 2, 2): a rotation never ends on a lone item.
 */
export function evenPages<T>(items: readonly T[], perPage: number): T[][] {
  const count = Math.ceil(items.length / perPage);
  const pages: T[][] = [];
  let start = 0;
  for (let i = 0; i < count; i += 1) {
    const size = Math.floor(items.length / count) + (i < items.length % count ? 1 : 0);
    pages.push(items.slice(start, start + size));
    start += size;
  }
  return pages;
}
