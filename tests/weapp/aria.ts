/**
 * Reading the compiled weapp templates (dist/base.wxml) for the aria-* attributes: which data key
 * of a node each attribute is bound to, so a test can check a rendered node's value reaches it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIST } from './harness';

export function baseWxml(): string {
  return fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
}

/** The opening tags of every `<tag …>` in the templates. */
export function openingTags(wxml: string, tag: string): string[] {
  return wxml.match(new RegExp(`<${tag}\\s[^>]*>`, 'g')) ?? [];
}

/** The node's data key `attribute` reads on `tag` ("p11" for aria-modal="{{i.p11}}"), or null. */
export function boundKey(wxml: string, tag: string, attribute: string): string | null {
  const keys = new Set(
    openingTags(wxml, tag).flatMap((t) => {
      const m = new RegExp(`\\s${attribute}="\\{\\{i\\.(\\w+)\\}\\}"`).exec(t);
      return m?.[1] ? [m[1]] : [];
    }),
  );
  if (keys.size > 1) throw new Error(`${attribute} on ${tag} reads ${[...keys].join(', ')}`);
  return keys.values().next().value ?? null;
}

type DataNode = { cl?: string; cn?: DataNode[]; [key: string]: unknown };

/** The first node of a page's data whose class list has `className`. */
export function nodeWithClass(data: unknown, className: string): DataNode | null {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const n = node as DataNode;
    if (typeof n.cl === 'string' && n.cl.split(/\s+/).includes(className)) return n;
    stack.push(...Object.values(n));
  }
  return null;
}
