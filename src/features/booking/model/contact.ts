/** The optional phone and the explicit consent that must come with it, as typed. */
export interface ContactDraft {
  phone: string;
  consent: boolean;
}

export const EMPTY_CONTACT: ContactDraft = { phone: '', consent: false };

/** The longest 称呼 the server takes. */
export const NAME_MAX = 20;

/** The 称呼 as sent: trimmed, and left out when empty (it is optional). */
export const nameInput = (name: string): { name?: string } => {
  const trimmed = name.trim();
  return trimmed ? { name: trimmed } : {};
};

/** What the server accepts: digits with optional hyphens (mobile or landline). */
const PHONE = /^[0-9-]{7,20}$/;

/**
 * What goes into the request: the phone only together with the consent, never without it (and
 * the consent alone means nothing). A phone that cannot be a number is refused here, in Chinese.
 */
export function contactInput(draft: ContactDraft): {
  input: { phone?: string; consent?: true };
  error: string | null;
} {
  const phone = draft.phone.trim();
  if (!draft.consent || phone === '') return { input: {}, error: null };
  if (!PHONE.test(phone)) return { input: {}, error: '电话号码请填 7 到 20 位数字' };
  return { input: { phone, consent: true }, error: null };
}

/** Server errors about the phone or the consent belong next to those fields. */
export const isContactField = (field: string | undefined) =>
  field === 'phone' || field === 'consent';
