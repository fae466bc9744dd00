import lists from './weapp-attribute-lists.json';

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

/** Each option's attribute: `labelledBy` is aria-labelledby, and so on. */
const ATTRIBUTE: Record<Exclude<keyof A11yOptions, 'role'>, `aria-${string}`> = {
  label: 'aria-label',
  live: 'aria-live',
  hidden: 'aria-hidden',
  checked: 'aria-checked',
  expanded: 'aria-expanded',
  controls: 'aria-controls',
  modal: 'aria-modal',
  labelledBy: 'aria-labelledby',
  describedBy: 'aria-describedby',
  level: 'aria-level',
  disabled: 'aria-disabled',
  pressed: 'aria-pressed',
};

/**
 * What the mini-program's templates can render (WeChat's aria-component, base library ≥ 2.7.1,
 * supports every one): the role as `aria-role`, then each option's attribute.
 */
export const WEAPP_ARIA_ATTRIBUTES: readonly `aria-${string}`[] = [
  'aria-role',
  ...Object.values(ATTRIBUTE),
];

/**
 * Which of them each of Taro's components renders in the mini-program: those our code sets on it.
 * Each is a few dozen bytes in every template level of base.wxml, in the main package (issue #15).
 * Kept in weapp-attribute-lists.json, read as it is by config/plugins/weapp-aria.ts (templates)
 * and through here by lib/weapp-aria-runtime.ts (the runtime's table); tests/weapp/aria.test.ts
 * fails when a component is given one not listed (WeChat would never see it), when one listed is
 * not an aria attribute, or when the compiled templates differ from the list.
 */
export const WEAPP_ARIA_BY_COMPONENT = lists.aria as Readonly<
  Record<string, readonly `aria-${string}`[]>
>;

/** Every option except the role, which each platform spells its own way. */
export function ariaAttributes(options: A11yOptions): A11yAttributes {
  const out: A11yAttributes = {};
  for (const [key, attribute] of Object.entries(ATTRIBUTE) as [
    keyof typeof ATTRIBUTE,
    `aria-${string}`,
  ][]) {
    const value = options[key];
    if (value !== undefined) out[attribute] = String(value);
  }
  return out;
}
