/**
 * An evening at one service center played through the cloud functions, for measuring what each
 * action costs on CloudBase: visitors open the tonight page and take numbers on both walk-in
 * lines, some book paperwork, the desks call the lines down. Every call's reads and writes are
 * counted by the emulator; nothing here is a constant.
 */
import type { Slot } from '../../contract/booking';
import type { Ticket } from '../../contract/queue';
import type { HandClock } from './core-harness';
import type { CloudWorld } from './cloud-world';

export interface CallCost {
  label: string;
  reads: number;
  writes: number;
}

export interface EveningCosts {
  visitors: number;
  calls: CallCost[];
  /** Tickets taken (each holder watches the line while waiting). */
  joins: number;
  /** Changes of a line's public document (each pushes a snapshot to its watchers). */
  lineChanges: number;
  /** Snapshots the emulator delivered to the watchers of queue_lines. */
  watchPushes: number;
  watchers: number;
}

const ADMIN = 'o-admin';
const WORKER = 'o-worker';
const LINES = ['library', 'health'] as const;
/** Actions after which the line's public document changed. */
const LINE_CHANGING = new Set(['queue.join', 'queue.callNext', 'queue.complete', 'queue.miss']);

function ok<T>(envelope: { ok: boolean; data?: unknown; error?: unknown }, what: string): T {
  if (!envelope.ok) throw new Error(`${what} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

type Call = <T>(openid: string, fn: string, action: string, input?: object) => Promise<T>;

/** One call at a time, each with its own reads and writes (the difference of the totals). */
function meteredCalls(world: CloudWorld, calls: CallCost[]): Call {
  const { emulator } = world;
  return async <T>(openid: string, fn: string, action: string, input: object = {}) => {
    const before = emulator.counts().total;
    const envelope = await world.call<T>(openid, fn, action, input as Record<string, unknown>);
    const after = emulator.counts().total;
    calls.push({
      label: `${fn}.${action}`,
      reads: after.reads - before.reads,
      writes: after.writes - before.writes,
    });
    return ok<T>(envelope, `${fn}.${action}`);
  };
}

/** 16:45: the admin signs in, invites the worker, and the worker opens the lines. */
async function setUp(call: Call, community: string, adminToken: string) {
  await call(ADMIN, 'staff', 'redeem', { code: adminToken });
  const { code } = await call<{ code: string }>(ADMIN, 'staff', 'invite', { community });
  await call(WORKER, 'staff', 'redeem', { code });
  for (const queue of LINES) {
    await call(WORKER, 'queue', 'configure', {
      community,
      queue,
      capacity: 999,
      lastJoin: '19:45',
    });
  }
}

/** The desk calls a line down to `keep` waiting residents. */
async function callDown(call: Call, waiting: Map<string, number>, community: string, keep: number) {
  for (const queue of LINES) {
    for (let left = waiting.get(queue) ?? 0; left > keep; left -= 1) {
      await call(WORKER, 'queue', 'callNext', { community, queue });
      waiting.set(queue, left - 1);
    }
  }
}

/** One visitor in four also books paperwork for next week's evening. */
async function book(call: Call, openid: string, community: string, i: number, slots: Slot[]) {
  if (slots.length === 0) {
    const input = { community, service: 'paperwork', date: '2026-12-09' };
    slots.push(...(await call<Slot[]>(openid, 'booking', 'slots', input)));
  }
  const slot = slots[(i >> 2) % slots.length]!;
  await call(openid, 'booking', 'book', { slotId: slot.id, requestId: `book-${i}-0000` });
}

export async function playEvening(
  world: CloudWorld,
  clock: HandClock,
  options: { visitors: number; adminToken: string; community?: string },
): Promise<EveningCosts> {
  const community = options.community ?? 'jinse';
  const calls: CallCost[] = [];
  const call = meteredCalls(world, calls);
  const { emulator } = world;

  clock.set('2026-12-02T16:45:00+08:00');
  await setUp(call, community, options.adminToken);

  const pushesBefore = emulator.counts().watchPushes.queue_lines ?? 0;
  const watches: Array<{ close(): Promise<void> }> = [];
  const waiting = new Map<string, number>(LINES.map((l) => [l, 0]));
  const slots: Slot[] = [];
  const start = Date.parse('2026-12-02T17:00:00+08:00');
  const span = 150 * 60_000; // arrivals until 19:30
  for (let i = 0; i < options.visitors; i += 1) {
    const openid = `o-v${i}`;
    clock.set(new Date(start + Math.floor((span * i) / options.visitors)).toISOString());
    await call(openid, 'community', 'tonight', { community });
    const queue = LINES[i % LINES.length]!;
    await call<Ticket>(openid, 'queue', 'join', {
      community,
      queue,
      requestId: `join-${String(i).padStart(8, '0')}`,
    });
    waiting.set(queue, (waiting.get(queue) ?? 0) + 1);
    // The resident's ticket page now watches the community's lines while they wait.
    watches.push(
      emulator
        .clientDatabase(openid)
        .collection('queue_lines')
        .where({ community })
        .watch({ onChange: () => undefined, onError: () => undefined }),
    );
    if (i % 4 === 3) await book(call, openid, community, i, slots);
    // The desks keep each line short: a call whenever more than two wait.
    await callDown(call, waiting, community, 2);
  }
  // The last residents are called and served before 20:00.
  clock.set('2026-12-02T19:40:00+08:00');
  await callDown(call, waiting, community, 0);
  await new Promise((resolve) => setImmediate(resolve));
  for (const watch of watches) await watch.close();
  return {
    visitors: options.visitors,
    calls,
    joins: calls.filter((c) => c.label === 'queue.join').length,
    lineChanges: calls.filter((c) => LINE_CHANGING.has(c.label)).length,
    watchPushes: (emulator.counts().watchPushes.queue_lines ?? 0) - pushesBefore,
    watchers: watches.length,
  };
}

export interface ActionSummary {
  calls: number;
  /** The common case: half the calls cost this many operations or fewer. */
  medianOps: number;
  maxOps: number;
  meanReads: number;
  meanWrites: number;
  maxReads: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
};

/** Per action, over the evening's calls (setup calls before 17:00 included). */
export function summarize(calls: CallCost[]): Record<string, ActionSummary> {
  const by = new Map<string, CallCost[]>();
  for (const c of calls) by.set(c.label, [...(by.get(c.label) ?? []), c]);
  return Object.fromEntries(
    [...by].map(([label, list]) => {
      const ops = list.map((c) => c.reads + c.writes);
      const mean = (pick: (c: CallCost) => number) =>
        list.reduce((sum, c) => sum + pick(c), 0) / list.length;
      return [
        label,
        {
          calls: list.length,
          medianOps: median(ops),
          maxOps: Math.max(...ops),
          meanReads: mean((c) => c.reads),
          meanWrites: mean((c) => c.writes),
          maxReads: Math.max(...list.map((c) => c.reads)),
        },
      ];
    }),
  );
}
