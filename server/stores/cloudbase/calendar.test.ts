/**
 * A booking or sign-up racing its date's cancellation on CloudBase (#16). Transactions there
 * conflict on write-write only, so reading the date's entry in the booking's transaction is not
 * enough: these run the cancellation to its end while a booking's transaction is open (after its
 * reads, before its commit), the interleaving the service's own calendar check cannot see.
 */
import type { CalendarDate } from '../../../contract/calendar';
import type { BookRequest, Closed, Closing, SignUpRequest, Store } from '../../core/ports';
import { createCloudBaseEmulator } from '../../testing/cloudbase-emulator';
import { sampleCommunity } from '../contract-tests/store-contract';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from './index';
import type { CloudTransaction } from './sdk';

const AT = new Date('2026-11-28T02:00:00.000Z');
const CANCELLED: CalendarDate = {
  date: '2026-12-02',
  kind: 'cancelled',
  reason: '台风停课',
  opensAt: '17:00',
  closesAt: '20:00',
  added: false,
};
const closing = (activities: string[] = []): Closing => ({
  entry: CANCELLED,
  from: CANCELLED.date,
  to: CANCELLED.date,
  after: null,
  activities,
  reason: CANCELLED.reason,
  now: AT,
});
const request = (userId: string, requestId: string): BookRequest => ({
  slotId: 'c1_paperwork_20261202_1900',
  community: 'c1',
  service: 'paperwork',
  date: '2026-12-02',
  startsAt: '19:00',
  userId,
  name: '',
  phone: null,
  requestId,
  seats: 2,
  waitlist: true,
  codes: ['K7MP'],
  now: AT,
});

/**
 * A store in which, once armed, `meanwhile` (the cancellation, on the same store) starts right
 * after a transaction's get of `after` (a document id of community_dates): awaited to its end
 * there, or, with `wait` false, left running while the transaction goes on.
 */
function racingStore() {
  const emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
  const db = emulator.database() as unknown as CloudDatabase;
  let armed: { after: string; wait: boolean; run: () => Promise<unknown> } | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const spied = (tx: CloudTransaction): CloudTransaction => ({
    collection: (name) => ({
      doc: (id) => {
        const ref = tx.collection(name).doc(id);
        return {
          ...ref,
          set: (options) => ref.set(options),
          update: (options) => ref.update(options),
          remove: () => ref.remove(),
          // A missing document rejects (wx-server-sdk's default): the race starts either way.
          get: async () => {
            const got = ref.get().then(
              (value) => ({ value }),
              (error: unknown) => ({ error }),
            );
            const settledGet = await got;
            const now = armed;
            if (now && name.endsWith('community_dates') && id === now.after) {
              armed = null;
              running = now.run();
              if (now.wait) await running;
            }
            if ('error' in settledGet) throw settledGet.error;
            return settledGet.value;
          },
        };
      },
    }),
  });
  const racing: CloudDatabase = {
    ...db,
    collection: (name) => db.collection(name),
    runTransaction: (run, retries) => db.runTransaction((tx) => run(spied(tx)), retries),
  };
  const store = createCloudBaseStore(racing);
  return {
    store,
    arm: (after: string, wait: boolean, fn: (s: Store) => Promise<unknown>) => {
      armed = { after, wait, run: () => fn(store) };
    },
    settled: () => running,
  };
}

describe('a booking or sign-up racing its date’s cancellation (CloudBase)', () => {
  it('a booking whose transaction read the date open, before the cancel committed, is refused on retry', async () => {
    const { store, arm } = racingStore();
    await store.communities.save(sampleCommunity('c1'));
    // The cancellation commits right after the booking read the date open.
    arm('c1_20261202', true, (s) => s.calendar.close('c1', closing()));
    expect(await store.bookings.book(request('u1', 'r-1'))).toEqual({
      kind: 'closed',
      reason: '台风停课',
    });
    expect(await store.bookings.listForDate('c1', '2026-12-02')).toEqual([]);
    expect(await store.calendar.list('c1', '2026-12-01', '2026-12-31')).toEqual([CANCELLED]);
  });

  it('a sign-up racing the cancellation of its activity’s date is refused on retry', async () => {
    const { store, arm } = racingStore();
    await store.communities.save(sampleCommunity('c1'));
    await store.notices.save({
      id: 'n1',
      community: 'c1',
      week: '2026-11-30',
      title: '本周活动',
      body: '',
      cover: null,
      status: 'published',
      pinned: false,
      createdBy: 'staff-1',
      createdAt: AT.toISOString(),
      updatedAt: AT.toISOString(),
      publishedAt: AT.toISOString(),
      editedAt: null,
      activities: [
        {
          id: 'a1',
          noticeId: 'n1',
          community: 'c1',
          name: '活动',
          date: '2026-12-02',
          startsAt: '18:30',
          endsAt: '19:30',
          place: '二楼活动室',
          capacity: 2,
          signUp: true,
          code: 'K7P2Q9',
          sort: 0,
        },
      ],
    });
    const signUp: SignUpRequest = {
      activityId: 'a1',
      community: 'c1',
      userId: 'u1',
      name: '',
      requestId: 'r-1',
      date: '2026-12-02',
      capacity: 2,
      now: AT,
    };
    arm('c1_20261202', true, (s) => s.calendar.close('c1', closing(['a1'])));
    expect(await store.notices.signUp(signUp)).toEqual({ kind: 'closed', reason: '台风停课' });
    expect(await store.notices.signUpOf('a1', 'u1')).toBeNull();
  });

  it('a booking that wrote the date’s gate first commits, and the cancellation cancels it', async () => {
    const { store, arm, settled } = racingStore();
    await store.communities.save(sampleCommunity('c1'));
    // The cancellation starts once the booking read the date, and runs on while it commits.
    arm('c1_20261202', false, (s) => s.calendar.close('c1', closing()));
    const made = await store.bookings.book(request('u1', 'r-1'));
    expect(made.kind).toBe('created');
    const closed = (await settled()) as Closed;
    expect(closed.bookings.map((b) => [b.userId, b.status])).toEqual([['u1', 'cancelled']]);
    expect((await store.bookings.listForDate('c1', '2026-12-02'))[0]?.status).toBe('cancelled');
  });
});
