/**
 * Runtime half of config/plugins/weapp-aria.ts (injected into the weapp app entry by that plugin;
 * never imported by app code). Taro's runtime keeps its own table of component attributes to
 * shorten attribute names in setData; it must list the same aria-* attributes as the templates
 * the plugin writes, or the values never reach them: both read WEAPP_ARIA_ATTRIBUTES.
 */
import { mergeInternalComponents } from '@tarojs/shared';
import { WEAPP_ARIA_ATTRIBUTES } from './aria-attributes';

const ARIA: Record<string, string> = Object.fromEntries(
  WEAPP_ARIA_ATTRIBUTES.map((attribute) => [attribute, '']),
);

mergeInternalComponents({
  View: ARIA,
  Text: ARIA,
  Button: ARIA,
  Input: ARIA,
  Textarea: ARIA,
});
