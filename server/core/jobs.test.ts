/**
 * The timer jobs in bounded slices, on both stores: a SQLite file (as every core rule test) and
 * the CloudBase store on the emulator, where what a run costs is counted in reads and writes.
 * Runs "at once" use two stores on the same data, as two processes or two containers would.
 */
import type { Booking } from '../../contract/booking';
import { coreHarness, ok } from '../testing/core-harness';
import { sendDueReminders } from './booking/service';
import type { CoreDeps } from './deps';
import { createFollowUps } from './followup/service';
import type { JobBudget, JobRun } from './jobs';
import type { Store } from './ports';
import { PILOT_COMMUNITIES } from './seed';

const WEDNESDAY = '2026-12-02T18:00:00+08:00';
const THURSDAY = '2026-12-03T09:00:00+08:00';
const FRIDAY = '2026-12-04T09:00:00+08:00';
const SATURDAY = '2026-12-05T09:00:00+08:00';
const EVENING = '2026-12-02';
/** The pilots (huchi, jinse) and three more, in id order. */
const EXTRA = ['anting', 'beiqiao', 'zhoushi'];
const ALL = ['anting', 'beiqiao', 'huchi', 'jinse', 'zhoushi'];
/** A budget bound by units only: the hand clock does not move unless a test moves it. */
const slice = (units: number): JobBudget => ({ units, ms: 3_600_000 });

/** The store with every port call recorded as "repo.method". */
function counted(store: Store) {
  const calls: string[] = [];
  const wrap = (name: string, repo: object) =>
    new Proxy(repo, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${name}.${String(prop)}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const proxied = Object.fromEntries(
    Object.entries(store).map(([name, repo]) => [
      name,
      typeof repo === 'object' && repo !== null ? wrap(name, repo) : repo,
    ]),
  ) as unknown as Store;
  return { store: proxied, calls };
}

/** Runs `job` on both hosts at once until a run says the work is finished. */
async function untilFinished(run: () => Promise<JobRun[]>) {
  const runs: JobRun[] = [];
  for (let round = 0; round < 20; round += 1) {
    const results = await run();
    runs.push(...results);
    if (results.some((r) => r.finished)) return runs;
  }
  throw new Error('the job never finished');
}

describe.each(['sqlite', 'cloudbase'] as const)('timer jobs on %s', (kind) => {
  let h: Awaited<ReturnType<typeof coreHarness>>;
  afterEach(async () => {
    await h?.close();
  });

  const at = (iso: string) => {
    h.clock.set(iso);
    return h.clock.now();
  };

  /** `userId` books the 19:00 (or `time`) paperwork slot of `community` on Wednesday. */
  const book = async (community: string, userId: string, phone: string | null, time = '1900') =>
    ok(
      await h.as(userId)<Booking>('booking.book', {
        slotId: `${community}_paperwork_20261202_${time}`,
        requestId: `book-request-${userId}`,
        ...(phone ? { phone, consent: true } : {}),
      }),
    );

  const complete = async (booking: Booking) =>
    ok(await h.staff('booking.complete', { bookingId: booking.id }));

  /** In every community: one resident served with a phone (a call), one without (asked in the app). */
  async function servedEverywhere() {
    h = await coreHarness(WEDNESDAY, { store: kind, locking: 'shared' });
    for (const id of EXTRA) {
      await h.store.communities.save({ ...PILOT_COMMUNITIES[0]!, id, name: `${id}社区` });
    }
    for (const c of ALL) {
      await complete(await book(c, `${c}-call`, '13812345678'));
      await complete(await book(c, `${c}-app`, null));
    }
  }

  const tasksPerCommunity = async () => {
    const out: Record<string, string[]> = {};
    for (const c of ALL) {
      out[c] = (await h.store.followUps.ofEvening(c, EVENING)).map((t) => t.residentKey).sort();
    }
    return out;
  };

  const everyTask = Object.fromEntries(ALL.map((c) => [c, [`${c}-app`, `${c}-call`]]));

  describe('the follow-up job', () => {
    it('does K communities per run in id order, and the next run resumes after them', async () => {
      await servedEverywhere();
      const now = at(THURSDAY);
      expect(await createFollowUps(h.deps, now, slice(2))).toEqual({
        done: 4,
        finished: false,
        remaining: 3,
      });
      expect(await tasksPerCommunity()).toEqual({
        ...everyTask,
        huchi: [],
        jinse: [],
        zhoushi: [],
      });
      expect(await createFollowUps(h.deps, now, slice(2))).toEqual({
        done: 4,
        finished: false,
        remaining: 1,
      });
      expect((await tasksPerCommunity()).zhoushi).toEqual([]);
      // The last community, and the day is finished in the same run.
      expect(await createFollowUps(h.deps, now, slice(2))).toEqual({
        done: 2,
        finished: true,
        remaining: 0,
      });
      expect(await tasksPerCommunity()).toEqual(everyTask);
      expect(h.alerts.resident.map((a) => a.userId).sort()).toEqual(ALL.map((c) => `${c}-app`));
    });

    it('once the day is finished, a run reads the cursor and nothing else', async () => {
      await servedEverywhere();
      const now = at(THURSDAY);
      expect(await createFollowUps(h.deps, now)).toMatchObject({ done: 10, finished: true });
      const { store, calls } = counted(h.store);
      h.emulator?.resetCounts();
      expect(await createFollowUps({ ...h.deps, store }, now)).toEqual({
        done: 0,
        finished: true,
        remaining: 0,
      });
      expect(calls).toEqual(['jobs.get']);
      if (h.emulator) expect(h.emulator.counts().total).toEqual({ reads: 1, writes: 0 });
    });

    it('walks a finished evening no more from its second morning on; late entries the day after still count', async () => {
      await servedEverywhere();
      const late = await book('jinse', 'jinse-late', '13912345678', '1930');
      expect(await createFollowUps(h.deps, at(THURSDAY))).toMatchObject({ done: 10 });
      // Staff record a completion the day after, once the morning's run has been.
      at('2026-12-03T15:00:00+08:00');
      await complete(late);
      expect(await createFollowUps(h.deps, at(FRIDAY))).toMatchObject({ done: 1 });
      expect((await tasksPerCommunity()).jinse).toEqual(['jinse-app', 'jinse-call', 'jinse-late']);
      // Saturday's week still holds Wednesday, but every community has finished it.
      const { store, calls } = counted(h.store);
      expect(await createFollowUps({ ...h.deps, store }, at(SATURDAY))).toEqual({
        done: 0,
        finished: true,
        remaining: 0,
      });
      expect(calls.filter((c) => /listForDate|ofEvening|getEvening|notices\./.test(c))).toEqual([]);
    });

    it('walks finished evenings again after a rule change', async () => {
      await servedEverywhere();
      const rule = (followUp: boolean) =>
        h.staff('followup.configure', {
          community: 'jinse',
          service: 'paperwork',
          followUp,
          delayDays: 1,
        });
      ok(await rule(false));
      await createFollowUps(h.deps, at(THURSDAY));
      await createFollowUps(h.deps, at(FRIDAY));
      expect((await tasksPerCommunity()).jinse).toEqual([]);
      ok(await rule(true));
      expect(await createFollowUps(h.deps, at(SATURDAY))).toMatchObject({ done: 2 });
      expect((await tasksPerCommunity()).jinse).toEqual(['jinse-app', 'jinse-call']);
    });

    it('starts no community once the time budget is spent, and the next run takes it up', async () => {
      await servedEverywhere();
      const now = at(THURSDAY);
      // Each community read takes 20 s of the 50 s budget: the third finds the time spent.
      const slow: CoreDeps = {
        ...h.deps,
        store: {
          ...h.store,
          communities: {
            ...h.store.communities,
            get: async (id) => {
              h.clock.advance(20 / 60);
              return h.store.communities.get(id);
            },
          },
        },
      };
      expect(await createFollowUps(slow, now, { units: 100, ms: 50_000 })).toEqual({
        done: 4,
        finished: false,
        remaining: 3,
      });
      expect((await tasksPerCommunity()).huchi).toEqual([]);
      expect(await createFollowUps(h.deps, now)).toEqual({ done: 6, finished: true, remaining: 0 });
      expect(await tasksPerCommunity()).toEqual(everyTask);
    });

    it('two runs at once make each task once and ask each resident once', async () => {
      await servedEverywhere();
      const other = await h.another();
      const now = at(THURSDAY);
      const runs = await untilFinished(() =>
        Promise.all([
          createFollowUps(h.deps, now, slice(2)),
          createFollowUps(other, now, slice(2)),
        ]),
      );
      expect(runs.reduce((sum, r) => sum + r.done, 0)).toBe(10);
      expect(await tasksPerCommunity()).toEqual(everyTask);
      expect(h.alerts.resident.map((a) => a.userId).sort()).toEqual(ALL.map((c) => `${c}-app`));
      // Neither run's progress was lost: the day is finished for both.
      for (const deps of [h.deps, other]) {
        expect(await createFollowUps(deps, now)).toEqual({ done: 0, finished: true, remaining: 0 });
      }
    });
  });

  describe('the reminders', () => {
    const RESIDENTS = ['r1', 'r2', 'r3', 'r4', 'r5'];

    /** Five confirmed bookings for Wednesday: 19:00 and 19:30 in jinse (two seats each), huchi. */
    async function bookedEvening() {
      h = await coreHarness('2026-11-28T10:00:00+08:00', { store: kind, locking: 'shared' });
      await book('jinse', 'r1', null, '1900');
      await book('jinse', 'r2', null, '1900');
      await book('jinse', 'r3', null, '1930');
      await book('jinse', 'r4', null, '1930');
      await book('huchi', 'r5', null, '1900');
    }

    const reminded = () =>
      h.alerts.booking
        .filter((a) => a.kind === 'booking-reminder')
        .map((a) => a.userId)
        .sort();

    it('sends a bounded batch per run, earliest first, and the next run resumes', async () => {
      await bookedEvening();
      const now = at('2026-12-02T12:00:00+08:00');
      expect(await sendDueReminders(h.deps, now, slice(2))).toEqual({ done: 2, finished: false });
      expect(h.alerts.booking.map((a) => a.booking.startsAt)).toEqual(['19:00', '19:00']);
      expect(await sendDueReminders(h.deps, now, slice(2))).toEqual({ done: 2, finished: false });
      expect(await sendDueReminders(h.deps, now, slice(2))).toEqual({ done: 1, finished: true });
      expect(await sendDueReminders(h.deps, now, slice(2))).toEqual({ done: 0, finished: true });
      expect(reminded()).toEqual(RESIDENTS);
    });

    it('costs nothing before noon, and one query once everything is sent', async () => {
      await bookedEvening();
      const { store, calls } = counted(h.store);
      h.emulator?.resetCounts();
      await sendDueReminders({ ...h.deps, store }, at('2026-12-02T11:59:00+08:00'));
      expect(calls).toEqual([]);
      if (h.emulator) expect(h.emulator.counts().total).toEqual({ reads: 0, writes: 0 });
      const now = at('2026-12-02T13:00:00+08:00');
      expect(await sendDueReminders(h.deps, now)).toEqual({ done: 5, finished: true });
      h.emulator?.resetCounts();
      expect(await sendDueReminders({ ...h.deps, store }, now)).toEqual({
        done: 0,
        finished: true,
      });
      expect(calls).toEqual(['bookings.dueReminders']);
      if (h.emulator) expect(h.emulator.counts().total).toEqual({ reads: 1, writes: 0 });
    });

    it('starts no reminder once the time budget is spent', async () => {
      await bookedEvening();
      const now = at('2026-12-02T12:00:00+08:00');
      // Each message takes a minute of the 90 s budget: the third finds the time spent.
      const slow: CoreDeps = {
        ...h.deps,
        notifier: {
          ...h.deps.notifier!,
          notifyBooking: async (alert) => {
            h.clock.advance(1);
            await h.deps.notifier!.notifyBooking(alert);
          },
        },
      };
      expect(await sendDueReminders(slow, now, { units: 100, ms: 90_000 })).toEqual({
        done: 2,
        finished: false,
      });
      expect(await sendDueReminders(h.deps, now)).toEqual({ done: 3, finished: true });
      expect(reminded()).toEqual(RESIDENTS);
    });

    it('two runs at once send each reminder once', async () => {
      await bookedEvening();
      const other = await h.another();
      const now = at('2026-12-02T12:00:00+08:00');
      const runs = await untilFinished(() =>
        Promise.all([
          sendDueReminders(h.deps, now, slice(2)),
          sendDueReminders(other, now, slice(2)),
        ]),
      );
      expect(runs.reduce((sum, r) => sum + r.done, 0)).toBe(5);
      expect(reminded()).toEqual(RESIDENTS);
    });
  });
});
