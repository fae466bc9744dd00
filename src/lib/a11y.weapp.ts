import { ariaAttributes, type A11yAttributes, type A11yOptions } from './aria-attributes';

export type { A11yAttributes, A11yOptions } from './aria-attributes';

/** WeChat reads the role from `aria-role` (config/plugins/weapp-aria.ts renders it). */
export function a11y(options: A11yOptions): A11yAttributes {
  const out = ariaAttributes(options);
  if (options.role !== undefined) out['aria-role'] = options.role;
  return out;
}

/** No keyboard in the mini-program: nothing to add (see a11y.ts). */
export function keyActivation(_activate: (target: unknown) => void): Record<string, never> {
  return {};
}
