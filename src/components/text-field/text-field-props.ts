/** Shared by text-field.tsx (H5) and text-field.weapp.tsx (a suffixed file cannot import its base). */
export interface TextFieldProps {
  /** The visible label, also the input's accessible name, e.g. "社工联系电话". */
  label: string;
  /**
   * Spoken instead of the label when the label alone is ambiguous on its page, e.g. "政务服务
   * 每段名额" where every service has its own 每段名额.
   */
  name?: string;
  value: string;
  onInput: (value: string) => void;
  /** A line under the label: what to write, the rule it follows. */
  hint?: string;
  /** The field's problem, shown and announced next to it. */
  error?: string | null;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit' | 'idcard';
  maxlength?: number;
  /** A box of several lines (Textarea) instead of one line. */
  multiline?: boolean;
  disabled?: boolean;
  /** short: about 8 characters wide (times, numbers). */
  size?: 'full' | 'short';
  className?: string;
}

export function fieldClass({ size = 'full', className = '' }: TextFieldProps): string {
  return `bdb-field bdb-field--${size} ${className}`.trim();
}
