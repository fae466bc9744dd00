/**
 * A preload for the host under `npm run bench` that records what it allocates and keeps past a
 * young-generation collection (promoted, or still alive at the end): V8's sampling heap profiler
 * with the objects the quick collections freed left out. Those are what the old generation's
 * marking and sweeping pay for, on the host's helper threads as much as its main one.
 *
 *   BENCH_HOST_FLAGS="--import ./scripts/heap-promoted.mjs" BENCH_GOALS=report npm run bench
 *   npx tsx scripts/heap-top.ts /tmp/bdb-heap-<pid>.json [frame]
 *
 * The profile is written to /tmp/bdb-heap-<pid>.json when the bench stops the host.
 */
import fs from 'node:fs';
import inspector from 'node:inspector';

const session = new inspector.Session();
session.connect();
session.post('HeapProfiler.enable');
session.post('HeapProfiler.startSampling', {
  samplingInterval: 2048,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: false,
});
process.prependListener('SIGTERM', () => {
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (!error)
      fs.writeFileSync(`/tmp/bdb-heap-${process.pid}.json`, JSON.stringify(result.profile));
  });
});
