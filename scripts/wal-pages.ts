/**
 * Which B-trees a group commit writes, per request, on SQLite: `npx tsx scripts/wal-pages.ts
 * [at once]` (18 unless told). The core runs on a SQLite file with automatic checkpoints off:
 * 2,000 joins over the pilots' four lines, 800 calls to jinse's two, 1,500 bookings, asked `at
 * once` (a group commit shares a transaction among them), by residents whose ids are scattered
 * as minted ones are. After each phase it reads the page number of each frame the WAL gained
 * and names the page's table or index through SQLite's `dbstat`: each frame is two `pwrite`s at
 * the commit, and a page again at the checkpoint (docs/performance.md, "Seventh pass"). Compare
 * two revisions with `BDB_ROOT=<other checkout>`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type * as Harness from '../server/testing/core-harness';
import { openSeats } from './bench-seats';

/** A resident's id: scattered over the key space, as minted identities are, and unique. */
const residentId = (i: number) => `r${((i * 2654435761) >>> 0).toString(36)}-${i}`;

async function main() {
  const root = path.resolve(process.env.BDB_ROOT ?? path.join(__dirname, '..'));
  const { coreHarness, ok } = (await import(
    path.join(root, 'server/testing/core-harness.ts')
  )) as typeof Harness;
  const atOnce = Math.max(1, Number(process.argv[2] ?? 18));
  // Wednesday 2 December 2026, 18:30 in Shanghai: a service evening of the pilots.
  const h = await coreHarness('2026-12-02T18:30:00+08:00');
  const db = (h.store as unknown as { db: Database.Database }).db;
  const file = db.name;
  db.pragma('wal_autocheckpoint = 0');

  const lines = ['jinse', 'huchi'].flatMap((community) =>
    ['library', 'health'].map((queue) => ({ community, queue })),
  );
  for (const line of lines)
    ok(await h.staff('queue.configure', { ...line, capacity: 999, lastJoin: '19:59' }));
  const joins = 2_000;
  const bookings = 1_500;
  for (let i = 0; i < joins + bookings; i += 1)
    await h.store.identities.ensureUser(residentId(i), new Date());
  const seats = await openSeats(h, ok);

  const phase = async (label: string, count: number, run: (i: number) => Promise<unknown>) => {
    // Alerts wait for the turn's end (the alert log's own commit): written before the count.
    const flushAlerts = () => (h.store.alerts as unknown as { flush?: () => void }).flush?.();
    flushAlerts();
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < count; i += atOnce)
      await Promise.all(Array.from({ length: Math.min(atOnce, count - i) }, (_, k) => run(i + k)));
    await new Promise((resolve) => setImmediate(resolve));
    flushAlerts();
    const wal = fs.readFileSync(`${file}-wal`);
    const pageSize = wal.readUInt32BE(8);
    // A 32-byte header, then frames: a 24-byte header (the page number first) and the page.
    const pages: number[] = [];
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize)
      pages.push(wal.readUInt32BE(at));
    const owner = new Map<number, string>();
    for (const row of db.prepare('SELECT name, pageno FROM dbstat').all() as Array<{
      name: string;
      pageno: number;
    }>)
      owner.set(row.pageno, row.name);
    const byTree = new Map<string, number>();
    for (const page of pages) {
      const name = owner.get(page) ?? `(page ${page}, freed)`;
      byTree.set(name, (byTree.get(name) ?? 0) + 1);
    }
    console.log(
      `${label}: ${count} 次，每组 ${atOnce} 个，WAL 帧 ${pages.length}，每次 ${(pages.length / count).toFixed(2)}`,
    );
    for (const [name, frames] of [...byTree].sort((a, b) => b[1] - a[1]))
      console.log(`  ${name.padEnd(34)} ${(frames / count).toFixed(2)}`);
  };

  await phase('queue.join', joins, async (i) =>
    ok(
      await h.as(residentId(i))('queue.join', {
        ...lines[i % lines.length]!,
        requestId: `wal-join-${String(i).padStart(8, '0')}`,
      }),
    ),
  );
  const jinse = lines.filter((l) => l.community === 'jinse');
  await phase('queue.callNext', 800, async (i) =>
    ok(await h.staff('queue.callNext', jinse[i % jinse.length]!)),
  );
  await phase('booking.book', Math.min(bookings, seats.length), async (i) =>
    ok(
      await h.as(residentId(joins + i))('booking.book', {
        slotId: seats[i],
        requestId: `wal-book-${String(i).padStart(8, '0')}`,
      }),
    ),
  );
  await h.store.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
