/**
 * Issue #15's budgets for WeChat's audit figures of a page, and the figures' shape: shared by the
 * weapp budget tests (audit.ts measures) and `npm run bench` (scripts/weapp-audit.ts prints).
 * Nothing here loads the simulator.
 */
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
