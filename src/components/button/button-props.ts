import type { ReactNode } from 'react';

/** Shared by button.tsx (H5) and button.weapp.tsx (a suffixed file cannot import its base). */
export interface ButtonProps {
  children: ReactNode;
  onClick: () => void;
  /** primary: the main action; secondary: outlined; quiet: text-like, still a full target. */
  variant?: 'primary' | 'secondary' | 'quiet';
  /** Cannot be used now: stays focusable and is read as unavailable (aria-disabled). */
  disabled?: boolean;
  /** Spoken instead of the visible text, when the text alone is ambiguous. */
  label?: string;
  /** Only for a button that toggles: whether it is on now (aria-pressed). */
  pressed?: boolean;
  className?: string;
}

export function buttonClass({ variant = 'primary', className = '' }: ButtonProps): string {
  return `bdb-button bdb-button--${variant} ${className}`.trim();
}
