/**
 * The compiled weapp templates carry every accessibility attribute our components set
 * (src/lib/aria-attributes.ts): Taro's templates render only attributes they know, so one missing
 * from config/plugins/weapp-aria.ts would be dropped before WeChat's screen reader sees it.
 * Needs `npm run build:weapp` first.
 */
import { WEAPP_ARIA_ATTRIBUTES } from '../../src/lib/aria-attributes';
import { baseWxml, boundKey, openingTags } from './aria';

describe('weapp build: aria-* in the templates', () => {
  const wxml = baseWxml();

  // Taro renders a node with no attribute but its class and style through a bare template
  // (pure and static views); any node with an aria-* value goes through the full one.
  it.each(['view', 'text', 'button', 'input', 'textarea'])(
    'every full <%s> template renders every aria attribute our components set',
    (tag) => {
      const tags = openingTags(wxml, tag).filter((t) => t.includes(' aria-'));
      expect(tags.length).toBeGreaterThan(0);
      for (const t of tags) {
        const missing = WEAPP_ARIA_ATTRIBUTES.filter((a) => !t.includes(` ${a}="{{i.`));
        expect(missing).toEqual([]);
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
