/**
 * Accessibility attributes for Taro components. Taro's component types lack `role`, and WeChat
 * spells it `aria-role`, so components spread `{...a11y({ role, label })}` instead of writing
 * attributes by hand; a11y.weapp.ts is the mini-program twin.
 */
import { ariaAttributes, type A11yAttributes, type A11yOptions } from './aria-attributes';

export type { A11yAttributes, A11yOptions } from './aria-attributes';

export function a11y(options: A11yOptions): A11yAttributes {
  const out = ariaAttributes(options);
  if (options.role !== undefined) out.role = options.role;
  return out;
}

/** What a custom control (a chip with role switch, checkbox or radio) needs to work by keyboard. */
export interface KeyActivation {
  tabIndex: number;
  onKeyDown: (event: { key: string; preventDefault: () => void; currentTarget?: unknown }) => void;
}

/**
 * Makes a View acting as a switch or checkbox reachable with Tab and toggled with Space or Enter,
 * as a native control would be (the mini-program has no keyboard: a11y.weapp.ts gives nothing).
 */
export function keyActivation(
  activate: (target: unknown) => void,
): KeyActivation | Record<string, never> {
  return {
    tabIndex: 0,
    onKeyDown: (event) => {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      event.preventDefault();
      activate(event.currentTarget);
    },
  };
}
