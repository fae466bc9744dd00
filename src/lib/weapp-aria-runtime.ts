/**
 * Runtime half of config/plugins/weapp-aria.ts (injected into the weapp app entry by that plugin;
 * never imported by app code). Taro's runtime keeps its own table of component attributes to
 * shorten attribute names in setData; it must list the same aria-* attributes as the templates
 * the plugin writes, or the values never reach them. Keep the two lists identical.
 */
import { mergeInternalComponents } from '@tarojs/shared';

const ARIA = {
  'aria-role': '',
  'aria-label': '',
  'aria-hidden': '',
  'aria-live': '',
  'aria-checked': '',
  'aria-expanded': '',
  'aria-controls': '',
  'aria-level': '',
  'aria-disabled': '',
  'aria-pressed': '',
};

mergeInternalComponents({
  View: ARIA,
  Text: ARIA,
  Button: ARIA,
  Input: ARIA,
  Textarea: ARIA,
});
