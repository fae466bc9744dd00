/**
 * Taro compiles a template into base.wxml (main package, every template level) for each component
 * the code uses, plus a default set of components no page of ours uses (issue #15, ≤ 340 KB):
 * - scroll-view: about 9 KB of templates. Taken out of the defaults, it comes back by itself as
 *   soon as a page uses ScrollView (the parser adds what it meets).
 * - catch-view: the View that Taro's runtime renders instead of a view when it has `catchMove`
 *   (a copy of every view template, ~1.1 KB per level). It does NOT come back by itself: a View
 *   with catchMove would render nothing, so tests/weapp/template-trim.test.ts fails when src/
 *   uses catchMove (take 'catch-view' out of this list then).
 */
interface ComponentConfig {
  includes: Set<string>;
}

interface PluginContext {
  modifyComponentConfig(fn: (args: { componentConfig: ComponentConfig }) => void): void;
}

/** Read by tests/weapp/template-trim.test.ts. */
export const UNUSED_DEFAULTS = ['scroll-view', 'catch-view'];

export default function weappComponents(ctx: PluginContext): void {
  ctx.modifyComponentConfig(({ componentConfig }) => {
    for (const name of UNUSED_DEFAULTS) componentConfig.includes.delete(name);
  });
}
