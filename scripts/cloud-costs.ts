/**
 * What each action costs on CloudBase, counted — never assumed. An evening at one service center
 * is played through the cloud functions (server/hosts/cloud, from source, on a hand clock) with
 * the CloudBase emulator as their database; every read and write is counted per action.
 *
 * `npm run bench` prints the table and fails when a budget is blown; `npm run model:cloud` turns
 * the same measurement into peak load per plan (scripts/model-cloud.ts).
 */
import { seedPilots } from '../server/core/seed';
import type * as CloudHostModule from '../server/hosts/cloud/create-handler';
import { createCloudBaseStore, type CloudDatabase } from '../server/stores/cloudbase';
import {
  playEvening,
  summarize,
  type ActionSummary,
  type EveningCosts,
} from '../server/testing/cloud-evening';
import {
  createCloudWorld,
  installWxServerSdk,
  TEST_TEMPLATES,
  type WxServerSdk,
} from '../server/testing/cloud-world';
import { handClock } from '../server/testing/core-harness';
import type { CostProfile } from './model-cloud';

/**
 * The budgets of issue #10: database operations per call in the common case, reads per page. A
 * resident's join was 3 (the evening read, the evening and the line written); the limit of
 * numbers per resident (#13) reads and writes their numbers of the evening too
 * (queue_residents), so two joins by one resident on two lines cannot both pass it: 5. The
 * tonight page was 4 reads; who volunteers tonight (#16, one indexed read of the evening's
 * sign-ups) makes 5: a field of the one call, not a second call that would cost the same read
 * and an invocation more; the community's calendar (#16, one indexed read of its cancelled and
 * extra dates, which decide tonight and the next opening) makes 6.
 */
export const CLOUD_BUDGETS = {
  'queue.join': { medianOps: 5 },
  'queue.callNext': { medianOps: 5 },
  'community.tonight': { maxReads: 6 },
} as const;

export interface CloudCostReport {
  evening: EveningCosts;
  actions: Record<string, ActionSummary>;
  /** Budget lines, each with whether it holds. */
  checks: Array<{ label: string; value: number; budget: number; ok: boolean }>;
}

const ADMIN_TOKEN = 'cloud-costs-admin-token-0001';

type CloudHost = typeof CloudHostModule;

export interface HostLoader {
  /** Makes `require('wx-server-sdk')` answer the stand-in; returns how to undo it. */
  standIn(sdk: WxServerSdk): () => void;
  /** Loads the cloud host after the stand-in is in place. */
  loadHost(): Promise<CloudHost>;
}

/** In a plain Node process: require.cache answers the stand-in. */
const inProcess: HostLoader = {
  standIn: installWxServerSdk,
  loadHost: () => import('../server/hosts/cloud/create-handler'),
};

/**
 * Plays the evening: every cloud function is the host's createHandler on a hand clock, with the
 * CloudBase emulator behind the wx-server-sdk stand-in.
 */
export async function measureEvening(
  visitors = 60,
  loader: HostLoader = inProcess,
): Promise<CloudCostReport> {
  const clock = handClock('2026-12-02T16:45:00+08:00');
  let host: CloudHost | null = null;
  const world = createCloudWorld({
    load: (fn) => {
      if (!host) throw new Error('cloud host not loaded');
      return host.createHandler(fn, { clock });
    },
  });
  const undo = loader.standIn(world.wx.sdk);
  // As deployed: an admin secret, and every subscription template set (sends are recorded).
  const env = { ADMIN_TOKEN, ...TEST_TEMPLATES };
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    host = await loader.loadHost();
    await seedPilots(createCloudBaseStore(world.emulator.database() as unknown as CloudDatabase));
    const evening = await playEvening(world, clock, { visitors, adminToken: ADMIN_TOKEN });
    const actions = summarize(evening.calls);
    return { evening, actions, checks: checksOf(actions) };
  } finally {
    undo();
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function checksOf(actions: Record<string, ActionSummary>) {
  return [
    {
      label: 'queue.join 数据库操作（中位）',
      value: actions['queue.join']?.medianOps ?? Infinity,
      budget: CLOUD_BUDGETS['queue.join'].medianOps,
    },
    {
      label: 'queue.callNext 数据库操作（中位）',
      value: actions['queue.callNext']?.medianOps ?? Infinity,
      budget: CLOUD_BUDGETS['queue.callNext'].medianOps,
    },
    {
      label: 'community.tonight 读（最多）',
      value: actions['community.tonight']?.maxReads ?? Infinity,
      budget: CLOUD_BUDGETS['community.tonight'].maxReads,
    },
  ].map((c) => ({ ...c, ok: c.value <= c.budget }));
}

/** The profile scripts/model-cloud.ts scales up: per-action costs and one visitor's evening. */
export function profileOf(report: CloudCostReport): CostProfile {
  const { evening, actions } = report;
  const perVisitor: Record<string, number> = {};
  for (const [label, a] of Object.entries(actions)) {
    if (label.startsWith('staff.') || label === 'queue.configure') continue; // once per evening
    perVisitor[label] = a.calls / evening.visitors;
  }
  return {
    actions: Object.fromEntries(
      Object.entries(actions).map(([label, a]) => [
        label,
        { reads: a.meanReads, writes: a.meanWrites },
      ]),
    ),
    // Realtime pushes are not billed as reads (docs/cloudbase-plans.md); the model can be asked otherwise.
    watchReadsPerPush: 0,
    perVisitor,
    lineChangesPerVisitor: evening.lineChanges / evening.visitors,
    watchingShare: evening.watchers / evening.visitors,
  };
}

export async function measureCloudCosts(): Promise<CostProfile> {
  return profileOf(await measureEvening());
}
