/**
 * The compiled weapp templates carry the accessibility attributes our components set
 * (src/lib/aria-attributes.ts): Taro's templates render only attributes they know, so one missing
 * from config/plugins/weapp-aria.ts would be dropped before WeChat's screen reader sees it. Each
 * component carries only those it is given (every one is repeated in every template level of the
 * main package, issue #15). Needs `npm run build:weapp` first.
 */
import { BY_COMPONENT } from '../../config/plugins/weapp-aria';
import { WEAPP_ARIA_ATTRIBUTES, WEAPP_ARIA_BY_COMPONENT } from '../../src/lib/aria-attributes';
import { baseWxml, boundKey, openingTags } from './aria';
import { weappJsxUses } from './jsx-uses';

const TAGS: Record<string, string> = {
  View: 'view',
  Text: 'text',
  Button: 'button',
  Input: 'input',
  Textarea: 'textarea',
  Image: 'image',
};

describe('weapp build: aria-* in the templates', () => {
  const wxml = baseWxml();

  it('lists, per component, every aria attribute our code sets on it (a11y() included)', () => {
    const uses = weappJsxUses().filter((u) => u.prop.startsWith('aria-') || u.prop === '?');
    expect(uses.length).toBeGreaterThan(100);
    const missing = uses
      .filter((u) => !WEAPP_ARIA_BY_COMPONENT[u.component]?.includes(u.prop as `aria-${string}`))
      .map((u) => `${u.component} ${u.prop} (${u.where})`);
    expect(missing).toEqual([]);
  });

  it('reads one table in the build plugin and the runtime, within the attributes WeChat knows', () => {
    expect(BY_COMPONENT).toBe(WEAPP_ARIA_BY_COMPONENT);
    expect(Object.keys(BY_COMPONENT).sort()).toEqual(Object.keys(TAGS).sort());
    for (const attributes of Object.values(WEAPP_ARIA_BY_COMPONENT)) {
      expect(WEAPP_ARIA_ATTRIBUTES).toEqual(expect.arrayContaining([...attributes]));
    }
  });

  // Taro renders a node with no attribute but its class and style through a bare template
  // (pure and static views); any node with an aria-* value goes through the full one.
  it.each(Object.keys(TAGS))(
    'every full %s template renders exactly the aria attributes listed for it',
    (component) => {
      const tags = openingTags(wxml, TAGS[component]!).filter((t) => t.includes(' aria-'));
      expect(tags.length).toBeGreaterThan(0);
      for (const t of tags) {
        const rendered = [...t.matchAll(/\s(aria-[\w-]+)="\{\{i\.\w+\}\}"/g)].map((m) => m[1]);
        expect(rendered.sort()).toEqual([...WEAPP_ARIA_BY_COMPONENT[component]!].sort());
      }
    },
  );

  it('binds a dialog’s aria-modal, aria-labelledby and aria-describedby to data of their own', () => {
    const keys = ['aria-modal', 'aria-labelledby', 'aria-describedby', 'aria-role'].map((a) =>
      boundKey(wxml, 'view', a),
    );
    expect(keys.every((k) => k !== null)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
