/**
 * The attributes of Taro's own component table that our mini-program keeps (issue #15, main
 * package ≤ 340 KB). Taro's weapp templates render every attribute WeChat knows for a component
 * (hover-*, animation, touch events, open-type and the button's bindings…) in every template
 * level of base.wxml; most are never set by our code. config/plugins/weapp-attributes.ts removes
 * the others from the templates (build time) and lib/weapp-attributes-runtime.ts from the
 * runtime's table, which derives the short data keys (p0, p1…) from the same list, so both read
 * it from one place: weapp-attribute-lists.json (JSON because Taro loads its plugins apart from
 * src and compiles no TypeScript they import; Node reads JSON as it is).
 * tests/weapp/template-trim.test.ts fails when a component of ours sets an attribute missing there,
 * or when a removed attribute is back in the compiled templates.
 * Spelled as in the templates (lower case, dashed); aria-* belong to weapp-aria.ts and stay.
 */
import lists from './weapp-attribute-lists.json';

export const WEAPP_KEPT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = lists.kept;

/** Taro spells a table key either way (`bindTouchStart`, `hover-class`): compare without both. */
export function attributeKey(name: string): string {
  return name.replace(/-/g, '').toLowerCase();
}

/** Removes from Taro's component table what the list above does not keep (aria-* stay). */
export function trimComponentTable(table: Record<string, Record<string, unknown>>): void {
  for (const [component, kept] of Object.entries(WEAPP_KEPT_ATTRIBUTES)) {
    const attributes = table[component];
    if (!attributes) continue;
    const keep = new Set(kept.map(attributeKey));
    for (const name of Object.keys(attributes)) {
      if (!name.startsWith('aria-') && !keep.has(attributeKey(name))) delete attributes[name];
    }
  }
}
