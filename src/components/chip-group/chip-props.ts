import type { ReactNode } from 'react';

/** Something the group can move focus to (a chip's DOM node in H5). */
export interface Focusable {
  focus: () => void;
}

/** Shared by chip.tsx (H5) and chip.weapp.tsx (a suffixed file cannot import its base). */
export interface ChipProps {
  role: 'radio' | 'checkbox' | 'switch';
  checked: boolean;
  disabled: boolean;
  /** Spoken instead of the visible words, e.g. "王阿姨 满意度 满意". */
  label?: string;
  className: string;
  /** Roving tab stop of a radio group: 0 for the one Tab reaches, -1 for the others. */
  tabIndex?: number;
  onActivate: () => void;
  /** Arrow keys and the like, for the group; true when handled. */
  onKey?: (key: string) => boolean;
  chipRef?: (node: Focusable | null) => void;
  children: ReactNode;
}

export function chipClass(base: string, checked: boolean, disabled: boolean, extra = ''): string {
  return [base, checked ? `${base}--on` : '', disabled ? `${base}--disabled` : '', extra]
    .filter(Boolean)
    .join(' ');
}
