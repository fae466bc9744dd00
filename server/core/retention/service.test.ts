/**
 * The retention job on a real SQLite file (the store contract covers both stores' methods): a
 * year-old evening's records lose their personal fields in bounded runs, photos go from media,
 * past days' upload counters go, and a finished day costs one read.
 */
import { coreHarness } from '../../testing/core-harness';
import { memoryMedia } from '../../testing/media';
import type { BookRequest, SuggestionRecord } from '../ports';
import { anonymiseExpired, runMorning } from './service';

const MORNING = '2026-12-03T09:00:00+08:00';
const OLD = '2025-10-28';
const RECENT = '2026-11-25';
const at = (date: string) => new Date(`${date}T19:00:00+08:00`);
/** Bound by slices only: the hand clock does not move unless a test moves it. */
const slices = (units: number) => ({ units, ms: 3_600_000 });

const booking = (date: string, n: number): BookRequest => ({
  slotId: `jinse_paperwork_${date.replace(/-/g, '')}_1900`,
  community: 'jinse',
  service: 'paperwork',
  date,
  startsAt: '19:00',
  userId: `u${n}`,
  name: '王阿姨',
  phone: '13812345678',
  requestId: `r${n}`,
  seats: 200,
  waitlist: false,
  codes: [`C${n}`],
  now: at(date),
});

const suggestion = (
  id: string,
  date: string,
  photo: string,
): Omit<SuggestionRecord, 'receipt'> => ({
  id,
  community: 'jinse',
  userId: 'u1',
  name: '王阿姨',
  category: 'hours',
  text: '希望周五也开放',
  photo,
  followUpId: null,
  source: 'resident',
  status: 'received',
  reply: null,
  reason: null,
  mergedInto: null,
  changeId: null,
  solved: null,
  requestId: `req-${id}`,
  createdAt: at(date).toISOString(),
  updatedAt: at(date).toISOString(),
  answeredAt: null,
});

describe('the retention job (SQLite file)', () => {
  let h: Awaited<ReturnType<typeof coreHarness>>;
  afterEach(async () => {
    await h?.close();
  });

  async function seeded(oldBookings: number) {
    const { media, files } = memoryMedia();
    h = await coreHarness(MORNING, { media, store: 'sqlite', locking: 'shared' });
    for (let n = 1; n <= oldBookings; n += 1) {
      expect((await h.store.bookings.book(booking(OLD, n))).kind).toBe('created');
    }
    await h.store.bookings.book(booking(RECENT, 999));
    const oldPhoto = await media.put('jinse', new Uint8Array([1]), 'jpg');
    const newPhoto = await media.put('jinse', new Uint8Array([2]), 'jpg');
    await h.store.suggestions.submit(suggestion('s-old', OLD, oldPhoto), 'JS-1028', null);
    await h.store.suggestions.submit(suggestion('s-new', RECENT, newPhoto), 'JS-1125', null);
    await h.store.uploads.take('u1', 'photo', '2026-12-02', 10);
    await h.store.uploads.take('u1', 'photo', '2026-12-03', 10);
    // What the desk's alert log says was sent: one on the old evening, one on the recent.
    for (const date of [OLD, RECENT]) {
      await h.store.alerts.record({
        userId: 'u1',
        kind: 'your-turn',
        ref: `t-${date}`,
        community: 'jinse',
        queue: 'library',
        date,
        label: 'A001',
        at: at(date).toISOString(),
      });
    }
    return { files, oldPhoto, newPhoto };
  }

  it('anonymises in bounded runs until done, removes the photo, then a run reads one record', async () => {
    // 120 old bookings: three slices of 50 for bookings alone.
    const { files, oldPhoto, newPhoto } = await seeded(120);
    const now = h.clock.now();
    const first = await anonymiseExpired(h.deps, now, slices(2));
    expect(first).toEqual({ done: 100, finished: false });
    expect((await h.store.bookings.listForDate('jinse', OLD)).filter((b) => b.userId)).toHaveLength(
      20,
    );
    // Bookings' last slice, sign-ups, tasks, suggestions, alerts, counters: one slice each.
    const second = await anonymiseExpired(h.deps, now, slices(20));
    expect(second).toEqual({ done: 20 + 1 + 1 + 1, finished: true });
    // The old evening's alert went; the recent one's stays.
    expect(await h.store.alerts.recent('jinse', 'library', OLD, 10)).toEqual([]);
    expect(await h.store.alerts.recent('jinse', 'library', RECENT, 10)).toHaveLength(1);
    const old = await h.store.bookings.listForDate('jinse', OLD);
    expect(old).toHaveLength(120);
    expect(old.every((b) => b.userId === null && b.name === '' && b.phone === null)).toBe(true);
    expect(old.every((b) => b.status === 'confirmed')).toBe(true);
    expect((await h.store.bookings.listForDate('jinse', RECENT))[0]).toMatchObject({
      userId: 'u999',
      name: '王阿姨',
      phone: '13812345678',
    });
    expect(await h.store.suggestions.get('s-old')).toMatchObject({
      userId: null,
      name: '',
      photo: null,
      text: '希望周五也开放',
    });
    expect(files.has(oldPhoto)).toBe(false);
    expect(files.has(newPhoto)).toBe(true);
    expect((await h.store.suggestions.get('s-new'))?.photo).toBe(newPhoto);
    // Yesterday's counter went, today's stays (its count of one is kept).
    expect(await h.store.uploads.take('u1', 'photo', '2026-12-02', 1)).toBe(true);
    expect(await h.store.uploads.take('u1', 'photo', '2026-12-03', 1)).toBe(false);
    expect((await h.store.jobs.get('retention', '2026-12-03'))?.data).toEqual({ finished: true });
    expect(await anonymiseExpired(h.deps, now)).toEqual({ done: 0, finished: true });
  });

  it('two runs at once anonymise each record once', async () => {
    await seeded(60);
    const other = await h.another();
    const now = h.clock.now();
    const runs = await Promise.all([anonymiseExpired(h.deps, now), anonymiseExpired(other, now)]);
    expect(runs.every((r) => r.finished)).toBe(true);
    // 60 bookings + 1 suggestion + 1 alert + 1 counter, shared between the two runs (a slice may
    // overlap, but a record is changed by one of them only).
    expect(runs[0]!.done + runs[1]!.done).toBe(63);
  });

  it('runs in the morning job after the day’s follow-ups, within the same budget', async () => {
    await seeded(3);
    const now = h.clock.now();
    expect(await runMorning(h.deps, now, slices(100))).toEqual({
      done: 3 + 1 + 1 + 1,
      finished: true,
      created: 0,
    });
    expect((await h.store.jobs.get('followups', '2026-12-03'))?.data.finished).toBe(true);
    // Out of time after the follow-ups: retention waits for the next run.
    h.clock.set('2026-12-04T09:00:00+08:00');
    const late = await runMorning(h.deps, h.clock.now(), { units: 100, ms: 0 });
    expect(late.finished).toBe(false);
  });

  it('the admin’s “run now” (followup.run) runs the same morning job, retention included', async () => {
    await seeded(3);
    const run = await h.staff<{ created: number }>('followup.run');
    expect(run).toMatchObject({ ok: true, data: { created: 0 } });
    const old = await h.store.bookings.listForDate('jinse', OLD);
    expect(old.every((b) => b.userId === null && b.name === '')).toBe(true);
    expect((await h.store.suggestions.get('s-old'))?.userId).toBeNull();
    expect((await h.store.jobs.get('retention', '2026-12-03'))?.data).toEqual({ finished: true });
    expect((await h.store.bookings.listForDate('jinse', RECENT))[0]?.userId).toBe('u999');
  });
});
