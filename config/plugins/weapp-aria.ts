/**
 * Lets `aria-*` attributes reach the mini-program. Taro's weapp templates only render the
 * attributes each component declares, and aria-* are not among them, so screen readers in WeChat
 * (base library ≥ 2.7.1) would never see them. This adds them to View, Text, Button, Input and Textarea, in the
 * templates (build time) and in the runtime's attribute table (src/lib/weapp-aria-runtime.ts,
 * which reads WEAPP_ARIA_ATTRIBUTES: keep the list below the same). In WeChat the role attribute is spelled `aria-role`
 * (see src/lib/a11y.weapp.ts).
 */
import path from 'node:path';

/**
 * '' means "no default value" in Taro's template language. The same names as WEAPP_ARIA_ATTRIBUTES
 * (src/lib/aria-attributes.ts; Taro loads this file apart from src, so it cannot import it);
 * tests/weapp/aria.test.ts fails when the compiled templates miss one of them.
 */
const ARIA = {
  'aria-role': '',
  'aria-label': '',
  'aria-hidden': '',
  'aria-live': '',
  'aria-checked': '',
  'aria-expanded': '',
  'aria-controls': '',
  'aria-modal': '',
  'aria-labelledby': '',
  'aria-describedby': '',
  'aria-level': '',
  'aria-disabled': '',
  'aria-pressed': '',
};

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
      mini.template.mergeComponents(ctx, {
        View: ARIA,
        Text: ARIA,
        Button: ARIA,
        Input: ARIA,
        Textarea: ARIA,
      });
      const runtimes = Array.isArray(mini.runtimePath) ? mini.runtimePath : [mini.runtimePath];
      mini.runtimePath = [...runtimes, RUNTIME];
    },
  });
}
