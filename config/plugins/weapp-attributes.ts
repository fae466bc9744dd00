/**
 * Takes out of Taro's weapp templates the attributes our code never sets (issue #15, main package
 * ≤ 340 KB): Taro renders every attribute WeChat knows for a component (hover-*, animation, touch
 * events, open-type and the button's bindings…) in every template level of base.wxml. Only what
 * KEPT lists stays (aria-* are weapp-aria.ts's); a removed attribute falls back to WeChat's own
 * default, which is the value Taro's template would have passed.
 *
 * KEPT is WEAPP_KEPT_ATTRIBUTES's list, read from the same JSON file (src/lib/weapp-attribute-
 * lists.json: Taro compiles only its plugin files themselves, so a plugin cannot import TypeScript
 * from src, while Node reads JSON as it is). The runtime drops the same attributes from its own
 * table (src/lib/weapp-attributes-runtime.ts, injected here), because it names each data key
 * after the attribute's place in that table. tests/weapp/template-trim.test.ts fails when our code
 * sets an attribute that is not kept, or when a removed one is back in the compiled templates.
 */
import path from 'node:path';
import lists from '../../src/lib/weapp-attribute-lists.json';

export const KEPT: Readonly<Record<string, readonly string[]>> = lists.kept;

const RUNTIME = path.resolve(__dirname, '..', '..', 'src', 'lib', 'weapp-attributes-runtime.ts');

/** Taro spells a table key either way (`bindTouchStart`, `hover-class`): compare without both. */
const keyOf = (name: string) => name.replace(/-/g, '').toLowerCase();

interface MiniPlatform {
  template: { internalComponents: Record<string, Record<string, string>> };
  runtimePath: string | string[];
}

interface PluginContext {
  registerMethod(method: { name: string; fn: (platform: unknown) => void }): void;
}

// H5 platforms have no templates (and no such table).
function asMiniPlatform(platform: unknown): MiniPlatform | null {
  if (typeof platform !== 'object' || platform === null) return null;
  if (!('template' in platform) || !('runtimePath' in platform)) return null;
  const { template } = platform;
  if (typeof template !== 'object' || template === null) return null;
  if (!('internalComponents' in template)) return null;
  return platform as MiniPlatform;
}

export default function weappAttributes(ctx: PluginContext): void {
  ctx.registerMethod({
    // Runs after the platform merged its own attributes into the table and before the templates
    // are built from it (they are built once, on first use).
    name: 'onSetupClose',
    fn(platform) {
      const mini = asMiniPlatform(platform);
      if (!mini) return;
      const table = mini.template.internalComponents;
      for (const [component, kept] of Object.entries(KEPT)) {
        const attributes = table[component];
        if (!attributes) continue;
        const keep = new Set(kept.map(keyOf));
        for (const name of Object.keys(attributes)) {
          if (!name.startsWith('aria-') && !keep.has(keyOf(name))) delete attributes[name];
        }
      }
      const runtimes = Array.isArray(mini.runtimePath) ? mini.runtimePath : [mini.runtimePath];
      mini.runtimePath = [...runtimes, RUNTIME];
    },
  });
}
