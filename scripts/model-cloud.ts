/**
 * `npm run model:cloud`: a scale model of the CloudBase production deployment. From the measured
 * cost of each action (reads and writes counted by the CloudBase emulator) and how a visitor's
 * evening uses the actions, it works out the 19:00 peak load of N communities and, per CloudBase
 * plan, the largest N one environment carries and which limit stops it. The plan quotas and their
 * sources are in docs/cloudbase-plans.md; going past one environment is docs/scaling-cloudbase.md.
 *
 * Every figure printed comes from the profile and the scenario; the only constants are the plan
 * quotas (PLANS, each with its source) and calendar units.
 *
 *   tsx scripts/model-cloud.ts [--profile file.json] [--communities N] [--visitors V]
 *     [--hours H] [--peak F] [--evenings-per-week E] [--minutes-watching M]
 *     [--invocation-seconds S] [--watch-reads-per-push R]
 */
import fs from 'node:fs';
import path from 'node:path';

/** Measured cost of one invocation of an action, counted by the CloudBase emulator. */
export interface ActionCost {
  reads: number;
  writes: number;
}

/** Per-action costs plus how a visitor's evening uses them. */
export interface CostProfile {
  /** e.g. 'community.tonight', 'queue.join', 'queue.callNext', 'queue.desk', 'booking.book'. */
  actions: Record<string, ActionCost>;
  /** Snapshot pushes a watcher receives per line change; reads charged per push (0 if watch pushes are not billed as reads). */
  watchReadsPerPush: number;
  /** How many actions of each kind one visitor causes in an evening (staff actions are per visitor too, e.g. one callNext per queued visitor). */
  perVisitor: Record<string, number>;
  /** Line changes per visitor (each join, call, complete changes the line once): drives watch pushes. */
  lineChangesPerVisitor: number;
  /** Fraction of visitors who hold a ticket and watch their line while waiting (0..1). */
  watchingShare: number;
}

export interface Scenario {
  communities: number;
  visitorsPerEvening: number;
  eveningHours: number;
  /** Peak rate ÷ mean rate, e.g. 3 at 19:00. */
  peakFactor: number;
  eveningsPerWeek: number;
  /** How long a watching visitor keeps the ticket page (and its watch) open. */
  minutesWatching: number;
  /**
   * Mean wall time of one function invocation, in seconds. With the invocation rate it gives the
   * concurrent function instances (Little's law), which is what function concurrency and database
   * connections limit.
   */
  invocationSeconds: number;
}

export interface Plan {
  name: string;
  /** Requests per second the plan allows: the database's, or the environment's (see qpsCountsInvocations). */
  dbQps: number;
  /** Database requests in flight at once ("同时连接数"). */
  dbConnections: number;
  /** Function instances running at once. */
  functionConcurrency: number;
  dbReadsPerDay?: number;
  dbWritesPerDay?: number;
  /** Function invocations per month. */
  invocationsPerMonth?: number;
  /** The 2022+ plans' single "调用次数" quota: database reads + writes + function invocations, per month. */
  callsPerMonth?: number;
  /** The QPS quota is per environment (every request, function calls included), not the database's alone. */
  qpsCountsInvocations?: boolean;
  /** Realtime push (watch) connections at once; each watching ticket page holds one. */
  watchConnections?: number;
  /** Where the figures come from (URL; several separated by spaces). */
  source: string;
  /** Which figures are assumptions or third-party reports rather than official quotas. */
  caveat?: string;
}

export interface PlanVerdict {
  plan: string;
  /** Every limit holds at scenario.communities. */
  fits: boolean;
  /** The limit that stops growth first (the one that sets maxCommunities). */
  limitedBy: string;
  maxCommunities: number;
  /** Limits already exceeded at scenario.communities. */
  exceeded: string[];
}

export interface ModelResult {
  dbOpsPerSecondPeak: number;
  invocationsPerSecondPeak: number;
  concurrentWatchers: number;
  dailyReads: number;
  dailyWrites: number;
  perPlan: PlanVerdict[];
  peakVisitorsPerSecond: number;
  /** Part of dbOpsPerSecondPeak that is watch pushes billed as reads. */
  watchReadsPerSecondPeak: number;
  /** Function instances running at once at the peak. */
  concurrentInstances: number;
  dailyInvocations: number;
  monthlyInvocations: number;
  /** Reads + writes + invocations per month, for the plans that meter them as one quota. */
  monthlyCalls: number;
}

const SECONDS_PER_HOUR = 3600;
const MINUTES_PER_HOUR = 60;
const WEEKS_PER_MONTH = 52 / 12;

/**
 * The plan quotas, smallest first. Figures and their sources are tabulated in
 * docs/cloudbase-plans.md; `caveat` marks every figure that is an assumption or a third-party
 * report. CloudBase has changed its plan line-up twice (2022 and 2024–25), so the table mixes the
 * documented generations instead of pretending one complete current table exists.
 */
export const PLANS: Plan[] = [
  {
    name: '基础版 Basic (旧预付费 default quota)',
    dbQps: 30,
    dbConnections: 20,
    functionConcurrency: 20,
    dbReadsPerDay: 50_000,
    dbWritesPerDay: 30_000,
    invocationsPerMonth: 200_000,
    source:
      'https://developers.weixin.qq.com/minigame/en/dev/wxcloud/basis/concepts/quota.html https://github.com/tencentyun/qcloud-documents/blob/master/product/移动与通信/应用服务平台/购买指南/配额限制.md',
  },
  {
    name: '个人版 Personal (baas_personal)',
    dbQps: 500,
    dbConnections: 1000,
    functionConcurrency: 1000,
    callsPerMonth: 200_000,
    qpsCountsInvocations: true,
    source:
      'https://cloud.tencent.com/document/api/876/133103 https://docs.cloudbase.net/cloud-function/introduce',
    caveat:
      'DB connections not published for this plan: 1000 assumed (the pay-as-you-go figure); watch connection cap follows the plan but its figure was not found',
  },
  {
    name: '标准版 Standard (baas_pf_standard)',
    dbQps: 500,
    dbConnections: 1000,
    functionConcurrency: 1000,
    qpsCountsInvocations: true,
    source:
      'https://cloud.tencent.com/document/api/876/128591 https://docs.cloudbase.net/cloud-function/introduce',
    caveat:
      'no official quota table found: QPS 500 assumed (the lowest tier of every published QPS table), monthly calls not checked, DB connections 1000 assumed',
  },
  {
    name: '团队版 Team (2022–23 基础套餐 top tier)',
    dbQps: 1000,
    dbConnections: 1000,
    functionConcurrency: 1000,
    callsPerMonth: 50_000_000,
    qpsCountsInvocations: true,
    source:
      'https://github.com/tencentyun/qcloud-documents/blob/master/product/移动与通信/应用服务平台/购买指南/价格文档.md',
    caveat:
      'DB connections 1000 assumed; watch connections not documented for this tier (realtime push was in beta)',
  },
  {
    name: '按量计费 + QPS 超限按量 (pay-as-you-go, QPS ceiling 9999)',
    dbQps: 9999,
    dbConnections: 1000,
    functionConcurrency: 1000,
    qpsCountsInvocations: true,
    source:
      'https://docs.cloudbase.net/envconfig/qps-control https://github.com/tencentyun/qcloud-documents/blob/master/product/移动与通信/应用服务平台/购买指南/产品定价.md https://docs.cloudbase.net/cloud-function/introduce',
    caveat:
      'QPS overage is offered on some plans only; above 9999 QPS needs a ticket; watch connection cap not documented',
  },
];

/** The per-visitor sums the model needs; an action without a measured cost is an error, not a zero. */
function perVisitorTotals(profile: CostProfile) {
  let reads = 0;
  let writes = 0;
  let invocations = 0;
  for (const [action, count] of Object.entries(profile.perVisitor)) {
    const cost = profile.actions[action];
    if (!cost) throw new Error(`perVisitor.${action}: the profile has no measured cost for it`);
    reads += count * cost.reads;
    writes += count * cost.writes;
    invocations += count;
  }
  return { reads, writes, invocations };
}

/**
 * Watchers per community, by Little's law: watching visitors arrive at share × rate and each
 * keeps the watch open minutesWatching, so at the peak about rate_peak × share × minutes are
 * watching (assumes the peak lasts at least minutesWatching). It cannot exceed everyone who
 * watches that evening.
 */
function watchersPerCommunity(profile: CostProfile, scenario: Scenario, rateFactor: number) {
  const { visitorsPerEvening: v, minutesWatching, eveningHours } = scenario;
  const everyone = v * profile.watchingShare;
  return Math.min(
    everyone,
    everyone * (minutesWatching / (eveningHours * MINUTES_PER_HOUR)) * rateFactor,
  );
}

/** Every quantity the limits are checked against, for scenario.communities communities. */
function load(profile: CostProfile, scenario: Scenario) {
  const n = scenario.communities;
  const v = scenario.visitorsPerEvening;
  const perVisitor = perVisitorTotals(profile);
  // Visitors per second in one community: the evening's mean, and at 19:00.
  const meanRate = v / (scenario.eveningHours * SECONDS_PER_HOUR);
  const peakRate = meanRate * scenario.peakFactor;

  // Watch fan-out. The ticket page watches its community's line documents
  // (src/lib/live/line-feed.weapp.ts: queue_lines.where({ community })), so every line change in
  // a community reaches every watcher in that community — watchers grow with the queue, and the
  // pushes grow with visitors squared. With one line per community this is "watchers on a line ≈
  // visitors waiting in it"; with several lines it is the honest figure for the current code.
  const watchersPeak = watchersPerCommunity(profile, scenario, scenario.peakFactor);
  const pushesPerSecondPeak = peakRate * profile.lineChangesPerVisitor * watchersPeak;
  const watchReadsPerSecondPeak = n * pushesPerSecondPeak * profile.watchReadsPerPush;

  // The busiest day: all communities open the same weekday (the pilot: all Wednesday). Watch
  // pushes over the evening use the mean watcher count; arrivals bunched at 19:00 raise it by up
  // to peakFactor (see docs/cloudbase-plans.md).
  const watchersMean = watchersPerCommunity(profile, scenario, 1);
  const dailyPushes = n * v * profile.lineChangesPerVisitor * watchersMean;
  const dailyReads = n * v * perVisitor.reads + dailyPushes * profile.watchReadsPerPush;
  const dailyWrites = n * v * perVisitor.writes;
  const dailyInvocations = n * v * perVisitor.invocations;
  const eveningsPerMonth = scenario.eveningsPerWeek * WEEKS_PER_MONTH;

  const invocationsPerSecondPeak = n * peakRate * perVisitor.invocations;
  return {
    peakVisitorsPerSecond: n * peakRate,
    dbOpsPerSecondPeak:
      n * peakRate * (perVisitor.reads + perVisitor.writes) + watchReadsPerSecondPeak,
    watchReadsPerSecondPeak,
    invocationsPerSecondPeak,
    concurrentInstances: invocationsPerSecondPeak * scenario.invocationSeconds,
    concurrentWatchers: n * watchersPeak,
    dailyReads,
    dailyWrites,
    dailyInvocations,
    monthlyInvocations: dailyInvocations * eveningsPerMonth,
    monthlyCalls: (dailyReads + dailyWrites + dailyInvocations) * eveningsPerMonth,
  };
}

type Load = ReturnType<typeof load>;

interface Limit {
  name: string;
  used: (l: Load) => number;
  cap: number;
}

/** The plan's limits, in the order a tie is reported. Optional quotas apply only when the plan has them. */
function limitsOf(plan: Plan): Limit[] {
  const limits: Limit[] = [
    plan.qpsCountsInvocations
      ? {
          name: 'environment QPS 环境QPS',
          used: (l) => l.dbOpsPerSecondPeak + l.invocationsPerSecondPeak,
          cap: plan.dbQps,
        }
      : { name: 'DB QPS 数据库QPS', used: (l) => l.dbOpsPerSecondPeak, cap: plan.dbQps },
    // A running instance that reaches the database holds one connection.
    {
      name: 'DB connections 同时连接数',
      used: (l) => l.concurrentInstances,
      cap: plan.dbConnections,
    },
    {
      name: 'function concurrency 云函数并发',
      used: (l) => l.concurrentInstances,
      cap: plan.functionConcurrency,
    },
  ];
  const optional: Array<[number | undefined, string, (l: Load) => number]> = [
    [plan.watchConnections, 'watch connections 实时推送连接数', (l) => l.concurrentWatchers],
    [plan.dbReadsPerDay, 'DB reads/day 读操作/天', (l) => l.dailyReads],
    [plan.dbWritesPerDay, 'DB writes/day 写操作/天', (l) => l.dailyWrites],
    [plan.invocationsPerMonth, 'invocations/month 云函数调用/月', (l) => l.monthlyInvocations],
    [plan.callsPerMonth, 'calls/month 调用次数/月', (l) => l.monthlyCalls],
  ];
  for (const [cap, name, used] of optional) if (cap !== undefined) limits.push({ name, used, cap });
  return limits;
}

/** Largest n with used(n) ≤ cap; the load is linear in n, so estimate then step to the exact edge. */
function largestFitting(used: (n: number) => number, cap: number): number {
  const perCommunity = used(1);
  if (perCommunity <= 0) return Number.POSITIVE_INFINITY;
  let n = Math.max(0, Math.floor(cap / perCommunity));
  while (used(n + 1) <= cap) n += 1;
  while (n > 0 && used(n) > cap) n -= 1;
  return n;
}

export function maxCommunities(
  profile: CostProfile,
  scenario: Omit<Scenario, 'communities'>,
  plan: Plan,
): { communities: number; limitedBy: string } {
  let best = { communities: Number.POSITIVE_INFINITY, limitedBy: 'none' };
  for (const limit of limitsOf(plan)) {
    const at = (n: number) => limit.used(load(profile, { ...scenario, communities: n }));
    const n = largestFitting(at, limit.cap);
    if (n < best.communities) best = { communities: n, limitedBy: limit.name };
  }
  return best;
}

export function model(profile: CostProfile, scenario: Scenario, plans: Plan[]): ModelResult {
  const l = load(profile, scenario);
  const perPlan = plans.map((plan): PlanVerdict => {
    const exceeded = limitsOf(plan)
      .filter((limit) => limit.used(l) > limit.cap)
      .map((limit) => limit.name);
    const max = maxCommunities(profile, scenario, plan);
    return {
      plan: plan.name,
      fits: exceeded.length === 0,
      limitedBy: max.limitedBy,
      maxCommunities: max.communities,
      exceeded,
    };
  });
  return { ...l, perPlan };
}

const num = (x: number, digits = 0) =>
  Number.isFinite(x)
    ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    : '∞';

const envsNeeded = (communities: number, max: number) =>
  max > 0 ? num(Math.ceil(communities / max)) : '—';

function planTable(scenario: Scenario, result: ModelResult): string[] {
  const n = scenario.communities;
  const lines = [
    `| 套餐 plan | 单环境最多社区 largest N | 瓶颈 binding limit | ${num(n)} 个社区单环境 fits one env? | 所需环境 envs for ${num(n)} |`,
    '| --- | ---: | --- | --- | ---: |',
  ];
  for (const p of result.perPlan) {
    const verdict = p.fits ? '✓ 能 yes' : `✗ 不能 no (${p.exceeded.join('; ')})`;
    lines.push(
      `| ${p.plan} | ${num(p.maxCommunities)} | ${p.limitedBy} | ${verdict} | ${envsNeeded(n, p.maxCommunities)} |`,
    );
  }
  return lines;
}

function summary(scenario: Scenario, result: ModelResult): string[] {
  const n = scenario.communities;
  const fitting = result.perPlan.filter((p) => p.fits);
  if (fitting.length > 0) {
    return [
      `${num(n)} 个社区可放在一个环境 fits one environment on: ${fitting.map((p) => p.plan).join(', ')}`,
    ];
  }
  const largest = result.perPlan.reduce<PlanVerdict | undefined>(
    (best, p) => (!best || p.maxCommunities > best.maxCommunities ? p : best),
    undefined,
  );
  if (!largest || largest.maxCommunities <= 0) {
    return [`没有套餐能承载哪怕一个社区 No plan carries even one community: check the profile.`];
  }
  return [
    `没有套餐能在一个环境承载 ${num(n)} 个社区 No plan fits ${num(n)} communities in one environment.`,
    `最大套餐 largest plan「${largest.plan}」: ceil(${num(n)} / ${num(largest.maxCommunities)}) = ${envsNeeded(n, largest.maxCommunities)} 个环境 environments (see docs/scaling-cloudbase.md).`,
  ];
}

export function formatReport(
  profile: CostProfile,
  scenario: Scenario,
  result: ModelResult,
  plans: Plan[] = PLANS,
): string {
  const perVisitor = perVisitorTotals(profile);
  const caveats = plans.filter((p) => p.caveat).map((p) => `- ${p.name}: ${p.caveat}`);
  // A limit the plan does not document is not checked: say so rather than imply it holds.
  const unwatched = plans.filter((p) => p.watchConnections === undefined).map((p) => p.name);
  if (unwatched.length > 0 && result.concurrentWatchers > 0) {
    caveats.push(
      `- 实时推送连接数未记载、未核对 watch connections undocumented, not checked (${num(result.concurrentWatchers)} needed): ${unwatched.join(', ')}`,
    );
  }
  return [
    '八点伴 CloudBase 规模模型 scale model',
    '',
    `场景 scenario: ${num(scenario.communities)} 个社区 communities × ${num(scenario.visitorsPerEvening)} 访客/晚 visitors per evening, ` +
      `${num(scenario.eveningHours, 2)} h 晚间 evening, 高峰 peak ×${num(scenario.peakFactor, 2)}, ` +
      `${num(scenario.eveningsPerWeek, 2)} 晚/周 evenings per week (所有社区同一天 all on the same weekday), ` +
      `观看 watching ${num(scenario.minutesWatching, 1)} min, 每次调用 per invocation ${num(scenario.invocationSeconds, 3)} s`,
    `每位访客 per visitor: ${num(perVisitor.invocations, 2)} 次调用 invocations, ${num(perVisitor.reads, 2)} 读 reads, ` +
      `${num(perVisitor.writes, 2)} 写 writes; ${num(profile.lineChangesPerVisitor, 2)} 次队列变化 line changes, ` +
      `${num(profile.watchingShare * 100, 1)}% 在看 watching, ${num(profile.watchReadsPerPush, 2)} 读/推送 reads per push`,
    '',
    `高峰访客 peak visitors/s:              ${num(result.peakVisitorsPerSecond, 1)}`,
    `高峰数据库操作 DB ops/s at peak:        ${num(result.dbOpsPerSecondPeak, 1)} (其中推送 of which watch pushes: ${num(result.watchReadsPerSecondPeak, 1)})`,
    `高峰云函数调用 invocations/s at peak:   ${num(result.invocationsPerSecondPeak, 1)}`,
    `高峰并发实例 concurrent instances:      ${num(result.concurrentInstances, 1)}`,
    `高峰在线监听 concurrent watchers:       ${num(result.concurrentWatchers)}`,
    `最忙一天读 reads on the busiest day:    ${num(result.dailyReads)}`,
    `最忙一天写 writes on the busiest day:   ${num(result.dailyWrites)}`,
    `每月调用 invocations per month:         ${num(result.monthlyInvocations)}`,
    `每月读+写+调用 calls per month:         ${num(result.monthlyCalls)}`,
    '',
    ...planTable(scenario, result),
    '',
    ...summary(scenario, result),
    '',
    '注意 caveats (docs/cloudbase-plans.md):',
    ...caveats,
  ].join('\n');
}

// ---- CLI ----

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

function numberRecord(value: unknown, what: string): Record<string, number> {
  if (!isRecord(value)) throw new Error(`${what} must be an object`);
  for (const [key, x] of Object.entries(value)) {
    if (!isCount(x)) throw new Error(`${what}.${key} must be a number ≥ 0`);
  }
  return value as Record<string, number>;
}

/** A profile read from JSON, checked: a bad file should fail loudly, not print a plausible table. */
export function parseProfile(value: unknown): CostProfile {
  if (!isRecord(value) || !isRecord(value.actions)) throw new Error('profile.actions is missing');
  const actions: Record<string, ActionCost> = {};
  for (const [name, cost] of Object.entries(value.actions)) {
    const { reads, writes } = numberRecord(cost, `profile.actions.${name}`);
    if (reads === undefined || writes === undefined) {
      throw new Error(`profile.actions.${name} needs reads and writes`);
    }
    actions[name] = { reads, writes };
  }
  for (const key of ['watchReadsPerPush', 'lineChangesPerVisitor', 'watchingShare'] as const) {
    if (!isCount(value[key])) throw new Error(`profile.${key} must be a number ≥ 0`);
  }
  const profile: CostProfile = {
    actions,
    perVisitor: numberRecord(value.perVisitor, 'profile.perVisitor'),
    watchReadsPerPush: value.watchReadsPerPush as number,
    lineChangesPerVisitor: value.lineChangesPerVisitor as number,
    watchingShare: value.watchingShare as number,
  };
  if (profile.watchingShare > 1) throw new Error('profile.watchingShare must be within 0..1');
  perVisitorTotals(profile);
  return profile;
}

/** The pilot's evening, scaled to the target. Inputs, printed with the report; override by flag. */
export const DEFAULT_SCENARIO: Scenario = {
  communities: 1000,
  visitorsPerEvening: 300,
  eveningHours: 3,
  peakFactor: 3,
  eveningsPerWeek: 1,
  minutesWatching: 30,
  invocationSeconds: 0.5,
};

const FLAGS: Record<string, keyof Scenario> = {
  '--communities': 'communities',
  '--visitors': 'visitorsPerEvening',
  '--hours': 'eveningHours',
  '--peak': 'peakFactor',
  '--evenings-per-week': 'eveningsPerWeek',
  '--minutes-watching': 'minutesWatching',
  '--invocation-seconds': 'invocationSeconds',
};

interface CliOptions {
  profileFile?: string;
  watchReadsPerPush?: number;
  scenario: Scenario;
}

function positive(flag: string, raw: string | undefined): number {
  const x = Number(raw);
  if (raw === undefined || !Number.isFinite(x) || x <= 0) {
    throw new Error(`${flag} needs a number > 0`);
  }
  return x;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { scenario: { ...DEFAULT_SCENARIO } };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? '';
    const raw = argv[i + 1];
    const key = FLAGS[flag];
    if (key) options.scenario[key] = positive(flag, raw);
    else if (flag === '--profile' && raw) options.profileFile = raw;
    else if (flag === '--watch-reads-per-push' && raw !== undefined && isCount(Number(raw))) {
      options.watchReadsPerPush = Number(raw);
    } else throw new Error(`unknown or incomplete option: ${flag}`);
  }
  return options;
}

/** The measured profile: from a file, or from the emulator via scripts/cloud-costs.ts. */
async function loadProfile(file: string | undefined): Promise<CostProfile> {
  if (file) return parseProfile(JSON.parse(fs.readFileSync(path.resolve(file), 'utf8')));
  // A variable specifier: the module is written separately, and this file must typecheck and
  // test without it.
  const specifier = './cloud-costs';
  let mod: { measureCloudCosts(): Promise<CostProfile> };
  try {
    mod = (await import(specifier)) as { measureCloudCosts(): Promise<CostProfile> };
  } catch (error) {
    throw new Error(
      `scripts/cloud-costs.ts could not be loaded (${error instanceof Error ? error.message : String(error)}); pass --profile file.json`,
    );
  }
  return parseProfile(await mod.measureCloudCosts());
}

async function main(argv: string[]): Promise<void> {
  const options = parseArgs(argv);
  const measured = await loadProfile(options.profileFile);
  const profile =
    options.watchReadsPerPush === undefined
      ? measured
      : { ...measured, watchReadsPerPush: options.watchReadsPerPush };
  const result = model(profile, options.scenario, PLANS);
  console.log(formatReport(profile, options.scenario, result, PLANS));
}

// Run as a script (npm run model:cloud), not when imported by tests.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`model:cloud failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
