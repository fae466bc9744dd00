/** The same rule as the server: digits, with hyphens or spaces inside; 7 to 20 characters. */
const DIALLABLE = /^[0-9][0-9 -]{5,18}[0-9]$/;

/** Why a typed contact phone cannot be saved, in Chinese; null when it can ('' clears it). */
export function contactPhoneError(typed: string): string | null {
  const phone = typed.trim();
  if (phone === '') return null;
  if (!DIALLABLE.test(phone) || phone.replace(/\D/g, '').length < 7) {
    return '请填写能拨通的号码：至少 7 位数字，可用短横线或空格分隔';
  }
  return null;
}
