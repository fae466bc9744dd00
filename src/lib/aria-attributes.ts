/** Shared by a11y.ts and a11y.weapp.ts (a suffixed file cannot import its own base name). */
export interface A11yOptions {
  role?: string;
  label?: string;
  live?: 'polite' | 'assertive' | 'off';
  hidden?: boolean;
  checked?: boolean;
  /** A disclosure's toggle: whether what it controls is shown. */
  expanded?: boolean;
  /** The id of the element a toggle shows and hides. */
  controls?: string;
  /** A dialog that keeps the rest of the page out of reach while it is open. */
  modal?: boolean;
  /** The id of the element whose text names this one (a dialog's title). */
  labelledBy?: string;
  /** The id of the element whose text describes this one. */
  describedBy?: string;
  /** A heading's level (1 for the page title, 2 for its sections). */
  level?: number;
  /** A control that cannot be used now, yet is still found and read. */
  disabled?: boolean;
  /** A toggle button's state. */
  pressed?: boolean;
}

export type A11yAttributes = Partial<Record<'role' | `aria-${string}`, string>>;

/** Every option except the role, which each platform spells its own way. */
export function ariaAttributes(options: A11yOptions): A11yAttributes {
  const out: A11yAttributes = {};
  if (options.label !== undefined) out['aria-label'] = options.label;
  if (options.live !== undefined) out['aria-live'] = options.live;
  if (options.hidden !== undefined) out['aria-hidden'] = String(options.hidden);
  if (options.checked !== undefined) out['aria-checked'] = String(options.checked);
  if (options.expanded !== undefined) out['aria-expanded'] = String(options.expanded);
  if (options.controls !== undefined) out['aria-controls'] = options.controls;
  if (options.modal !== undefined) out['aria-modal'] = String(options.modal);
  if (options.labelledBy !== undefined) out['aria-labelledby'] = options.labelledBy;
  if (options.describedBy !== undefined) out['aria-describedby'] = options.describedBy;
  if (options.level !== undefined) out['aria-level'] = String(options.level);
  if (options.disabled !== undefined) out['aria-disabled'] = String(options.disabled);
  if (options.pressed !== undefined) out['aria-pressed'] = String(options.pressed);
  return out;
}
