/**
 * Taro compiles a template into base.wxml (main package, every template level) for each component
 * the code uses, plus a default set; some of them no page of ours ever renders (issue #15,
 * ≤ 340 KB):
 * - scroll-view: about 9 KB of templates. Taken out of the defaults, it comes back by itself as
 *   soon as a page uses ScrollView (the parser adds what it meets).
 * - catch-view: the View that Taro's runtime renders instead of a view when it has `catchMove`
 *   (a copy of every view template, ~1.1 KB per level).
 * - text and image, the evented ones: the runtime renders a Text or Image with no event handler
 *   through static-text or static-image, and ours never have one (~0.45 KB per level for text).
 *   The parser adds both back as soon as Text or Image is imported, so they are left out where
 *   the templates are built.
 * None of these three comes back by itself when used: such a node would render nothing, so
 * tests/weapp/template-trim.test.ts fails when src/ sets catchMove, or an event handler on a
 * Text or an Image (take the name out of the list below then).
 */
interface ComponentConfig {
  includes: Set<string>;
}

interface PluginContext {
  modifyComponentConfig(fn: (args: { componentConfig: ComponentConfig }) => void): void;
  registerMethod(method: { name: string; fn: (platform: unknown) => void }): void;
}

/** Read by tests/weapp/template-trim.test.ts. */
export const UNUSED_DEFAULTS = ['scroll-view', 'catch-view'];
/** Node kinds our runtime never produces, though their components are used (see above). */
export const NEVER_RENDERED = ['text', 'image'];

type BuildTemplate = (config: ComponentConfig) => string;

// H5 platforms build no templates.
function templateOf(platform: unknown): { buildTemplate: BuildTemplate } | null {
  if (typeof platform !== 'object' || platform === null || !('template' in platform)) return null;
  const { template } = platform;
  if (typeof template !== 'object' || template === null) return null;
  if (!('buildTemplate' in template) || typeof template.buildTemplate !== 'function') return null;
  return template as { buildTemplate: BuildTemplate };
}

export default function weappComponents(ctx: PluginContext): void {
  ctx.modifyComponentConfig(({ componentConfig }) => {
    for (const name of UNUSED_DEFAULTS) componentConfig.includes.delete(name);
  });
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const template = templateOf(platform);
      if (!template) return;
      const build = template.buildTemplate;
      template.buildTemplate = (config) =>
        build({
          ...config,
          includes: new Set([...config.includes].filter((c) => !NEVER_RENDERED.includes(c))),
        });
    },
  });
}
