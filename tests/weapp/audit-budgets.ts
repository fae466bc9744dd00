/**
 * Issue #15's budgets for WeChat's audit figures of a page, and the figures' shape: shared by the
 * weapp budget tests (audit.ts measures) and `npm run bench` (scripts/weapp-audit.ts prints).
 * Nothing here loads the simulator.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BASE_LEVEL } from '../../config/base-level';

const KB = 1024;
/** WeChat's audit: at most 1,000 nodes (ours: 400), and small setData. Issue #15's budgets. */
export const BUDGETS = { nodes: 400, updateBytes: 2 * KB, firstRenderBytes: 16 * KB } as const;

export interface TreeFigures {
  /** Elements and text nodes in the page's tree. */
  nodes: number;
  depth: number;
  /** The longest child list of one element. */
  maxChildren: number;
}

export interface Update {
  label: string;
  /** All setData the page sent for this update, summed. */
  bytes: number;
  /** How many setData calls carried it. */
  calls: number;
  /** Cloud functions the page called for it ("queue.mine"): a watched line needs none. */
  cloud: string[];
}

/** A cloud function the page called for its first screen, and its answer's size. */
export interface CloudCall {
  action: string;
  bytes: number;
}

export interface PageFigures extends TreeFigures {
  page: string;
  /** The compiled page ("pages/ticket/index"): the bench checks every page of dist/ has figures. */
  route?: string;
  /** Everything the page sent until its first screen showed. */
  firstRenderBytes: number;
  /** What the first screen asked the cloud for. */
  firstScreenCalls: CloudCall[];
  updates: Update[];
}

/** The budgets a page's figures miss, in words (empty: within all of them). */
export function budgetMisses(figures: PageFigures): string[] {
  const misses: string[] = [];
  if (figures.nodes > BUDGETS.nodes) {
    misses.push(`${figures.page}: ${figures.nodes} nodes > ${BUDGETS.nodes}`);
  }
  // Deeper than Taro's templates, the page falls back to the slower recursive comp component.
  if (figures.depth > BASE_LEVEL) {
    misses.push(`${figures.page}: ${figures.depth} levels deep > mini.baseLevel ${BASE_LEVEL}`);
  }
  if (figures.firstRenderBytes > BUDGETS.firstRenderBytes) {
    misses.push(
      `${figures.page}: first render ${figures.firstRenderBytes} B > ${BUDGETS.firstRenderBytes} B`,
    );
  }
  for (const u of figures.updates.filter((x) => x.bytes > BUDGETS.updateBytes)) {
    misses.push(`${figures.page}: ${u.label} ${u.bytes} B > ${BUDGETS.updateBytes} B`);
  }
  return misses;
}

/** The routes of the compiled app (dist/app.json), main package first. */
export function compiledRoutes(dist: string): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
  };
  const sub = (app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`));
  return [...app.pages, ...sub];
}

/** The name a page's first screen is printed and saved under: "package-staff/calendar". */
export function pageName(route: string): string {
  return route.replace(/\/pages\//, '/').replace(/\/index$/, '');
}
