/**
 * A phone number as lists show it: never more than 3 leading and 4 trailing digits, and never
 * more than half of a short number (a landline without its area code), so at least 4 digits are
 * always hidden. "13812345678" → "138****5678", "5123456" → "****456". The server's copy is
 * server/core/kernel/mask.ts (runtime code does not cross the contract boundary); both run one table.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const n = digits.length;
  const shown = n >= 11 ? 7 : Math.floor(n / 2);
  const tail = Math.min(4, shown);
  const head = Math.min(3, shown - tail);
  return `${digits.slice(0, head)}${'*'.repeat(Math.max(4, n - head - tail))}${tail > 0 ? digits.slice(n - tail) : ''}`;
}
