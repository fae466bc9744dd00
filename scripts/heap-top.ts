/**
 * What a sampling heap profile (scripts/heap-promoted.mjs) holds, by the frames that allocated
 * it: `npx tsx scripts/heap-top.ts <profile.json> [frame]`, with `frame` (a function name, e.g.
 * callNextDesk) counting only the samples with that function on their stack.
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: Node[];
}
interface Profile {
  head: Node;
  samples: Array<{ size: number; nodeId: number }>;
}

const [file, frame] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx scripts/heap-top.ts <profile.json> [frame]');
  process.exit(1);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const parent = new Map<number, Node | null>();
const byId = new Map<number, Node>();
const walk = (node: Node, up: Node | null) => {
  byId.set(node.id, node);
  parent.set(node.id, up);
  for (const child of node.children) walk(child, node);
};
walk(profile.head, null);
const name = ({ callFrame: f }: Node) =>
  `${f.functionName || '(anonymous)'} ${f.url.split('/').at(-1)}:${f.lineNumber + 1}`;

const sites = new Map<string, number>();
let total = 0;
let matched = 0;
for (const sample of profile.samples) {
  total += sample.size;
  const stack: Node[] = [];
  for (let at = byId.get(sample.nodeId) ?? null; at; at = parent.get(at.id) ?? null) stack.push(at);
  if (frame && !stack.some((n) => n.callFrame.functionName === frame)) continue;
  matched += sample.size;
  const site = stack.slice(0, 3).map(name).join(' < ');
  sites.set(site, (sites.get(site) ?? 0) + sample.size);
}
const mb = (bytes: number) => (bytes / 1e6).toFixed(2).padStart(7);
console.log(`${mb(total)} MB in all${frame ? `, ${mb(matched).trim()} MB under ${frame}` : ''}`);
for (const [site, bytes] of [...sites].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${mb(bytes)} MB  ${site}`);
