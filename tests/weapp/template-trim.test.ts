/**
 * Issue #15: the compiled weapp templates (dist/base.wxml, in the main package at every template
 * level) carry only the attributes our code sets (config/plugins/weapp-attributes.ts), and no
 * catch-view nor evented text or image (config/plugins/weapp-components.ts). Fails when a removed
 * attribute or template is back, or when our code starts setting what the templates no longer
 * render (it would be dropped silently in WeChat). Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import { KEPT } from '../../config/plugins/weapp-attributes';
import { NEVER_RENDERED, UNUSED_DEFAULTS } from '../../config/plugins/weapp-components';
import { WEAPP_KEPT_ATTRIBUTES } from '../../src/lib/weapp-template-attributes';
import { baseWxml, openingTags } from './aria';
import { weappJsxUses, weappSources } from './jsx-uses';

/** Taro's own on every template: the node's id, class, style and tap. */
const ALWAYS = ['id', 'data-sid', 'class', 'style', 'bindtap'];
/** JSX props that never become a template attribute of their own. */
const NOT_ATTRIBUTES = new Set(['className', 'style', 'id', 'key', 'children', 'onClick']);
/**
 * Props Taro's weapp templates never rendered, before or after the trim: out of this test's
 * reach. `hidden` on a View (the disclosure's panel) is not in Taro's table, so WeChat never sees it.
 */
const NOT_IN_TARO: Record<string, string[]> = { View: ['hidden'] };

/** `onInput` → bindinput, `autoHeight` → auto-height: how Taro's templates spell a prop. */
function templateName(prop: string): string {
  if (/^on[A-Z]/.test(prop)) return `bind${prop.slice(2).toLowerCase()}`;
  return prop.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

describe('weapp build: only the template attributes we use', () => {
  it('reads one list in the build plugin and in the runtime, not a copy', () => {
    expect(KEPT).toBe(WEAPP_KEPT_ATTRIBUTES);
    expect(Object.keys(KEPT)).toEqual(expect.arrayContaining(['View', 'Text', 'Button', 'Input']));
  });

  it('keeps every attribute our components set (the rest would be dropped in WeChat)', () => {
    const props = weappJsxUses();
    expect(props.length).toBeGreaterThan(100);
    const missing = props
      .filter(({ prop }) => !NOT_ATTRIBUTES.has(prop) && !prop.startsWith('aria-'))
      .filter(({ component, prop }) => !NOT_IN_TARO[component]?.includes(prop))
      .filter(({ component, prop }) => !KEPT[component]?.includes(templateName(prop)))
      .map(({ component, prop, where }) => `${component} ${prop} (${where})`);
    expect(missing).toEqual([]);
  });

  it('never sets catchMove: its catch-view templates are not built', () => {
    expect(UNUSED_DEFAULTS).toContain('catch-view');
    const users = weappSources().filter((f) => /\bcatchMove\b/.test(fs.readFileSync(f, 'utf8')));
    expect(users).toEqual([]);
  });

  const wxml = baseWxml();

  it('never gives a Text or an Image an event handler: only their static templates are built', () => {
    expect(NEVER_RENDERED).toEqual(['text', 'image']);
    const handlers = weappJsxUses()
      .filter((u) => ['Text', 'Image'].includes(u.component) && /^on[A-Z]/.test(u.prop))
      .map(({ component, prop, where }) => `${component} ${prop} (${where})`);
    expect(handlers).toEqual([]);
    expect(openingTags(wxml, 'text').length).toBeGreaterThan(0);
    for (const tag of NEVER_RENDERED) {
      expect(openingTags(wxml, tag).filter((t) => / bind\w+="eh"/.test(t))).toEqual([]);
    }
  });
  const TAGS: Record<string, string> = {
    View: 'view',
    Text: 'text',
    Button: 'button',
    Input: 'input',
    Textarea: 'textarea',
    Picker: 'picker',
    Image: 'image',
  };

  it.each(Object.keys(TAGS))('renders on <%s> only the kept attributes', (component) => {
    const tags = openingTags(wxml, TAGS[component]!);
    if (component !== 'Image') expect(tags.length).toBeGreaterThan(0);
    const allowed = new Set([...ALWAYS, ...KEPT[component]!]);
    const extra = new Set(
      tags.flatMap((tag) =>
        [...tag.matchAll(/\s([\w:-]+)="/g)]
          .map((m) => m[1]!)
          .filter((name) => !name.startsWith('aria-') && !allowed.has(name)),
      ),
    );
    expect([...extra]).toEqual([]);
  });
});
