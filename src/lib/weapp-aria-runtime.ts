/**
 * Runtime half of config/plugins/weapp-aria.ts (injected into the weapp app entry by that plugin;
 * never imported by app code). Taro's runtime keeps its own table of component attributes to
 * shorten attribute names in setData; it must list the same aria-* attributes as the templates
 * the plugin writes, or the values never reach them: both follow WEAPP_ARIA_BY_COMPONENT.
 */
import { mergeInternalComponents } from '@tarojs/shared';
import { WEAPP_ARIA_BY_COMPONENT } from './aria-attributes';

mergeInternalComponents(
  Object.fromEntries(
    Object.entries(WEAPP_ARIA_BY_COMPONENT).map(([component, attributes]) => [
      component,
      Object.fromEntries(attributes.map((attribute) => [attribute, ''])),
    ]),
  ),
);
