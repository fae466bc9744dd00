/**
 * The weapp main package as WeChat counts it: dist/ minus the subpackage roots app.json lists.
 * Read by `npm run bench` and tests/weapp/main-package.test.ts (issue #15: ≤ 340 KB).
 */
import fs from 'node:fs';
import path from 'node:path';

export const KB = 1024;
/** Issue #15: the main package with every feature. */
export const MAIN_GOAL_KB = 340;

export interface WeappSizes {
  total: number;
  main: number;
  subpackages: string[];
  /** Each main-package file's size, largest first (relative to dist/). */
  mainFiles: Array<{ file: string; bytes: number }>;
}

function filesOf(
  dir: string,
  root: string,
  skip: Set<string>,
): Array<{ file: string; bytes: number }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    const rel = path.relative(root, full);
    if (skip.has(rel)) return [];
    if (entry.isDirectory()) return filesOf(full, root, skip);
    return [{ file: rel, bytes: fs.statSync(full).size }];
  });
}

/** Sizes of a built dist/ (throws when it has no app.json). */
export function weappSizes(dist: string): WeappSizes {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const sum = (files: Array<{ bytes: number }>) => files.reduce((s, f) => s + f.bytes, 0);
  const mainFiles = filesOf(dist, dist, new Set(roots)).sort((a, b) => b.bytes - a.bytes);
  return {
    total: sum(filesOf(dist, dist, new Set())),
    main: sum(mainFiles),
    subpackages: roots,
    mainFiles,
  };
}

// `npx tsx scripts/weapp-size.ts`: the main package of the current dist/, file by file.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const sizes = weappSizes(path.resolve(__dirname, '..', 'dist'));
  const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
  console.log(
    `weapp 主包 ${kb(sizes.main)}（目标 ≤ ${MAIN_GOAL_KB} KB），总大小 ${kb(sizes.total)}`,
  );
  for (const f of sizes.mainFiles) console.log(`${kb(f.bytes).padStart(10)}  ${f.file}`);
}
