/**
 * The CloudBase NoticeRepo on the CloudBase emulator, for what the shared contract
 * (emulator.contract.test.ts) does not check: the notice, activity, sign-up and pin documents
 * production data depends on, malformed documents, what each operation costs (counted by the
 * emulator), the moves the contract leaves out, races run for real (many sign-ups for the last
 * places, cancellations racing sign-ups, two pins at once), and the collection prefix.
 * Documents seeded here bypass the adapter.
 */
import { Unavailable } from '../../core/errors';
import type { ActivityRecord, NoticeRecord, SignUpRecord, SignUpRequest } from '../../core/ports';
import { emulatedStore } from '../../testing/emulated-store';
import { uncapped } from '../contract-tests/uncapped';
import {
  CANCEL_SIGN_UP_OPERATIONS,
  SIGN_UP_LIMIT_OPERATIONS,
  SIGN_UP_MAX_OPERATIONS,
  SIGN_UP_OPERATIONS,
} from './notices';
import { PAGE_SIZE } from './sdk';
import type { DocData } from './sdk';
import { MANY_RACERS } from './transaction';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const NOW_ISO = '2026-12-01T10:00:00.000Z';
const LATER = new Date('2026-12-01T11:00:00.000Z');
const EARLIER = '2026-11-30T02:00:00.000Z';

function setup(prefix = '') {
  const env = emulatedStore({ prefix });
  return { ...env, notices: uncapped(env.store.notices) };
}

afterEach(() => jest.restoreAllMocks());

// --- fixtures ---

const activity = (fields: Partial<ActivityRecord> = {}): ActivityRecord => ({
  id: 'a1',
  noticeId: 'n1',
  community: 'c1',
  name: '书法体验课',
  date: '2026-12-02',
  startsAt: '18:30',
  endsAt: '19:30',
  place: '二楼活动室',
  capacity: 2,
  signUp: true,
  code: 'K7P2Q9',
  sort: 0,
  ...fields,
});

const notice = (fields: Partial<NoticeRecord> = {}): NoticeRecord => ({
  id: 'n1',
  community: 'c1',
  week: '2026-11-30',
  title: '本周活动',
  body: '第一行\n第二行',
  cover: null,
  status: 'published',
  pinned: false,
  createdBy: 'wx:o-staff',
  createdAt: EARLIER,
  updatedAt: EARLIER,
  publishedAt: EARLIER,
  editedAt: null,
  activities: [activity(), activity({ id: 'a2', capacity: null, sort: 1 })],
  ...fields,
});

/** The activity's own fields as stored, without id, noticeId and community. */
const activityFields = (fields: Partial<ActivityRecord> = {}) => {
  const { id: _id, noticeId: _n, community: _c, ...rest } = activity(fields);
  return rest;
};

const request = (fields: Partial<SignUpRequest> = {}): SignUpRequest => ({
  activityId: 'a1',
  community: 'c1',
  userId: 'wx:o-1',
  name: '',
  requestId: 'req-aaaaaaaa',
  // The activity's date: the sign-up reads its calendar entry (SIGN_UP_OPERATIONS).
  date: '2026-12-02',
  capacity: 2,
  now: NOW,
  ...fields,
});
/** Resident n's sign-up request. */
const by = (n: number, fields: Partial<SignUpRequest> = {}) =>
  request({ userId: `wx:o-${n}`, requestId: `req-${n}`, ...fields });

const EMPTY_SIGN_UP_TALLY = {
  signed: 0,
  waitlist: [],
  attended: 0,
  made: 0,
  requests: {},
  holders: {},
};

/** A stored activity document, seeded past the adapter. */
const activityDoc = (tally: DocData = {}, fields: Partial<ActivityRecord> = {}): DocData => ({
  noticeId: 'n1',
  community: 'c1',
  ...activityFields(fields),
  ...EMPTY_SIGN_UP_TALLY,
  ...tally,
});

/** A stored sign-up document, seeded past the adapter. */
const signUpDoc = (fields: Partial<SignUpRecord> = {}, seq = 1): DocData => ({
  activityId: 'a1',
  community: 'c1',
  userId: 'wx:o-1',
  name: '',
  status: 'signed',
  requestId: 'req-aaaaaaaa',
  createdAt: EARLIER,
  waitlistedAt: null,
  promotedAt: null,
  attendedAt: null,
  checkIn: null,
  ...fields,
  seq,
});

// --- sign-up ---

describe('notices.signUp with the limit per resident', () => {
  const caps = { open: 2, from: '2026-12-01' };

  it('keeps the resident’s sign-ups in signup_residents, read and written in the sign-up’s transaction', async () => {
    const { store, cost, doc } = setup();
    // The repo itself, not the uncapped view: these requests have caps.
    const repo = store.notices;
    await repo.save(
      notice({ activities: [...notice().activities, activity({ id: 'a3', sort: 2 })] }),
    );
    const first = await cost(() => repo.signUp(request({ caps })));
    expect(first).toMatchObject({
      ops: SIGN_UP_OPERATIONS.created + SIGN_UP_LIMIT_OPERATIONS.resident,
      writes: 4,
      transactions: 1,
    });
    if (first.result.kind !== 'created') throw new Error('not created');
    const a = first.result.signUp;
    expect(doc('signup_residents', 'c1:wx:o-1')).toEqual({
      _id: 'c1:wx:o-1',
      community: 'c1',
      signUps: [{ id: a.id, activityId: 'a1', requestId: 'req-aaaaaaaa' }],
    });
    // A retry reads no list: the activity answers it.
    const retried = await cost(() => repo.signUp(request({ caps })));
    expect(retried).toMatchObject({ ops: SIGN_UP_OPERATIONS.existing, writes: 0 });
    const second = await cost(() =>
      repo.signUp(request({ caps, activityId: 'a2', capacity: null, requestId: 'req-b' })),
    );
    expect(second.ops).toBe(
      SIGN_UP_OPERATIONS.created +
        SIGN_UP_LIMIT_OPERATIONS.resident +
        SIGN_UP_LIMIT_OPERATIONS.perListed,
    );
    // At the limit: the activity, the date, the list and each listed activity are read; nothing
    // is written.
    const refused = await cost(() =>
      repo.signUp(request({ caps, activityId: 'a3', requestId: 'req-c' })),
    );
    expect(refused).toMatchObject({
      result: { kind: 'limited', limit: 'signUps', max: 2 },
      ops: 3 + 2 * SIGN_UP_LIMIT_OPERATIONS.perListed,
      writes: 0,
    });
    // A cancelled one drops off the list at the next sign-up; erase removes the list.
    await repo.cancelSignUp('a1', 'wx:o-1', LATER);
    expect((await repo.signUp(request({ caps, activityId: 'a3', requestId: 'req-d' }))).kind).toBe(
      'created',
    );
    const listed = doc('signup_residents', 'c1:wx:o-1')?.signUps as Array<{ activityId: string }>;
    expect(listed.map((e) => e.activityId)).toEqual(['a2', 'a3']);
    await repo.eraseSignUps('wx:o-1');
    expect(doc('signup_residents', 'c1:wx:o-1')).toBeUndefined();
  });

  it('retention drops each sign-up it anonymises from the list, and the list once empty', async () => {
    const { store, doc } = setup();
    const repo = store.notices;
    await repo.save(notice());
    const a = await repo.signUp(request({ caps }));
    const b = await repo.signUp(request({ caps, activityId: 'a2', requestId: 'req-b' }));
    if (a.kind !== 'created' || b.kind !== 'created') throw new Error('not created');
    // A cutoff after both were made: both past retention, one a call.
    const cutoffAt = '2026-12-02T00:00:00.000Z';
    expect(await repo.anonymiseSignUpsBefore(cutoffAt, 1)).toBe(1);
    const left = doc('signup_residents', 'c1:wx:o-1')?.signUps as Array<{ id: string }>;
    expect(left).toHaveLength(1);
    expect([a.signUp.id, b.signUp.id]).toContain(left[0]!.id);
    expect(await repo.anonymiseSignUpsBefore(cutoffAt, 1)).toBe(1);
    expect(doc('signup_residents', 'c1:wx:o-1')).toBeUndefined();
    expect(await repo.anonymiseSignUpsBefore(cutoffAt, 1)).toBe(0);
    expect((await repo.getSignUp(a.signUp.id))?.userId).toBeNull();
  });
});

describe('notices.signUp', () => {
  it(`signs up in one transaction of ${SIGN_UP_MAX_OPERATIONS} operations without caps, numbering sign-ups in arrival order`, async () => {
    const { notices, cost, doc } = setup();
    await notices.save(notice());
    const first = await cost(() => notices.signUp(request()));
    expect(first).toMatchObject({
      ops: SIGN_UP_OPERATIONS.created,
      writes: 3,
      outside: 0,
      transactions: 1,
    });
    const a = first.result.signUp;
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const expected: SignUpRecord = {
      id: a.id,
      activityId: 'a1',
      community: 'c1',
      userId: 'wx:o-1',
      name: '',
      status: 'signed',
      requestId: 'req-aaaaaaaa',
      createdAt: NOW_ISO,
      waitlistedAt: null,
      promotedAt: null,
      attendedAt: null,
      checkIn: null,
      checkInVia: null,
      cancelledReason: null,
    };
    expect(first.result).toEqual({ kind: 'created', signUp: expected });
    // Every record field but the id, which is the _id, and its number in arrival order.
    const { id: _id, ...fields } = expected;
    expect(doc('activity_signups', a.id)).toEqual({ _id: a.id, ...fields, seq: 1 });

    const b = (await notices.signUp(by(2))).signUp;
    const third = await cost(() => notices.signUp(by(3)));
    expect(third.ops).toBe(SIGN_UP_OPERATIONS.created);
    const c = third.result.signUp;
    expect(c).toMatchObject({ status: 'waitlisted', waitlistedAt: NOW_ISO });
    expect(doc('activity_signups', c.id)).toMatchObject({ seq: 3 });
    expect(doc('notice_activities', 'a1')).toEqual({
      _id: 'a1',
      noticeId: 'n1',
      community: 'c1',
      ...activityFields(),
      signed: 2,
      waitlist: [c.id],
      attended: 0,
      made: 3,
      requests: { 'wx:o-1|req-aaaaaaaa': a.id, 'wx:o-2|req-2': b.id, 'wx:o-3|req-3': c.id },
      holders: { 'wx:o-1': a.id, 'wx:o-2': b.id, 'wx:o-3': c.id },
    });
  });

  it('keys the tally maps by encoded ids; a sign-up without a user has no holder entry', async () => {
    const { notices, doc } = setup();
    await notices.save(notice());
    const odd = (await notices.signUp(request({ userId: 'u.1', requestId: 'r$1' }))).signUp;
    const staff = (
      await notices.signUp(request({ userId: null, name: '李大爷', requestId: 'wx:o-staff:r2' }))
    ).signUp;
    expect(doc('notice_activities', 'a1')).toMatchObject({
      requests: { 'u%2E1|r%241': odd.id, '|wx:o-staff:r2': staff.id },
    });
    expect(doc('notice_activities', 'a1')?.holders).toEqual({ 'u%2E1': odd.id });
  });

  it('never signs more than the capacity asked for, even after it was lowered; unlimited always has room', async () => {
    const { notices, doc } = setup();
    await notices.save(notice());
    for (const n of [1, 2, 3]) await notices.signUp(by(n, { capacity: 3 }));
    const { signUp } = await notices.signUp(by(4, { capacity: 2 }));
    expect(signUp.status).toBe('waitlisted');
    expect(doc('notice_activities', 'a1')).toMatchObject({ signed: 3, waitlist: [signUp.id] });
    for (const n of [1, 2, 3, 4]) {
      const open = await notices.signUp(by(n, { activityId: 'a2', capacity: null }));
      expect(open.signUp.status).toBe('signed');
    }
  });

  it(`returns a retried request's sign-up in ${SIGN_UP_OPERATIONS.existing} operations, whatever its status`, async () => {
    const { notices, cost } = setup();
    await notices.save(notice());
    const { signUp } = await notices.signUp(request());
    await notices.cancelSignUp('a1', 'wx:o-1', NOW);
    expect(await cost(() => notices.signUp(request()))).toMatchObject({
      result: { kind: 'existing', signUp: { id: signUp.id, status: 'cancelled' } },
      ops: SIGN_UP_OPERATIONS.existing,
      writes: 0,
    });
    // The resident's live sign-up, for a new request id: the same cost.
    const live = (await notices.signUp(request({ requestId: 'req-second' }))).signUp;
    expect(await cost(() => notices.signUp(request({ requestId: 'req-third' })))).toMatchObject({
      result: { kind: 'existing', signUp: live },
      ops: SIGN_UP_OPERATIONS.existing,
      writes: 0,
    });
  });

  it('refuses, trying once, an activity that does not exist or was dropped', async () => {
    const { emulator, notices } = setup();
    await notices.save(notice());
    await notices.save(notice({ activities: [activity({ id: 'a2' })] }));
    for (const id of ['a9', 'a1']) {
      emulator.resetCounts();
      await expect(notices.signUp(request({ activityId: id }))).rejects.toThrow(
        `No activity ${id} to sign up for`,
      );
      await expect(notices.checkIn({ ...request({ activityId: id }), by: 'self' })).rejects.toThrow(
        `No activity ${id} to check in to`,
      );
      expect(emulator.counts()).toMatchObject({
        total: { writes: 0 },
        transactions: { started: 2 },
      });
    }
  });

  it('fails loudly on a malformed activity document, naming the field, trying once', async () => {
    const { emulator, notices, seed } = setup();
    await seed('notice_activities', 'a1', activityDoc({ signed: 'two' }));
    emulator.resetCounts();
    await expect(notices.signUp(request())).rejects.toThrow(
      'notice_activities/a1: bad or missing "signed"',
    );
    expect(emulator.counts().transactions).toMatchObject({ started: 1, committed: 0 });
    await seed('notice_activities', 'a1', activityDoc({ holders: { 'wx:o-1': 5 } }));
    await expect(notices.signUp(request())).rejects.toThrow('"holders.wx:o-1"');
    await seed('notice_activities', 'a1', activityDoc({}, { capacity: 'two' as never }));
    await expect(notices.signUp(request())).rejects.toThrow('"capacity"');
    // A map entry pointing at a sign-up that is not there.
    await seed(
      'notice_activities',
      'a1',
      activityDoc({ made: 1, requests: { 'wx:o-1|req-aaaaaaaa': 'gone' } }),
    );
    await expect(notices.signUp(request())).rejects.toThrow('sign-up gone');
    expect(emulator.dump('activity_signups')).toEqual([]);
  });

  it(`gives up after ${MANY_RACERS.attempts} conflicted transactions with UNAVAILABLE`, async () => {
    const { emulator, notices } = setup();
    await notices.save(notice());
    jest.spyOn(Math, 'random').mockReturnValue(0);
    emulator.inject({
      collection: 'notice_activities',
      op: 'set',
      error: 'conflict',
      times: Infinity,
    });
    emulator.resetCounts();
    await expect(notices.signUp(request())).rejects.toBeInstanceOf(Unavailable);
    expect(emulator.counts().transactions.started).toBe(MANY_RACERS.attempts);
    expect(emulator.dump('activity_signups')).toEqual([]);
  });
});

describe('notices.signUp under concurrency', () => {
  it('gives 100 residents arriving at once exactly the 10 places, the rest waitlisted in order', async () => {
    const { emulator, notices, doc } = setup();
    await notices.save(notice({ activities: [activity({ capacity: 10 })] }));
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) => notices.signUp(by(i, { capacity: 10 }))),
    );
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.kind === 'created')).toBe(true);
    const signed = outcomes.filter((o) => o.signUp.status === 'signed').map((o) => o.signUp.id);
    expect(signed).toHaveLength(10);

    const tally = doc('notice_activities', 'a1')!;
    expect(tally).toMatchObject({ signed: 10, made: 100 });
    const waitlisted = outcomes.filter((o) => o.signUp.status === 'waitlisted');
    expect([...(tally.waitlist as string[])].sort()).toEqual(
      waitlisted.map((o) => o.signUp.id).sort(),
    );
    // What was committed agrees with the tally: 10 signed documents, numbered 1–100.
    const stored = emulator.dump('activity_signups');
    expect(stored).toHaveLength(100);
    expect(
      stored
        .filter((s) => s.status === 'signed')
        .map((s) => s._id)
        .sort(),
    ).toEqual([...signed].sort());
    expect(stored.map((s) => Number(s.seq)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    // The waitlist is in commit order, which is the seq order.
    const seqOf = new Map(stored.map((s) => [s._id, Number(s.seq)]));
    const order = (tally.waitlist as string[]).map((id) => seqOf.get(id)!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('makes one sign-up of one request sent 20 times at once', async () => {
    const { emulator, notices, doc } = setup();
    await notices.save(notice());
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => notices.signUp(request())));
    expect(new Set(outcomes.map((o) => o.signUp.id)).size).toBe(1);
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
    expect(emulator.dump('activity_signups')).toHaveLength(1);
    expect(doc('notice_activities', 'a1')).toMatchObject({ signed: 1, made: 1 });
  });

  it('keeps every place filled when cancellations and new sign-ups race', async () => {
    const { emulator, notices, doc } = setup();
    await notices.save(notice({ activities: [activity({ capacity: 4 })] }));
    const made: SignUpRecord[] = [];
    for (let i = 0; i < 8; i += 1) made.push((await notices.signUp(by(i, { capacity: 4 }))).signUp);
    expect(made.map((s) => s.status)).toEqual([
      ...Array(4).fill('signed'),
      ...Array(4).fill('waitlisted'),
    ]);
    emulator.resetCounts();
    const results = await Promise.all([
      ...[0, 1, 2, 3].map((i) => notices.cancelSignUp('a1', `wx:o-${i}`, NOW)),
      ...[8, 9, 10].map((i) => notices.signUp(by(i, { capacity: 4 }))),
    ]);
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    // Each cancellation handed its place on: the four who waited.
    const promoted = results.slice(0, 4).map((r) => (r as { promoted: SignUpRecord }).promoted.id);
    expect(promoted.sort()).toEqual(
      made
        .slice(4)
        .map((s) => s.id)
        .sort(),
    );
    const stored = emulator.dump('activity_signups');
    expect(
      stored
        .filter((s) => s.status === 'signed')
        .map((s) => s._id)
        .sort(),
    ).toEqual(promoted);
    expect(doc('notice_activities', 'a1')).toMatchObject({ signed: 4, made: 11 });
    expect(doc('notice_activities', 'a1')!.waitlist).toHaveLength(3);
  });
});

// --- cancel, fill, check-in, attendance ---

describe('notices.cancelSignUp', () => {
  it(`costs ${CANCEL_SIGN_UP_OPERATIONS.none} read with nothing to cancel, ${CANCEL_SIGN_UP_OPERATIONS.cancelled} to cancel, ${CANCEL_SIGN_UP_OPERATIONS.promoted} with a promotion`, async () => {
    const { notices, cost, doc } = setup();
    expect(await cost(() => notices.cancelSignUp('a1', 'wx:o-1', NOW))).toMatchObject({
      result: null,
      ops: CANCEL_SIGN_UP_OPERATIONS.none,
    });
    await notices.save(notice({ activities: [activity({ capacity: 1 })] }));
    const a = (await notices.signUp(by(1, { capacity: 1 }))).signUp;
    const b = (await notices.signUp(by(2, { capacity: 1 }))).signUp;
    const c = (await notices.signUp(by(3, { capacity: 1 }))).signUp;
    expect(await cost(() => notices.cancelSignUp('a1', 'wx:o-9', NOW))).toMatchObject({
      result: null,
      ops: CANCEL_SIGN_UP_OPERATIONS.none,
    });
    expect(await cost(() => notices.cancelSignUp('a1', 'wx:o-1', NOW))).toMatchObject({
      result: {
        cancelled: { id: a.id, status: 'cancelled' },
        promoted: { id: b.id, status: 'signed', waitlistedAt: null, promotedAt: NOW_ISO },
      },
      ops: CANCEL_SIGN_UP_OPERATIONS.promoted,
      outside: 0,
      transactions: 1,
    });
    expect(await cost(() => notices.cancelSignUp('a1', 'wx:o-3', NOW))).toMatchObject({
      result: { cancelled: { id: c.id }, promoted: null },
      ops: CANCEL_SIGN_UP_OPERATIONS.cancelled,
    });
    // Every request is still known, so a retried one finds its (cancelled) sign-up; the holders
    // are the live sign-ups only.
    expect(doc('notice_activities', 'a1')).toMatchObject({
      signed: 1,
      waitlist: [],
      made: 3,
      requests: { 'wx:o-1|req-1': a.id, 'wx:o-2|req-2': b.id, 'wx:o-3|req-3': c.id },
    });
    expect(doc('notice_activities', 'a1')?.holders).toEqual({ 'wx:o-2': b.id });
  });

  it('leaving the waitlist frees no place and promotes nobody', async () => {
    const { notices } = setup();
    await notices.save(notice());
    for (const n of [1, 2]) await notices.signUp(by(n));
    const c = (await notices.signUp(by(3))).signUp;
    const d = (await notices.signUp(by(4))).signUp;
    expect(await notices.cancelSignUp('a1', 'wx:o-3', NOW)).toMatchObject({
      cancelled: { status: 'cancelled' },
      promoted: null,
    });
    expect(await notices.waitlistPosition(c)).toBe(0);
    expect(await notices.waitlistPosition(d)).toBe(1);
    expect(await notices.counts(['a1'])).toEqual([
      { activityId: 'a1', signed: 2, waitlisted: 1, attended: 0 },
    ]);
  });

  it('a cancelled sign-up no longer counts as attended', async () => {
    const { notices } = setup();
    await notices.save(notice());
    await notices.signUp(request());
    await notices.checkIn({ ...request({ requestId: 'check-in:a1' }), by: 'self' });
    expect((await notices.counts(['a1']))[0]).toMatchObject({ signed: 1, attended: 1 });
    await notices.cancelSignUp('a1', 'wx:o-1', LATER);
    expect((await notices.counts(['a1']))[0]).toMatchObject({ signed: 0, attended: 0 });
  });

  it("fills every place the activity's grown capacity left, returning the first promoted", async () => {
    const { notices } = setup();
    await notices.save(notice());
    for (const n of [1, 2, 3, 4, 5]) await notices.signUp(by(n));
    const grown = notice({ activities: [activity({ capacity: 4 })] });
    await notices.save(grown);
    const result = await notices.cancelSignUp('a1', 'wx:o-1', NOW);
    expect(result?.promoted).toMatchObject({ userId: 'wx:o-3', status: 'signed' });
    expect((await notices.signUpOf('a1', 'wx:o-4'))?.status).toBe('signed');
    expect((await notices.signUpOf('a1', 'wx:o-5'))?.status).toBe('signed');
    expect(await notices.counts(['a1'])).toEqual([
      { activityId: 'a1', signed: 4, waitlisted: 0, attended: 0 },
    ]);
  });

  it('fails loudly, committing nothing, when the waitlist points at a sign-up not waiting', async () => {
    const { emulator, notices, seed } = setup();
    await seed('activity_signups', 's1', signUpDoc());
    await seed('activity_signups', 's3', signUpDoc({ userId: 'wx:o-3', status: 'cancelled' }, 2));
    await seed(
      'notice_activities',
      'a1',
      activityDoc({ signed: 1, made: 2, waitlist: ['s3'], holders: { 'wx:o-1': 's1' } }),
    );
    const before = [emulator.dump('notice_activities'), emulator.dump('activity_signups')];
    await expect(notices.cancelSignUp('a1', 'wx:o-1', NOW)).rejects.toThrow('waitlist s3');
    expect([emulator.dump('notice_activities'), emulator.dump('activity_signups')]).toEqual(before);
  });
});

describe('notices.fillPlaces', () => {
  it('promotes in line order while places are free, writing the activity once', async () => {
    const { notices, cost } = setup();
    await notices.save(notice());
    for (const n of [1, 2, 3, 4, 5]) await notices.signUp(by(n));
    const filled = await cost(() => notices.fillPlaces('a1', 4, NOW));
    expect(filled.result.map((s) => [s.userId, s.status, s.promotedAt])).toEqual([
      ['wx:o-3', 'signed', NOW_ISO],
      ['wx:o-4', 'signed', NOW_ISO],
    ]);
    // get the activity, get and update each promoted sign-up, set the activity.
    expect(filled).toMatchObject({ ops: 6, writes: 3, transactions: 1 });
    expect(await cost(() => notices.fillPlaces('a1', 4, NOW))).toMatchObject({
      result: [],
      ops: 1,
      writes: 0,
    });
    expect(await cost(() => notices.fillPlaces('gone', 9, NOW))).toMatchObject({
      result: [],
      writes: 0,
    });
  });
});

describe('notices.checkIn', () => {
  const checkIn = (fields: Partial<SignUpRequest> & { by?: 'self' | 'staff' } = {}) => ({
    ...request({ requestId: 'check-in:a1', ...fields }),
    by: fields.by ?? ('self' as const),
  });

  it('marks a signed resident attended in 4 operations; again is already, writing nothing', async () => {
    const { notices, cost, doc } = setup();
    await notices.save(notice());
    const { signUp } = await notices.signUp(request());
    const checked = await cost(() => notices.checkIn(checkIn()));
    expect(checked).toMatchObject({
      result: {
        kind: 'checked-in',
        signUp: { id: signUp.id, attendedAt: NOW_ISO, checkIn: 'self' },
      },
      // get the activity, get the sign-up, update it, set the activity.
      ops: 4,
      transactions: 1,
    });
    expect(doc('notice_activities', 'a1')).toMatchObject({ signed: 1, attended: 1 });
    expect(await cost(() => notices.checkIn(checkIn()))).toMatchObject({
      result: { kind: 'already', signUp: { id: signUp.id } },
      writes: 0,
    });
  });

  it('seats a waitlisted resident who comes only while a place is free', async () => {
    const { notices } = setup();
    await notices.save(notice({ activities: [activity({ capacity: 1 })] }));
    await notices.signUp(by(2, { capacity: 1 }));
    const { signUp } = await notices.signUp(request({ capacity: 1 }));
    expect(await notices.checkIn(checkIn({ capacity: 1 }))).toEqual({ kind: 'full' });
    expect(await notices.checkIn(checkIn({ capacity: 2 }))).toEqual({
      kind: 'checked-in',
      signUp: {
        ...signUp,
        status: 'signed',
        waitlistedAt: null,
        promotedAt: NOW_ISO,
        attendedAt: NOW_ISO,
        checkIn: 'self',
      },
    });
    expect(await notices.counts(['a1'])).toEqual([
      { activityId: 'a1', signed: 2, waitlisted: 0, attended: 1 },
    ]);
  });

  it('a resident who cancelled checks in with a fresh request id', async () => {
    const { notices } = setup();
    await notices.save(notice());
    const first = await notices.checkIn(checkIn());
    expect(first).toMatchObject({ kind: 'checked-in', signUp: { requestId: 'check-in:a1' } });
    await notices.cancelSignUp('a1', 'wx:o-1', NOW);
    const again = await notices.checkIn(checkIn({ now: LATER }));
    expect(again).toMatchObject({
      kind: 'checked-in',
      signUp: { requestId: `check-in:a1:${LATER.toISOString()}`, status: 'signed' },
    });
  });
});

describe('notices.setAttended', () => {
  it('marks attendance by staff as UTC and counts it on the activity, in 4 operations', async () => {
    const { notices, cost } = setup();
    await notices.save(notice());
    const { signUp } = await notices.signUp(request());
    expect(
      await cost(() => notices.setAttended(signUp.id, '2026-12-02T18:40:00+08:00')),
    ).toMatchObject({
      result: { ...signUp, attendedAt: '2026-12-02T10:40:00.000Z', checkIn: 'staff' },
      // get the sign-up, get and update the activity, update the sign-up.
      ops: 4,
      writes: 2,
    });
    expect((await notices.counts(['a1']))[0]?.attended).toBe(1);
  });

  it('clears attendance and its kind; re-marking a self check-in keeps it self, in 2 operations', async () => {
    const { notices, cost } = setup();
    await notices.save(notice());
    const checked = await notices.checkIn({ ...request(), by: 'self' });
    const id = checked.kind === 'checked-in' ? checked.signUp.id : '';
    await notices.setAttended(id, EARLIER);
    expect(await cost(() => notices.setAttended(id, NOW_ISO))).toMatchObject({
      result: { attendedAt: NOW_ISO, checkIn: 'self' },
      ops: 2,
    });
    expect(await notices.setAttended(id, null)).toMatchObject({ attendedAt: null, checkIn: null });
    expect((await notices.counts(['a1']))[0]?.attended).toBe(0);
  });
});

// --- notices: save and pin ---

describe('notices.save', () => {
  it('stores the notice with its activities embedded, and each activity with an empty sign-up tally', async () => {
    const { notices, cost, doc } = setup();
    expect(await cost(() => notices.save(notice()))).toMatchObject({
      // get the notice, set each activity, set the notice.
      ops: 4,
      outside: 0,
      transactions: 1,
    });
    const { id: _id, activities: _a, ...fields } = notice();
    expect(doc('notices', 'n1')).toEqual({
      _id: 'n1',
      ...fields,
      listedAt: EARLIER,
      activities: [
        { id: 'a1', ...activityFields() },
        { id: 'a2', ...activityFields({ capacity: null, sort: 1 }) },
      ],
    });
    expect(doc('notice_activities', 'a2')).toEqual({
      _id: 'a2',
      noticeId: 'n1',
      community: 'c1',
      ...activityFields({ capacity: null, sort: 1 }),
      ...EMPTY_SIGN_UP_TALLY,
    });
    // A draft lists by its update time.
    await notices.save(
      notice({ id: 'n2', status: 'draft', publishedAt: null, updatedAt: NOW_ISO, activities: [] }),
    );
    expect(doc('notices', 'n2')).toMatchObject({ listedAt: NOW_ISO, publishedAt: null });
  });

  it('an edit keeps what the first save set and each kept tally; a dropped activity and its sign-ups are removed', async () => {
    const { notices, cost, doc } = setup();
    await notices.save(notice());
    const dropped = (await notices.signUp(request())).signUp;
    await notices.cancelSignUp('a1', 'wx:o-1', NOW);
    await notices.signUp(request({ activityId: 'a2', capacity: null }));
    const edited = notice({
      // Community, author and creation time stay those of the first save.
      community: 'c9',
      createdBy: 'wx:o-other',
      createdAt: NOW_ISO,
      title: '改过的标题',
      updatedAt: NOW_ISO,
      editedAt: NOW_ISO,
      activities: [
        activity({ id: 'a2', capacity: 5, sort: 0, name: '改名', code: 'NEWCODE' }),
        activity({ id: 'a3', sort: 1 }),
      ],
    });
    // get the notice and the dropped activity; overwrite its sign-up and it; update the kept
    // activity, set the new one and the notice.
    expect(await cost(() => notices.save(edited))).toMatchObject({ ops: 7, writes: 5 });
    expect(await notices.get('n1')).toEqual(
      notice({
        title: '改过的标题',
        updatedAt: NOW_ISO,
        editedAt: NOW_ISO,
        activities: [
          // The check-in code is kept.
          activity({ id: 'a2', capacity: 5, sort: 0, name: '改名' }),
          activity({ id: 'a3', sort: 1 }),
        ],
      }),
    );
    expect(doc('notice_activities', 'a1')).toEqual({ _id: 'a1', removed: true });
    expect(doc('activity_signups', dropped.id)).toEqual({ _id: dropped.id, removed: true });
    expect(await notices.getActivity('a1')).toBeNull();
    expect(await notices.getSignUp(dropped.id)).toBeNull();
    expect(await notices.setAttended(dropped.id, NOW_ISO)).toBeNull();
    expect(await notices.signUpsOfUser('wx:o-1')).toHaveLength(1);
    // The kept activity's sign-up tally is the sign-up transactions' own.
    expect(await notices.counts(['a2'])).toEqual([
      { activityId: 'a2', signed: 1, waitlisted: 0, attended: 0 },
    ]);
  });

  it('archiving the pinned notice releases the pin', async () => {
    const { notices, doc } = setup();
    await notices.save(notice({ activities: [] }));
    await notices.pin('c1', 'n1');
    await notices.save(notice({ status: 'archived', pinned: false, activities: [] }));
    expect(doc('notice_pins', 'c1')).toEqual({ _id: 'c1', community: 'c1', noticeId: null });
    expect((await notices.get('n1'))?.pinned).toBe(false);
  });

  it('a save keeps a pin it holds, takes a free one, and never takes another notice’s', async () => {
    const { notices, cost, doc } = setup();
    await notices.save(notice({ pinned: true, activities: [] }));
    expect(doc('notice_pins', 'c1')).toEqual({ _id: 'c1', community: 'c1', noticeId: 'n1' });
    // Unchanged: the pin document is not even read.
    expect(await cost(() => notices.save(notice({ pinned: true, activities: [] })))).toMatchObject({
      ops: 2,
    });
    await notices.save(notice({ id: 'n2', pinned: true, activities: [] }));
    expect((await notices.get('n2'))?.pinned).toBe(false);
    expect((await notices.get('n1'))?.pinned).toBe(true);
    expect(doc('notice_pins', 'c1')?.noticeId).toBe('n1');
  });

  it('fails loudly on a malformed stored notice, trying once', async () => {
    const { emulator, notices, seed } = setup();
    const { id: _id, activities: _a, ...fields } = notice();
    await seed('notices', 'n1', { ...fields, status: 'lost', activities: [] });
    emulator.resetCounts();
    await expect(notices.save(notice())).rejects.toThrow('notices/n1: bad or missing "status"');
    expect(emulator.counts().transactions).toMatchObject({ started: 1, committed: 0 });
    expect(emulator.dump('notice_activities')).toEqual([]);
  });
});

describe('notices.pin', () => {
  it('moves the pin in one transaction, and writes nothing when it stays where it is', async () => {
    const { notices, cost, doc } = setup();
    for (const id of ['n1', 'n2']) await notices.save(notice({ id, activities: [] }));
    // get the pin document (none yet) and the notice, update it, set the pin document.
    expect(await cost(() => notices.pin('c1', 'n1'))).toMatchObject({ ops: 4, writes: 2 });
    // The old notice loses the pin too.
    expect(await cost(() => notices.pin('c1', 'n2'))).toMatchObject({
      ops: 5,
      writes: 3,
      transactions: 1,
    });
    expect(doc('notices', 'n1')?.pinned).toBe(false);
    expect(doc('notices', 'n2')?.pinned).toBe(true);
    expect(doc('notice_pins', 'c1')).toEqual({ _id: 'c1', community: 'c1', noticeId: 'n2' });
    expect(await cost(() => notices.pin('c1', 'n2'))).toMatchObject({ writes: 0 });
  });

  it('a notice of another community (or none) is not pinned, but the pin is still released', async () => {
    const { notices, doc } = setup();
    await notices.save(notice({ activities: [] }));
    await notices.save(notice({ id: 'n9', community: 'c2', activities: [] }));
    for (const target of ['n9', 'gone']) {
      await notices.pin('c1', 'n1');
      await notices.pin('c1', target);
      expect(doc('notices', 'n1')?.pinned).toBe(false);
      expect(doc('notices', 'n9')?.pinned).toBe(false);
      expect(doc('notice_pins', 'c1')?.noticeId).toBeNull();
    }
  });

  it('two pins at once leave exactly one notice pinned', async () => {
    const { emulator, notices, doc } = setup();
    for (const id of ['n1', 'n2', 'n3']) await notices.save(notice({ id, activities: [] }));
    // Once with no pin yet (nothing else in common to conflict on), once with one to move.
    for (const start of [null, 'n1']) {
      if (start) await notices.pin('c1', start);
      await Promise.all([notices.pin('c1', 'n2'), notices.pin('c1', 'n3')]);
      const pinned = ['n1', 'n2', 'n3'].filter((id) => doc('notices', id)?.pinned === true);
      expect(pinned).toHaveLength(1);
      expect(doc('notice_pins', 'c1')?.noticeId).toBe(pinned[0]);
    }
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
  });
});

// --- reads ---

describe('notices reads', () => {
  it('fail loudly on a malformed notice or sign-up, naming the field', async () => {
    const { notices, seed } = setup();
    const { id: _id, ...fields } = notice({ activities: [] });
    await seed('notices', 'n2', { ...fields, pinned: 'yes' });
    await expect(notices.get('n2')).rejects.toThrow('notices/n2: bad or missing "pinned"');
    await seed('notices', 'n3', { ...fields, activities: [{ ...activityFields() }] });
    await expect(notices.get('n3')).rejects.toThrow(
      'notices/n3 activities[0]: bad or missing "id"',
    );
    await seed('activity_signups', 's4', signUpDoc({ checkIn: 'door' as 'self' }));
    await expect(notices.getSignUp('s4')).rejects.toThrow(
      'activity_signups/s4: bad or missing "checkIn"',
    );
  });

  it('counts read each activity once, one read each, reporting those that ever had a sign-up', async () => {
    const { notices, cost } = setup();
    await notices.save(notice());
    await notices.signUp(request());
    expect(await cost(() => notices.counts(['a2', 'a3', 'a1', 'a2', 'gone']))).toMatchObject({
      result: [{ activityId: 'a1', signed: 1, waitlisted: 0, attended: 0 }],
      ops: 4,
    });
    expect(await cost(() => notices.counts([]))).toMatchObject({ result: [], ops: 0 });
    expect(await cost(() => notices.getActivity('a1'))).toMatchObject({
      result: activity(),
      ops: 1,
    });
  });

  it('lists sign-ups in arrival order, and a resident’s newest first, past the 100-per-read cap', async () => {
    const { notices, cost } = setup();
    await notices.save(notice());
    const made: string[] = [];
    for (let i = 0; i < PAGE_SIZE + 2; i += 1) {
      made.push((await notices.signUp(by(i, { activityId: 'a2', capacity: null }))).signUp.id);
    }
    const all = await cost(() => notices.signUpsOf('a2'));
    expect(all.result.map((s) => s.id)).toEqual(made);
    expect(all.ops).toBe(2);
    const mine = (await notices.signUp(request({ now: LATER }))).signUp;
    expect((await notices.signUpsOfUser('wx:o-1')).map((s) => s.id)).toEqual([mine.id, made[1]]);
  });
});

describe('notices.list', () => {
  /** n0 and n1 this week, n2… older, and "old" pinned from long ago. */
  async function listed(notices: ReturnType<typeof setup>['notices'], older: number) {
    await notices.save(notice({ id: 'old', week: '2026-01-05', activities: [] }));
    await notices.pin('c1', 'old');
    for (const id of ['n0', 'n1']) await notices.save(notice({ id, activities: [] }));
    for (let i = 2; i < older + 2; i += 1) {
      await notices.save(notice({ id: `n${i}`, week: '2026-11-16', activities: [] }));
    }
  }

  it('leaves a pinned notice older than fromWeek out, and stops reading at the first older week', async () => {
    const { notices, cost } = setup();
    await listed(notices, PAGE_SIZE + 20);
    const found = await cost(() =>
      notices.list('c1', { statuses: ['published'], fromWeek: '2026-11-30' }),
    );
    // Same week and time: _id breaks the tie, newest-first like the query.
    expect(found.result.map((n) => n.id)).toEqual(['n1', 'n0']);
    expect(found.ops).toBe(1);
  });

  it('reads no further than the limit, and nothing for no status', async () => {
    const { notices, cost } = setup();
    await listed(notices, PAGE_SIZE + 20);
    const three = await cost(() => notices.list('c1', { statuses: ['published'], limit: 3 }));
    expect(three.result.map((n) => n.id)).toEqual(['old', 'n1', 'n0']);
    expect(three.ops).toBe(1);
    expect(await cost(() => notices.list('c1', { statuses: [] }))).toMatchObject({
      result: [],
      ops: 0,
    });
  });

  it('merges one query per status in list order, then applies the limit', async () => {
    const { notices } = setup();
    await notices.save(notice({ id: 'n1', week: '2026-11-23', activities: [] }));
    await notices.pin('c1', 'n1');
    await notices.save(notice({ id: 'n2', activities: [] }));
    const draft = { status: 'draft' as const, publishedAt: null, updatedAt: NOW_ISO };
    await notices.save(notice({ id: 'n3', ...draft, activities: [] }));
    const ids = async (limit?: number) =>
      (await notices.list('c1', { statuses: ['draft', 'published'], limit })).map((n) => n.id);
    // n1 pinned first; then week 2026-11-30, where the draft's update is newer than n2's publishing.
    expect(await ids()).toEqual(['n1', 'n3', 'n2']);
    expect(await ids(2)).toEqual(['n1', 'n3']);
  });
});

describe('collectionPrefix', () => {
  it('prefixes the notice collections, inside transactions too', async () => {
    // Only the prefixed collections exist: any unprefixed name would fail as missing.
    const { emulator, notices } = setup('contract_');
    await notices.save(notice());
    const { signUp } = await notices.signUp(request());
    await notices.pin('c1', 'n1');
    expect((await notices.get('n1'))?.pinned).toBe(true);
    expect(await notices.getActivity('a1')).toEqual(activity());
    expect(await notices.signUpsOf('a1')).toEqual([signUp]);
    expect(await notices.list('c1', { statuses: ['published'] })).toHaveLength(1);
    const used = new Set(emulator.log().map((op) => op.collection));
    expect([...used].sort()).toEqual([
      'contract_activity_signups',
      'contract_community_dates',
      'contract_notice_activities',
      'contract_notice_pins',
      'contract_notices',
    ]);
  });
});
