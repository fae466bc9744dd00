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
