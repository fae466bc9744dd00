/**
 * Lets `aria-*` attributes reach the mini-program. Taro's weapp templates only render the
 * attributes each component declares, and aria-* are not among them, so screen readers in WeChat
 * (base library ≥ 2.7.1) would never see them. This adds to each component the ones our code sets
 * on it, in the templates (build time) and in the runtime's attribute table
 * (src/lib/weapp-aria-runtime.ts, which reads WEAPP_ARIA_BY_COMPONENT: the same list). In
 * WeChat the role attribute is spelled `aria-role` (see src/lib/a11y.weapp.ts).
 */
import path from 'node:path';
import lists from '../../src/lib/weapp-attribute-lists.json';

/**
 * WEAPP_ARIA_BY_COMPONENT's list (src/lib/aria-attributes.ts), read from the same JSON file:
 * Taro compiles only its plugin files themselves, so a plugin cannot import TypeScript from src,
 * while Node reads JSON as it is. Only what each component is given, since every attribute is
 * repeated in every template level of the main package (issue #15). tests/weapp/aria.test.ts
 * fails when the compiled templates differ from that list.
 */
export const BY_COMPONENT: Readonly<Record<string, readonly string[]>> = lists.aria;

/** '' means "no default value" in Taro's template language. */
const PATCH = Object.fromEntries(
  Object.entries(BY_COMPONENT).map(([component, attributes]) => [
    component,
    Object.fromEntries(attributes.map((attribute) => [attribute, ''])),
  ]),
);

const RUNTIME = path.resolve(__dirname, '..', '..', 'src', 'lib', 'weapp-aria-runtime.ts');

interface TemplateLike {
  mergeComponents(ctx: unknown, patch: Record<string, Record<string, string>>): void;
}

interface MiniPlatform {
  template: TemplateLike;
  runtimePath: string | string[];
}

interface PluginContext {
  registerMethod(method: { name: string; fn: (platform: unknown) => void }): void;
}

// H5 platforms have no templates: the attributes reach the DOM as they are.
function asMiniPlatform(platform: unknown): MiniPlatform | null {
  if (typeof platform !== 'object' || platform === null) return null;
  if (!('template' in platform) || !('runtimePath' in platform)) return null;
  const { template } = platform;
  if (typeof template !== 'object' || template === null || !('mergeComponents' in template)) {
    return null;
  }
  return platform as MiniPlatform;
}

export default function weappAria(ctx: PluginContext): void {
  ctx.registerMethod({
    // Runs after the platform registered its own components and before anything is built.
    name: 'onSetupClose',
    fn(platform) {
      const mini = asMiniPlatform(platform);
      if (!mini) return;
      mini.template.mergeComponents(ctx, PATCH);
      const runtimes = Array.isArray(mini.runtimePath) ? mini.runtimePath : [mini.runtimePath];
      mini.runtimePath = [...runtimes, RUNTIME];
    },
  });
}
