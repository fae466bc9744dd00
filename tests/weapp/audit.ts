/**
 * WeChat's performance audit figures for a compiled page under miniprogram-simulate (harness.ts):
 * the element tree Taro sends (nodes, depth, widest child list), the bytes of the first render's
 * setData and of each live update's. The weapp budget tests assert them; `npm run bench` prints
 * them (scripts/weapp-audit.ts), both from these functions and budgets.
 */
import simulate from 'miniprogram-simulate';
import type { Harness, Rendered, SetDataCall } from './harness';

import type { CloudCall, TreeFigures, Update } from './audit-budgets';

export * from './audit-budgets';

interface TaroNode {
  cn?: TaroNode[];
}

/** The tree Taro keeps in the page's data (`root`), as the view layer renders it. */
export function treeOf(rendered: Rendered): TreeFigures {
  const root = (rendered.page as unknown as { data: { root?: TaroNode } }).data.root;
  const figures = { nodes: 0, depth: 0, maxChildren: 0 };
  const walk = (node: TaroNode, level: number) => {
    figures.nodes += 1;
    figures.depth = Math.max(figures.depth, level);
    const children = node.cn ?? [];
    figures.maxChildren = Math.max(figures.maxChildren, children.length);
    for (const child of children) walk(child, level + 1);
  };
  // The root itself is the page, not an element of it.
  for (const child of root?.cn ?? []) walk(child, 1);
  return figures;
}

const bytesOf = (calls: SetDataCall[]) => calls.reduce((sum, c) => sum + c.bytes, 0);

/** What `route` sent since the `from`-th setData. */
function sentSince(h: Harness, route: string, from: number): SetDataCall[] {
  return h.setData.slice(from).filter((c) => c.route === route);
}

/** Waits until `done()` holds, then a little more so setData for the same update lands too. */
async function until(done: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await simulate.sleep(20);
  }
  await simulate.sleep(150);
}

/**
 * Waits until every cloud call since the `from`-th has answered and no new one followed (a few
 * rounds at most): the first screen is everything its data brings, not just its first text.
 */
async function settled(h: Harness, from: number): Promise<void> {
  for (let round = 0, seen = -1; round < 5 && seen !== h.functionCalls.length; round += 1) {
    seen = h.functionCalls.length;
    const answered = () => h.functionCalls.slice(from).every((c) => c.bytes !== undefined);
    await until(answered, 'the first screen’s cloud calls');
  }
}

/** Renders `route` and measures its first render: everything sent until `text` showed. */
export async function renderMeasured(
  h: Harness,
  route: string,
  query: Record<string, string>,
  text: string,
  deep?: 'allow',
): Promise<{ rendered: Rendered; firstRenderBytes: number; firstScreenCalls: CloudCall[] }> {
  const from = h.setData.length;
  const fromCalls = h.functionCalls.length;
  const rendered = await h.renderPage(route, query, text, deep);
  await settled(h, fromCalls);
  const firstScreenCalls = h.functionCalls
    .slice(fromCalls)
    .map((c) => ({ action: c.action, bytes: c.bytes ?? 0 }));
  return { rendered, firstRenderBytes: bytesOf(sentSince(h, route, from)), firstScreenCalls };
}

/**
 * One live update: `act` changes something (the desk calls, a tap), and the page shows `text`.
 * Returns the bytes the page sent for it.
 */
export async function measureUpdate(
  h: Harness,
  rendered: Rendered,
  route: string,
  label: string,
  act: () => Promise<unknown>,
  text: string | ((shown: string) => boolean),
): Promise<Update> {
  const from = h.setData.length;
  const fromCalls = h.functionCalls.length;
  await act();
  const shows = typeof text === 'string' ? (s: string) => s.includes(text) : text;
  await until(() => shows(rendered.root.textContent ?? ''), `"${label}" on ${route}`);
  const sent = sentSince(h, route, from);
  if (sent.length === 0) throw new Error(`${label}: ${route} sent no setData`);
  const cloud = h.functionCalls.slice(fromCalls).map((c) => c.action);
  return { label, bytes: bytesOf(sent), calls: sent.length, cloud };
}
