/** Shared by contact-line.tsx and contact-line.weapp.tsx (a suffixed file cannot import its base). */
export interface ContactLineProps {
  /** The community's contact phone; null when staff have not set one. */
  phone: string | null;
  /** What comes first, e.g. "如需变动，"; the line then says whom to call. */
  lead?: string;
}

/** The number as a dialler takes it: digits (and a leading +) only. */
export const dialDigits = (phone: string) => phone.replace(/[^\d+]/g, '');
