import {
  DEFAULT_SCENARIO,
  formatReport,
  maxCommunities,
  model,
  parseArgs,
  parseProfile,
  PLANS,
  type CostProfile,
  type Plan,
  type Scenario,
} from './model-cloud';

/**
 * A hand-made profile with round numbers, so every expected figure below can be worked out on
 * paper: per visitor 4.5 invocations, 14 reads, 5 writes.
 */
const PROFILE: CostProfile = {
  actions: {
    'community.tonight': { reads: 3, writes: 0 },
    'queue.join': { reads: 4, writes: 3 },
    'queue.callNext': { reads: 3, writes: 2 },
    'queue.desk': { reads: 2, writes: 0 },
  },
  perVisitor: {
    'community.tonight': 2,
    'queue.join': 1,
    'queue.callNext': 1,
    'queue.desk': 0.5,
  },
  lineChangesPerVisitor: 3,
  watchingShare: 0.5,
  watchReadsPerPush: 0,
};
const WATCH_BILLED: CostProfile = { ...PROFILE, watchReadsPerPush: 1 };

/** 360 visitors over 2 h: 0.05/s per community, 0.1/s at a 2× peak; 10 communities → 1 visitor/s. */
const SCENARIO: Scenario = {
  communities: 10,
  visitorsPerEvening: 360,
  eveningHours: 2,
  peakFactor: 2,
  eveningsPerWeek: 1,
  minutesWatching: 12,
  invocationSeconds: 0.4,
};

const plan = (overrides: Partial<Plan>): Plan => ({
  name: 'test plan',
  dbQps: 1e9,
  dbConnections: 1e9,
  functionConcurrency: 1e9,
  source: 'https://example.invalid/quota',
  ...overrides,
});

const verdictAt = (p: Plan, communities: number, profile = PROFILE) =>
  model(profile, { ...SCENARIO, communities }, [p]).perPlan[0]!;

describe('peak load', () => {
  it('matches a hand computation', () => {
    const r = model(PROFILE, SCENARIO, []);
    expect(r.peakVisitorsPerSecond).toBeCloseTo(1, 10);
    expect(r.dbOpsPerSecondPeak).toBeCloseTo(19, 10); // 1 visitor/s × (14 + 5)
    expect(r.invocationsPerSecondPeak).toBeCloseTo(4.5, 10);
    expect(r.concurrentInstances).toBeCloseTo(1.8, 10); // 4.5/s × 0.4 s
    // Little's law per community: 0.1/s × 0.5 × 720 s = 36 watching; 10 communities.
    expect(r.concurrentWatchers).toBeCloseTo(360, 10);
  });

  it('doubling visitors doubles peak DB ops when watch pushes are not billed', () => {
    const once = model(PROFILE, SCENARIO, []);
    const twice = model(PROFILE, { ...SCENARIO, visitorsPerEvening: 720 }, []);
    expect(twice.dbOpsPerSecondPeak).toBeCloseTo(2 * once.dbOpsPerSecondPeak, 10);
    expect(twice.invocationsPerSecondPeak).toBeCloseTo(2 * once.invocationsPerSecondPeak, 10);
  });

  it('billed watch pushes grow with visitors squared: every change reaches every watcher', () => {
    const once = model(WATCH_BILLED, SCENARIO, []);
    const twice = model(WATCH_BILLED, { ...SCENARIO, visitorsPerEvening: 720 }, []);
    // 10 communities × 0.1/s × 3 changes × 36 watchers × 1 read
    expect(once.watchReadsPerSecondPeak).toBeCloseTo(108, 10);
    expect(once.dbOpsPerSecondPeak).toBeCloseTo(19 + 108, 10);
    expect(twice.watchReadsPerSecondPeak).toBeCloseTo(4 * once.watchReadsPerSecondPeak, 10);
  });

  it('doubling communities doubles every figure', () => {
    const once = model(WATCH_BILLED, SCENARIO, []);
    const twice = model(WATCH_BILLED, { ...SCENARIO, communities: 20 }, []);
    for (const key of ['dbOpsPerSecondPeak', 'concurrentWatchers', 'dailyReads'] as const) {
      expect(twice[key]).toBeCloseTo(2 * once[key], 6);
    }
  });

  it('never counts more watchers than visitors who watch', () => {
    const r = model(PROFILE, { ...SCENARIO, communities: 1, minutesWatching: 600 }, []);
    expect(r.concurrentWatchers).toBe(180);
  });
});

describe('the busiest day', () => {
  it('reads and writes match a hand computation', () => {
    const r = model(PROFILE, SCENARIO, []);
    expect(r.dailyReads).toBeCloseTo(10 * 360 * 14, 6); // 50,400
    expect(r.dailyWrites).toBeCloseTo(10 * 360 * 5, 6); // 18,000
    expect(r.dailyInvocations).toBeCloseTo(10 * 360 * 4.5, 6);
  });

  it('adds watch pushes at the mean watcher count when they are billed', () => {
    // Mean watchers per community: 180 × 12/120 = 18; pushes: 10 × 360 × 3 × 18 = 194,400.
    expect(model(WATCH_BILLED, SCENARIO, []).dailyReads).toBeCloseTo(50_400 + 194_400, 6);
  });

  it('a month holds 52/12 weeks of evenings', () => {
    const r = model(PROFILE, { ...SCENARIO, eveningsPerWeek: 2 }, []);
    expect(r.monthlyInvocations).toBeCloseTo(16_200 * 2 * (52 / 12), 6);
    expect(r.monthlyCalls).toBeCloseTo((50_400 + 18_000 + 16_200) * 2 * (52 / 12), 6);
  });
});

describe('maxCommunities', () => {
  it('is the largest N that fits: N fits, N + 1 does not, for the binding limit', () => {
    // 1.9 DB ops/s per community: 52 × 1.9 = 98.8 ≤ 100 < 53 × 1.9.
    const p = plan({ name: 'qps', dbQps: 100 });
    const { communities, limitedBy } = maxCommunities(PROFILE, SCENARIO, p);
    expect(communities).toBe(52);
    expect(limitedBy).toBe('DB QPS 数据库QPS');
    expect(verdictAt(p, 52).fits).toBe(true);
    const over = verdictAt(p, 53);
    expect(over.fits).toBe(false);
    expect(over.exceeded).toEqual(['DB QPS 数据库QPS']);
  });

  it('names the limit that binds first', () => {
    // Per community: 5,040 reads/day (binds at 19), 0.18 instances (binds at 277).
    const p = plan({ dbReadsPerDay: 100_000, functionConcurrency: 50 });
    expect(maxCommunities(PROFILE, SCENARIO, p)).toEqual({
      communities: 19,
      limitedBy: 'DB reads/day 读操作/天',
    });
    expect(verdictAt(p, 19).fits).toBe(true);
    expect(verdictAt(p, 20).exceeded).toEqual(['DB reads/day 读操作/天']);

    const tight = plan({ dbReadsPerDay: 100_000, functionConcurrency: 2 });
    expect(maxCommunities(PROFILE, SCENARIO, tight)).toEqual({
      communities: 11, // 11 × 0.18 = 1.98 ≤ 2 < 12 × 0.18
      limitedBy: 'function concurrency 云函数并发',
    });
  });

  it('counts function calls against an environment-wide QPS', () => {
    // 1.9 DB ops + 0.45 invocations per second per community = 2.35: 42 × 2.35 = 98.7.
    const p = plan({ dbQps: 100, qpsCountsInvocations: true });
    expect(maxCommunities(PROFILE, SCENARIO, p)).toEqual({
      communities: 42,
      limitedBy: 'environment QPS 环境QPS',
    });
  });

  it('checks watch connections against concurrent watchers', () => {
    const p = plan({ watchConnections: 100 }); // 36 watchers per community
    expect(maxCommunities(PROFILE, SCENARIO, p)).toEqual({
      communities: 2,
      limitedBy: 'watch connections 实时推送连接数',
    });
    expect(verdictAt(p, 3).fits).toBe(false);
  });

  it('reports zero when not even one community fits', () => {
    expect(maxCommunities(PROFILE, SCENARIO, plan({ dbQps: 1 })).communities).toBe(0);
  });
});

describe('formatReport', () => {
  it('names every plan and prints the figures from the profile and scenario', () => {
    const r = model(PROFILE, SCENARIO, PLANS);
    const text = formatReport(PROFILE, SCENARIO, r, PLANS);
    for (const p of PLANS) expect(text).toContain(p.name);
    expect(text).toContain('19'); // DB ops/s at peak
    expect(text).toContain('50,400'); // reads on the busiest day
  });

  it('says how many environments of the largest plan are needed when none fits', () => {
    const plans = [plan({ name: 'small', dbQps: 5 }), plan({ name: 'big', dbQps: 10 })];
    const text = formatReport(PROFILE, SCENARIO, model(PROFILE, SCENARIO, plans), plans);
    // big: 5 communities per environment (5 × 1.9 = 9.5 ≤ 10); 10 communities → 2 environments.
    expect(text).toContain('ceil(10 / 5) = 2');
    expect(text).toContain('big');
  });
});

describe('PLANS', () => {
  it('has a source URL and positive limits for every plan', () => {
    for (const p of PLANS) {
      expect(p.source).toMatch(/^https:\/\//);
      expect(p.dbQps).toBeGreaterThan(0);
      expect(p.dbConnections).toBeGreaterThan(0);
      expect(p.functionConcurrency).toBeGreaterThan(0);
    }
  });
});

describe('CLI input', () => {
  it('rejects a visitor action without a measured cost', () => {
    expect(() =>
      parseProfile({ ...PROFILE, perVisitor: { ...PROFILE.perVisitor, 'booking.book': 1 } }),
    ).toThrow(/booking\.book/);
  });

  it('accepts a well-formed profile unchanged', () => {
    expect(parseProfile(JSON.parse(JSON.stringify(PROFILE)))).toEqual(PROFILE);
  });

  it('parses flags over the default scenario', () => {
    const options = parseArgs(['--communities', '200', '--visitors', '150', '--profile', 'p.json']);
    expect(options.scenario).toEqual({
      ...DEFAULT_SCENARIO,
      communities: 200,
      visitorsPerEvening: 150,
    });
    expect(options.profileFile).toBe('p.json');
    expect(() => parseArgs(['--communities', '-1'])).toThrow(/--communities/);
    expect(() => parseArgs(['--bogus', '1'])).toThrow(/--bogus/);
  });
});
