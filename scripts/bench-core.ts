/**
 * CPU time of the core and the SQLite store alone, per request, in one process (no HTTP):
 * `npx tsx scripts/bench-core.ts [joins] [at once] [calls at once]` (joins asked `at once`
 * together, as many connections would: the store's group commit shares a transaction among them;
 * then half as many calls one by one, then a quarter more `calls at once` together, 20 unless
 * told: each answer but the last of a group is the desk of a line that changed since; then 2,000
 * bookings by distinct residents, `at once` like the joins). On a shared machine throughput moves with the other
 * load, CPU time per request much less (docs/performance.md); compare two revisions by running
 * each in turn, a few times, with `BDB_ROOT=<other checkout>`.
 */
import path from 'node:path';
import type * as Harness from '../server/testing/core-harness';
import { openSeats } from './bench-seats';

async function main() {
  const root = path.resolve(process.env.BDB_ROOT ?? path.join(__dirname, '..'));
  const { coreHarness, ok } = (await import(
    path.join(root, 'server/testing/core-harness.ts')
  )) as typeof Harness;
  const joins = Math.min(Number(process.argv[2] ?? 990), 990);
  const atOnce = Math.max(1, Number(process.argv[3] ?? 1));
  // Wednesday 2 December 2026, 18:00 in Shanghai: a service evening of the pilots.
  const h = await coreHarness('2026-12-02T18:00:00+08:00');
  const line = { community: 'jinse', queue: 'library' };
  ok(await h.staff('queue.configure', { ...line, capacity: 999, lastJoin: '19:59' }));
  for (let i = 0; i < joins; i += 1) await h.store.identities.ensureUser(`u${i}`, new Date());

  const measure = async (
    label: string,
    count: number,
    run: (i: number) => Promise<unknown>,
    /** Requests per run (a group asked at once): CPU is per request, latency per group. */
    per = 1,
  ) => {
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
    const perRequest = Math.round((used.user + used.system) / (count * per));
    console.log(
      `${label.padEnd(9)} ${String(count).padStart(4)} 次  CPU ${String(perRequest).padStart(5)} µs/次  p50 ${p(0.5)} ms  p99 ${p(0.99)} ms`,
    );
  };

  const joinOne = async (i: number) =>
    ok(
      await h.as(`u${i}`)('queue.join', {
        ...line,
        requestId: `bench-join-${String(i).padStart(8, '0')}`,
      }),
    );
  await measure(
    `join×${atOnce}`,
    Math.ceil(joins / atOnce),
    async (group) => {
      const first = group * atOnce;
      const size = Math.min(atOnce, joins - first);
      await Promise.all(Array.from({ length: size }, (_, k) => joinOne(first + k)));
    },
    joins / Math.ceil(joins / atOnce),
  );
  await measure('callNext', Math.floor(joins / 2), async () =>
    ok(await h.staff('queue.callNext', line)),
  );
  const callsAtOnce = Math.max(1, Number(process.argv[4] ?? 20));
  const groups = Math.floor(joins / 4 / callsAtOnce);
  if (groups > 0) {
    await measure(
      `callNext×${callsAtOnce}`,
      groups,
      async () => {
        const calls = Array.from({ length: callsAtOnce }, () => h.staff('queue.callNext', line));
        for (const answer of await Promise.all(calls)) ok(answer);
      },
      callsAtOnce,
    );
  }
  await measureBookings(h, ok, measure, atOnce);
  await h.close();
}

/**
 * Then bookings: distinct residents, one seat each on the pilots' coming evenings (every service
 * opened to 10-minute slots of 50 seats), asked `at once` like the joins.
 */
async function measureBookings(
  h: Awaited<ReturnType<typeof Harness.coreHarness>>,
  ok: typeof Harness.ok,
  measure: (
    label: string,
    count: number,
    run: (i: number) => Promise<unknown>,
    per?: number,
  ) => Promise<void>,
  atOnce: number,
) {
  const seats = await openSeats(h, ok);
  const bookings = Math.min(2_000, seats.length);
  for (let i = 0; i < bookings; i += 1) await h.store.identities.ensureUser(`b${i}`, new Date());
  const bookOne = async (i: number) =>
    ok(
      await h.as(`b${i}`)('booking.book', {
        slotId: seats[i],
        requestId: `bench-book-${String(i).padStart(8, '0')}`,
      }),
    );
  await measure(
    `book×${atOnce}`,
    Math.ceil(bookings / atOnce),
    async (group) => {
      const first = group * atOnce;
      const size = Math.min(atOnce, bookings - first);
      await Promise.all(Array.from({ length: size }, (_, k) => bookOne(first + k)));
    },
    bookings / Math.ceil(bookings / atOnce),
  );
}

void main();
