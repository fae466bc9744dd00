/**
 * Runtime half of config/plugins/weapp-attributes.ts (injected into the weapp app entry by that
 * plugin; never imported by app code): Taro's runtime names each attribute's data key after its
 * place in the component's table (p0, p1…), so it must drop the same attributes the templates
 * dropped, before the first page renders (the table is read once, lazily).
 */
import { internalComponents } from '@tarojs/shared';
import { trimComponentTable } from './weapp-template-attributes';

trimComponentTable(internalComponents as Record<string, Record<string, unknown>>);
