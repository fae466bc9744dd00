/**
 * Taro compiles a template into base.wxml (main package, every template level) for each component
 * the code uses, plus a default set that includes scroll-view, which no page of ours uses: its
 * templates alone weigh about 9 KB of the main package (issue #15, ≤ 340 KB). Taken out of the
 * defaults, it comes back by itself as soon as a page uses ScrollView (the parser adds what it
 * meets).
 */
interface ComponentConfig {
  includes: Set<string>;
}

interface PluginContext {
  modifyComponentConfig(fn: (args: { componentConfig: ComponentConfig }) => void): void;
}

const UNUSED_DEFAULTS = ['scroll-view'];

export default function weappComponents(ctx: PluginContext): void {
  ctx.modifyComponentConfig(({ componentConfig }) => {
    for (const name of UNUSED_DEFAULTS) componentConfig.includes.delete(name);
  });
}
