/**
 * CPU time of the core and the SQLite store alone, per request, in one process (no HTTP):
 * `npx tsx scripts/bench-core.ts [joins]`. On a shared machine throughput moves with the other
 * load, CPU time per request much less (docs/performance.md); compare two revisions by running
 * each in turn, a few times, with `BDB_ROOT=<other checkout>`.
 */
import path from 'node:path';
import type * as Harness from '../server/testing/core-harness';

async function main() {
  const root = path.resolve(process.env.BDB_ROOT ?? path.join(__dirname, '..'));
  const { coreHarness, ok } = (await import(
    path.join(root, 'server/testing/core-harness.ts')
  )) as typeof Harness;
  const joins = Math.min(Number(process.argv[2] ?? 990), 990);
  // Wednesday 2 December 2026, 18:00 in Shanghai: a service evening of the pilots.
  const h = await coreHarness('2026-12-02T18:00:00+08:00');
  const line = { community: 'jinse', queue: 'library' };
  ok(await h.staff('queue.configure', { ...line, capacity: 999, lastJoin: '19:59' }));
  for (let i = 0; i < joins; i += 1) await h.store.identities.ensureUser(`u${i}`, new Date());

  const measure = async (label: string, count: number, run: (i: number) => Promise<unknown>) => {
    const latencies: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < count; i += 1) {
      const start = performance.now();
      await run(i);
      latencies.push(performance.now() - start);
    }
    const used = process.cpuUsage(cpu);
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.floor((latencies.length - 1) * q)]!.toFixed(2);
    const perRequest = Math.round((used.user + used.system) / count);
    console.log(
      `${label.padEnd(9)} ${String(count).padStart(4)} 次  CPU ${String(perRequest).padStart(5)} µs/次  p50 ${p(0.5)} ms  p99 ${p(0.99)} ms`,
    );
  };

  await measure('join', joins, async (i) =>
    ok(
      await h.as(`u${i}`)('queue.join', {
        ...line,
        requestId: `bench-join-${String(i).padStart(8, '0')}`,
      }),
    ),
  );
  await measure('callNext', Math.floor(joins / 2), async () =>
    ok(await h.staff('queue.callNext', line)),
  );
  await h.close();
}

void main();
