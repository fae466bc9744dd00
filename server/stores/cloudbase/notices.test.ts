/**
 * The CloudBase NoticeRepo against wx-server-sdk mocked at its edge: every document read is
 * canned, every call recorded, as in bookings.test.ts. What is checked is what the adapter asks
 * the database to do and how many operations that costs; the shared contract suite checks
 * behaviour against a real environment.
 *
 * The races (many sign-ups for the last places, two pins at once) need transactions that can
 * conflict, which the recorder does not model: for those, `snapshotTransactions` (in
 * mock-transactions.ts) stands in for CloudBase's transactions only (snapshot reads, buffered
 * writes, a commit that fails when a document it writes was committed by someone else meanwhile).
 */
import type { ActivityRecord, NoticeRecord, SignUpRecord, SignUpRequest } from '../../core/ports';
import {
  CANCEL_SIGN_UP_OPERATIONS,
  createCloudBaseStore,
  PAGE_SIZE,
  SIGN_UP_MAX_OPERATIONS,
  SIGN_UP_OPERATIONS,
} from './index';
import { notFoundError } from './mock-sdk';
import { seededJitter, snapshotTransactions } from './mock-transactions';
import { REMOVED } from './notices';
import type { DocData } from './sdk';
import { instantRetries, mock, noWrites, patched, useMockDb, written } from './test-support';
import { MANY_RACERS } from './transaction';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const NOW_ISO = '2026-12-01T10:00:00.000Z';
const EARLIER = '2026-11-30T02:00:00.000Z';

useMockDb();
const notices = () => createCloudBaseStore(mock.db).notices;

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

/** The activity's own fields as save() writes them. */
const activityFields = (fields: Partial<ActivityRecord> = {}): DocData => {
  const { id: _id, noticeId: _n, community: _c, ...rest } = activity(fields);
  return rest;
};

const EMPTY_ROSTER = { signed: 0, waitlist: [], attended: 0, made: 0, requests: {}, holders: {} };

/** A stored activity document: fields plus roster. */
const activityDoc = (roster: DocData = {}, fields: Partial<ActivityRecord> = {}): DocData => ({
  noticeId: 'n1',
  community: 'c1',
  ...activityFields(fields),
  ...EMPTY_ROSTER,
  ...roster,
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

/** A stored notice document: activities embedded without noticeId and community. */
const noticeDoc = (fields: Partial<NoticeRecord> = {}): DocData => {
  const { id: _id, activities, ...rest } = notice(fields);
  return {
    ...rest,
    listedAt: rest.publishedAt ?? rest.updatedAt,
    activities: activities.map(({ noticeId: _n, community: _c, ...a }) => a),
  };
};

const signUp = (fields: Partial<SignUpRecord> = {}): SignUpRecord => ({
  id: 's1',
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
});

const signUpDoc = (fields: Partial<SignUpRecord> = {}, seq = 1): DocData => {
  const { id: _id, ...rest } = signUp(fields);
  return { ...rest, seq };
};

const request = (fields: Partial<SignUpRequest> = {}): SignUpRequest => ({
  activityId: 'a1',
  community: 'c1',
  userId: 'wx:o-1',
  name: '',
  requestId: 'req-aaaaaaaa',
  capacity: 2,
  now: NOW,
  ...fields,
});

const cannedActivity = (roster: DocData = {}, fields: Partial<ActivityRecord> = {}) =>
  mock
    .txDoc('notice_activities', fields.id ?? 'a1')
    .get.mockResolvedValueOnce({ data: activityDoc(roster, fields) });
const cannedSignUp = (fields: Partial<SignUpRecord> = {}) =>
  mock
    .txDoc('activity_signups', fields.id ?? 's1')
    .get.mockResolvedValueOnce({ data: signUpDoc(fields) });

// --- sign-up ---

describe('notices.signUp', () => {
  it(`signs up in one transaction of ${SIGN_UP_MAX_OPERATIONS} operations on the activity`, async () => {
    cannedActivity();
    const outcome = await notices().signUp(request());
    expect(outcome.kind).toBe('created');
    const { signUp: made } = outcome;
    expect(made).toEqual(signUp({ id: made.id, createdAt: NOW_ISO }));
    expect(made.id).toMatch(/^[A-Za-z0-9_-]{12}$/);

    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txOps()).toEqual([
      'get notice_activities/a1',
      'set notice_activities/a1',
      `set activity_signups/${made.id}`,
    ]);
    expect(SIGN_UP_OPERATIONS.created).toBe(3);
    // Nothing outside the transaction.
    expect(mock.collections).toEqual([]);

    expect(written('notice_activities', 'a1')).toEqual(
      activityDoc({
        signed: 1,
        made: 1,
        requests: { 'wx:o-1|req-aaaaaaaa': made.id },
        holders: { 'wx:o-1': made.id },
      }),
    );
    // Every record field but the id, which is the _id, and its number in arrival order.
    expect(written('activity_signups', made.id)).toEqual(signUpDoc({ createdAt: NOW_ISO }, 1));
  });

  it('takes the last place, keeping the other entries, then waitlists', async () => {
    const others = {
      requests: { 'wx:o-2|req-bbbbbbbb': 's2' },
      holders: { 'wx:o-2': 's2' },
    };
    cannedActivity({ signed: 1, made: 1, ...others });
    const first = await notices().signUp(request());
    expect(first.signUp.status).toBe('signed');
    expect(written('notice_activities', 'a1')).toEqual(
      activityDoc({
        signed: 2,
        made: 2,
        requests: { ...others.requests, 'wx:o-1|req-aaaaaaaa': first.signUp.id },
        holders: { ...others.holders, 'wx:o-1': first.signUp.id },
      }),
    );
    expect(written('activity_signups', first.signUp.id)).toMatchObject({ seq: 2 });

    cannedActivity({ signed: 2, made: 3, waitlist: ['s3'] });
    const second = await notices().signUp(request({ userId: 'wx:o-4', requestId: 'req-4' }));
    expect(second.signUp).toEqual(
      signUp({
        id: second.signUp.id,
        userId: 'wx:o-4',
        requestId: 'req-4',
        status: 'waitlisted',
        createdAt: NOW_ISO,
        waitlistedAt: NOW_ISO,
      }),
    );
    // Places stay at 2: the new sign-up is second in line.
    expect(written('notice_activities', 'a1')).toMatchObject({
      signed: 2,
      made: 4,
      waitlist: ['s3', second.signUp.id],
      holders: { 'wx:o-4': second.signUp.id },
    });
  });

  it('never signs more than the capacity asked for, even after it was lowered', async () => {
    cannedActivity({ signed: 3, made: 3 });
    const { signUp: made } = await notices().signUp(request({ capacity: 2 }));
    expect(made.status).toBe('waitlisted');
    expect(written('notice_activities', 'a1')).toMatchObject({ signed: 3, waitlist: [made.id] });
  });

  it('an unlimited activity (capacity null) always has a place', async () => {
    cannedActivity({ signed: 480, made: 480 }, { capacity: null });
    const { signUp: made } = await notices().signUp(request({ capacity: null }));
    expect(made.status).toBe('signed');
    expect(written('notice_activities', 'a1')).toMatchObject({ signed: 481, waitlist: [] });
  });

  it(`returns a retried request's sign-up in ${SIGN_UP_OPERATIONS.existing} operations, whatever its status`, async () => {
    cannedActivity({ signed: 2, made: 2, requests: { 'wx:o-1|req-aaaaaaaa': 's1' } });
    cannedSignUp({ status: 'cancelled' });
    expect(await notices().signUp(request())).toEqual({
      kind: 'existing',
      signUp: signUp({ status: 'cancelled' }),
    });
    expect(mock.txOps()).toEqual(['get notice_activities/a1', 'get activity_signups/s1']);
    expect(SIGN_UP_OPERATIONS.existing).toBe(2);
  });

  it("returns the resident's live sign-up for a new request id, writing nothing", async () => {
    cannedActivity({ signed: 2, made: 3, waitlist: ['s1'], holders: { 'wx:o-1': 's1' } });
    cannedSignUp({ status: 'waitlisted', waitlistedAt: EARLIER });
    expect(await notices().signUp(request({ requestId: 'req-other-123' }))).toEqual({
      kind: 'existing',
      signUp: signUp({ status: 'waitlisted', waitlistedAt: EARLIER }),
    });
    noWrites();
  });

  it('a sign-up without a user has no holder entry and an empty user part', async () => {
    cannedActivity({ signed: 1, made: 1, requests: { '|wx:o-staff:r1': 's0' } });
    const { signUp: made } = await notices().signUp(
      request({ userId: null, name: '李大爷', requestId: 'wx:o-staff:r2' }),
    );
    expect(written('notice_activities', 'a1')).toMatchObject({
      requests: { '|wx:o-staff:r1': 's0', '|wx:o-staff:r2': made.id },
      holders: {},
    });
  });

  it('encodes ids CloudBase field names cannot hold', async () => {
    cannedActivity();
    const { signUp: made } = await notices().signUp(request({ userId: 'u.1', requestId: 'r$1' }));
    expect(written('notice_activities', 'a1')).toMatchObject({
      requests: { 'u%2E1|r%241': made.id },
      holders: { 'u%2E1': made.id },
    });
  });

  it('runs the whole transaction again after a conflict', async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValueOnce(new Error('database transaction conflict'));
    cannedActivity({ signed: 1, made: 1 });
    expect(await notices().signUp(request())).toMatchObject({
      kind: 'created',
      signUp: { status: 'signed' },
    });
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
  });

  it('refuses, without retrying, an activity that does not exist or was dropped', async () => {
    await expect(notices().signUp(request())).rejects.toThrow('No activity a1');
    mock.txDoc('notice_activities', 'a1').get.mockResolvedValueOnce({ data: REMOVED });
    await expect(notices().signUp(request())).rejects.toThrow('No activity a1');
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
    noWrites();
  });

  it('does not retry a malformed activity document, and names the field', async () => {
    cannedActivity({ signed: 'two' });
    await expect(notices().signUp(request())).rejects.toThrow(
      'notice_activities/a1: bad or missing "signed"',
    );
    cannedActivity({ holders: { 'wx:o-1': 5 } });
    await expect(notices().signUp(request())).rejects.toThrow('"holders.wx:o-1"');
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
    noWrites();
  });

  it('fails loudly when a map entry points at a missing sign-up', async () => {
    cannedActivity({ made: 1, requests: { 'wx:o-1|req-aaaaaaaa': 'gone' } });
    await expect(notices().signUp(request())).rejects.toThrow('sign-up gone');
    noWrites();
  });
});

describe('notices.signUp under concurrency', () => {
  it('gives 100 residents arriving at once exactly the 10 places, the rest waitlisted in order', async () => {
    const db = snapshotTransactions();
    seededJitter(42);
    db.seed('notice_activities/a1', activityDoc({}, { capacity: 10 }));
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        notices().signUp(request({ userId: `wx:o-${i}`, requestId: `req-${i}`, capacity: 10 })),
      ),
    );
    expect(db.conflicts()).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.kind === 'created')).toBe(true);
    const signed = outcomes.filter((o) => o.signUp.status === 'signed');
    expect(signed).toHaveLength(10);

    const roster = db.doc('notice_activities/a1')!;
    expect(roster.signed).toBe(10);
    expect(roster.made).toBe(100);
    const waitlisted = outcomes.filter((o) => o.signUp.status === 'waitlisted');
    expect([...(roster.waitlist as string[])].sort()).toEqual(
      waitlisted.map((o) => o.signUp.id).sort(),
    );
    // What was committed agrees with the roster: 10 signed documents, numbered 1–100.
    const stored = db.docs('activity_signups');
    expect(stored).toHaveLength(100);
    expect(
      stored
        .filter((s) => s.status === 'signed')
        .map((s) => s.id)
        .sort(),
    ).toEqual(signed.map((o) => o.signUp.id).sort());
    expect(stored.map((s) => s.seq).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    // The waitlist is in commit order, which is the seq order.
    const seqOf = new Map(stored.map((s) => [s.id, Number(s.seq)]));
    const order = (roster.waitlist as string[]).map((id) => seqOf.get(id)!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('makes one sign-up of one request sent 20 times at once', async () => {
    const db = snapshotTransactions();
    seededJitter(42);
    db.seed('notice_activities/a1', activityDoc());
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => notices().signUp(request())),
    );
    expect(new Set(outcomes.map((o) => o.signUp.id)).size).toBe(1);
    expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(1);
    expect(db.docs('activity_signups')).toHaveLength(1);
    expect(db.doc('notice_activities/a1')).toMatchObject({ signed: 1, made: 1 });
  });

  it('keeps every place filled when cancellations and new sign-ups race', async () => {
    const db = snapshotTransactions();
    seededJitter(42);
    const holders: Record<string, string> = {};
    const requests: Record<string, string> = {};
    const waitlist: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const status = i < 4 ? 'signed' : 'waitlisted';
      const id = `s${i}`;
      holders[`wx:o-${i}`] = id;
      requests[`wx:o-${i}|req-${i}`] = id;
      if (status === 'waitlisted') waitlist.push(id);
      db.seed(
        `activity_signups/${id}`,
        signUpDoc({
          id,
          userId: `wx:o-${i}`,
          requestId: `req-${i}`,
          status,
          waitlistedAt: status === 'waitlisted' ? EARLIER : null,
        }),
      );
    }
    db.seed(
      'notice_activities/a1',
      activityDoc({ signed: 4, made: 8, waitlist, requests, holders }, { capacity: 4 }),
    );
    const results = await Promise.all([
      ...[0, 1, 2, 3].map((i) => notices().cancelSignUp('a1', `wx:o-${i}`, NOW)),
      ...[8, 9, 10].map((i) =>
        notices().signUp(request({ userId: `wx:o-${i}`, requestId: `req-${i}`, capacity: 4 })),
      ),
    ]);
    expect(db.conflicts()).toBeGreaterThan(0);
    // Each cancellation handed its place on: the four who waited, in order.
    const promoted = results.slice(0, 4).map((r) => (r as { promoted: SignUpRecord }).promoted.id);
    expect(promoted.sort()).toEqual(['s4', 's5', 's6', 's7']);
    const stored = db.docs('activity_signups');
    expect(
      stored
        .filter((s) => s.status === 'signed')
        .map((s) => s.id)
        .sort(),
    ).toEqual(promoted);
    expect(db.doc('notice_activities/a1')).toMatchObject({ signed: 4, made: 11 });
    expect(db.doc('notice_activities/a1')!.waitlist).toHaveLength(3);
  });
});

// --- cancel, fill, check-in, attendance ---

describe('notices.cancelSignUp', () => {
  it('returns null after one read when there is nothing to cancel', async () => {
    expect(await notices().cancelSignUp('a1', 'wx:o-1', NOW)).toBeNull();
    cannedActivity({ holders: { 'wx:o-2': 's2' } });
    expect(await notices().cancelSignUp('a1', 'wx:o-1', NOW)).toBeNull();
    expect(mock.txOps()).toEqual(['get notice_activities/a1', 'get notice_activities/a1']);
    expect(CANCEL_SIGN_UP_OPERATIONS.none).toBe(1);
  });

  it(`cancels and frees the place in ${CANCEL_SIGN_UP_OPERATIONS.cancelled} operations`, async () => {
    const requests = { 'wx:o-1|req-aaaaaaaa': 's1', 'wx:o-2|req-bbbbbbbb': 's2' };
    cannedActivity({ signed: 2, made: 2, requests, holders: { 'wx:o-1': 's1', 'wx:o-2': 's2' } });
    cannedSignUp();
    expect(await notices().cancelSignUp('a1', 'wx:o-1', NOW)).toEqual({
      cancelled: signUp({ status: 'cancelled' }),
      promoted: null,
    });
    expect(mock.txOps()).toEqual([
      'get notice_activities/a1',
      'get activity_signups/s1',
      'update activity_signups/s1',
      'set notice_activities/a1',
    ]);
    expect(patched('activity_signups', 's1')).toEqual({ status: 'cancelled' });
    // A retried request still finds its (cancelled) sign-up; the user can sign up again.
    expect(written('notice_activities', 'a1')).toEqual(
      activityDoc({ signed: 1, made: 2, requests, holders: { 'wx:o-2': 's2' } }),
    );
  });

  it(`gives the freed place to the first waitlisted in ${CANCEL_SIGN_UP_OPERATIONS.promoted} operations`, async () => {
    cannedActivity({
      signed: 2,
      made: 4,
      waitlist: ['s3', 's4'],
      holders: { 'wx:o-1': 's1', 'wx:o-3': 's3', 'wx:o-4': 's4' },
    });
    cannedSignUp();
    cannedSignUp({ id: 's3', userId: 'wx:o-3', status: 'waitlisted', waitlistedAt: EARLIER });
    const result = await notices().cancelSignUp('a1', 'wx:o-1', NOW);
    expect(result).toEqual({
      cancelled: signUp({ status: 'cancelled' }),
      promoted: signUp({ id: 's3', userId: 'wx:o-3', status: 'signed', promotedAt: NOW_ISO }),
    });
    expect(mock.txOps()).toEqual([
      'get notice_activities/a1',
      'get activity_signups/s1',
      'update activity_signups/s1',
      'get activity_signups/s3',
      'update activity_signups/s3',
      'set notice_activities/a1',
    ]);
    expect(patched('activity_signups', 's3')).toEqual({
      status: 'signed',
      waitlistedAt: null,
      promotedAt: NOW_ISO,
    });
    expect(written('notice_activities', 'a1')).toEqual(
      activityDoc({
        signed: 2,
        made: 4,
        waitlist: ['s4'],
        holders: { 'wx:o-3': 's3', 'wx:o-4': 's4' },
      }),
    );
  });

  it('leaving the waitlist frees no place and promotes nobody', async () => {
    cannedActivity({
      signed: 2,
      made: 4,
      waitlist: ['s3', 's1', 's4'],
      holders: { 'wx:o-1': 's1' },
    });
    cannedSignUp({ status: 'waitlisted', waitlistedAt: EARLIER });
    const result = await notices().cancelSignUp('a1', 'wx:o-1', NOW);
    expect(result).toMatchObject({ cancelled: { status: 'cancelled' }, promoted: null });
    expect(written('notice_activities', 'a1')).toMatchObject({
      signed: 2,
      waitlist: ['s3', 's4'],
      holders: {},
    });
    expect(mock.txOps()).toHaveLength(CANCEL_SIGN_UP_OPERATIONS.cancelled);
  });

  it("uses the activity's own capacity: a walk-in still holding the one place keeps the line waiting", async () => {
    cannedActivity(
      { signed: 2, made: 3, attended: 2, waitlist: ['s2'], holders: { 'wx:o-1': 's1' } },
      { capacity: 1 },
    );
    cannedSignUp({ attendedAt: EARLIER, checkIn: 'self' });
    const result = await notices().cancelSignUp('a1', 'wx:o-1', NOW);
    expect(result?.promoted).toBeNull();
    // The attended count follows: a cancelled sign-up is not counted.
    expect(written('notice_activities', 'a1')).toMatchObject({
      signed: 1,
      attended: 1,
      waitlist: ['s2'],
    });
  });

  it('fills every place a grown capacity left, returning the first promoted', async () => {
    cannedActivity(
      { signed: 2, made: 4, waitlist: ['s3', 's4'], holders: { 'wx:o-1': 's1' } },
      { capacity: 4 },
    );
    cannedSignUp();
    cannedSignUp({ id: 's3', status: 'waitlisted' });
    cannedSignUp({ id: 's4', status: 'waitlisted' });
    const result = await notices().cancelSignUp('a1', 'wx:o-1', NOW);
    expect(result?.promoted?.id).toBe('s3');
    expect(written('notice_activities', 'a1')).toMatchObject({ signed: 3, waitlist: [] });
    expect(patched('activity_signups', 's4')).toMatchObject({ status: 'signed' });
  });

  it('fails loudly, committing nothing, when the waitlist points at a sign-up not waiting', async () => {
    cannedActivity({ signed: 1, made: 2, waitlist: ['s3'], holders: { 'wx:o-1': 's1' } });
    cannedSignUp();
    cannedSignUp({ id: 's3', status: 'cancelled' });
    await expect(notices().cancelSignUp('a1', 'wx:o-1', NOW)).rejects.toThrow('waitlist s3');
    expect(mock.txDoc('notice_activities', 'a1').set).not.toHaveBeenCalled();
  });
});

describe('notices.fillPlaces', () => {
  it('promotes in line order while places are free, writing the activity once', async () => {
    cannedActivity({ signed: 2, made: 5, waitlist: ['s3', 's4', 's5'] });
    for (const id of ['s3', 's4'])
      cannedSignUp({ id, status: 'waitlisted', waitlistedAt: EARLIER });
    const promoted = await notices().fillPlaces('a1', 4, NOW);
    expect(promoted.map((s) => [s.id, s.status, s.promotedAt])).toEqual([
      ['s3', 'signed', NOW_ISO],
      ['s4', 'signed', NOW_ISO],
    ]);
    expect(mock.txOps()).toEqual([
      'get notice_activities/a1',
      'get activity_signups/s3',
      'update activity_signups/s3',
      'get activity_signups/s4',
      'update activity_signups/s4',
      'set notice_activities/a1',
    ]);
    expect(written('notice_activities', 'a1')).toMatchObject({ signed: 4, waitlist: ['s5'] });
  });

  it('promotes everyone for an unlimited capacity, and writes nothing with nobody to promote', async () => {
    cannedActivity({ signed: 2, made: 3, waitlist: ['s3'] });
    cannedSignUp({ id: 's3', status: 'waitlisted' });
    expect(await notices().fillPlaces('a1', null, NOW)).toHaveLength(1);
    mock.txDoc('notice_activities', 'a1').set.mockClear();
    cannedActivity({ signed: 2, made: 3, waitlist: ['s3'] });
    expect(await notices().fillPlaces('a1', 2, NOW)).toEqual([]);
    expect(await notices().fillPlaces('gone', 9, NOW)).toEqual([]);
    expect(mock.txDoc('notice_activities', 'a1').set).not.toHaveBeenCalled();
  });
});

describe('notices.checkIn', () => {
  const checkIn = (fields: Partial<SignUpRequest> & { by?: 'self' | 'staff' } = {}) =>
    notices().checkIn({
      ...request({ requestId: 'check-in:a1', ...fields }),
      by: 'self',
      ...fields,
    });

  it('marks a signed resident attended in 4 operations', async () => {
    cannedActivity({ signed: 1, made: 1, holders: { 'wx:o-1': 's1' } });
    cannedSignUp();
    expect(await checkIn()).toEqual({
      kind: 'checked-in',
      signUp: signUp({ attendedAt: NOW_ISO, checkIn: 'self' }),
    });
    expect(mock.txOps()).toEqual([
      'get notice_activities/a1',
      'get activity_signups/s1',
      'update activity_signups/s1',
      'set notice_activities/a1',
    ]);
    expect(patched('activity_signups', 's1')).toEqual({ attendedAt: NOW_ISO, checkIn: 'self' });
    expect(written('notice_activities', 'a1')).toMatchObject({ signed: 1, attended: 1 });
  });

  it('answers already for an attended sign-up, found by holder or by the request, writing nothing', async () => {
    cannedActivity({ signed: 1, made: 1, attended: 1, holders: { 'wx:o-1': 's1' } });
    cannedSignUp({ attendedAt: EARLIER, checkIn: 'self' });
    expect((await checkIn()).kind).toBe('already');
    cannedActivity({ signed: 1, made: 1, attended: 1, requests: { 'wx:o-1|check-in:a1': 's1' } });
    cannedSignUp({ attendedAt: EARLIER, checkIn: 'self', requestId: 'check-in:a1' });
    expect(await checkIn()).toMatchObject({ kind: 'already', signUp: { id: 's1' } });
    noWrites();
  });

  it('seats a waitlisted resident who comes only while a place is free', async () => {
    const roster = { signed: 1, made: 2, waitlist: ['s1'], holders: { 'wx:o-1': 's1' } };
    cannedActivity(roster);
    cannedSignUp({ status: 'waitlisted', waitlistedAt: EARLIER });
    expect(await checkIn({ capacity: 1 })).toEqual({ kind: 'full' });
    noWrites();

    cannedActivity(roster);
    cannedSignUp({ status: 'waitlisted', waitlistedAt: EARLIER });
    expect(await checkIn({ capacity: 2 })).toEqual({
      kind: 'checked-in',
      signUp: signUp({ promotedAt: NOW_ISO, attendedAt: NOW_ISO, checkIn: 'self' }),
    });
    expect(patched('activity_signups', 's1')).toEqual({
      status: 'signed',
      waitlistedAt: null,
      promotedAt: NOW_ISO,
      attendedAt: NOW_ISO,
      checkIn: 'self',
    });
    expect(written('notice_activities', 'a1')).toMatchObject({
      signed: 2,
      attended: 1,
      waitlist: [],
    });
  });

  it('signs up and checks in a newcomer while a place is free, else full', async () => {
    cannedActivity({ signed: 2, made: 2 });
    expect(await checkIn()).toEqual({ kind: 'full' });
    noWrites();
    cannedActivity({ signed: 1, made: 1 });
    const outcome = await checkIn();
    if (outcome.kind !== 'checked-in') throw new Error(outcome.kind);
    expect(outcome.signUp).toEqual(
      signUp({
        id: outcome.signUp.id,
        requestId: 'check-in:a1',
        createdAt: NOW_ISO,
        attendedAt: NOW_ISO,
        checkIn: 'self',
      }),
    );
    expect(written('notice_activities', 'a1')).toMatchObject({
      signed: 2,
      attended: 1,
      made: 2,
      requests: { 'wx:o-1|check-in:a1': outcome.signUp.id },
    });
    expect(written('activity_signups', outcome.signUp.id)).toMatchObject({ seq: 2 });
  });

  it('staff check a walk-in in whatever the places, without a holder entry', async () => {
    cannedActivity({ signed: 2, made: 2 });
    const outcome = await checkIn({
      userId: null,
      name: '李大爷',
      requestId: 'wx:o-staff:w-1',
      capacity: null,
      by: 'staff',
    });
    expect(outcome).toMatchObject({
      kind: 'checked-in',
      signUp: { userId: null, name: '李大爷', status: 'signed', checkIn: 'staff' },
    });
    expect(written('notice_activities', 'a1')).toMatchObject({
      signed: 3,
      attended: 1,
      holders: {},
      requests: { '|wx:o-staff:w-1': expect.any(String) },
    });
  });

  it('a resident who cancelled checks in with a fresh request id', async () => {
    cannedActivity({ signed: 0, made: 1, requests: { 'wx:o-1|check-in:a1': 's1' } });
    cannedSignUp({ status: 'cancelled', requestId: 'check-in:a1' });
    const outcome = await checkIn();
    expect(outcome).toMatchObject({
      kind: 'checked-in',
      signUp: { requestId: `check-in:a1:${NOW_ISO}`, status: 'signed' },
    });
  });

  it('refuses an activity that does not exist', async () => {
    await expect(checkIn()).rejects.toThrow('No activity a1');
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
  });
});

describe('notices.setAttended', () => {
  it('marks attendance by staff and counts it on the activity, in 4 operations', async () => {
    mock.txDoc('activity_signups', 's1').get.mockResolvedValueOnce({ data: signUpDoc() });
    cannedActivity({ signed: 1, made: 1, attended: 3 });
    expect(await notices().setAttended('s1', '2026-12-02T18:40:00+08:00')).toEqual(
      signUp({ attendedAt: '2026-12-02T10:40:00.000Z', checkIn: 'staff' }),
    );
    expect(mock.txOps()).toEqual([
      'get activity_signups/s1',
      'get notice_activities/a1',
      'update notice_activities/a1',
      'update activity_signups/s1',
    ]);
    expect(patched('notice_activities', 'a1')).toEqual({ attended: 4 });
  });

  it('clears attendance and its check-in kind; a self check-in stays self when re-marked', async () => {
    cannedSignUp({ attendedAt: EARLIER, checkIn: 'self' });
    cannedActivity({ signed: 1, made: 1, attended: 1 });
    expect(await notices().setAttended('s1', null)).toMatchObject({
      attendedAt: null,
      checkIn: null,
    });
    expect(patched('notice_activities', 'a1')).toEqual({ attended: 0 });
    // Re-marking an attended sign-up changes no count: 2 operations.
    cannedSignUp({ attendedAt: EARLIER, checkIn: 'self' });
    mock.txDoc('notice_activities', 'a1').get.mockClear();
    expect(await notices().setAttended('s1', NOW_ISO)).toMatchObject({ checkIn: 'self' });
    expect(mock.txDoc('notice_activities', 'a1').get).not.toHaveBeenCalled();
  });

  it('returns null for a missing or dropped sign-up', async () => {
    expect(await notices().setAttended('nope', NOW_ISO)).toBeNull();
    mock.txDoc('activity_signups', 's1').get.mockResolvedValueOnce({ data: REMOVED });
    expect(await notices().setAttended('s1', NOW_ISO)).toBeNull();
    noWrites();
  });
});

// --- notices: save and pin ---

describe('notices.save', () => {
  it('creates the notice and each activity with an empty roster, in one transaction', async () => {
    await notices().save(notice());
    expect(mock.txOps()).toEqual([
      'get notices/n1',
      'set notice_activities/a1',
      'set notice_activities/a2',
      'set notices/n1',
    ]);
    expect(written('notices', 'n1')).toEqual(noticeDoc());
    expect(written('notice_activities', 'a1')).toEqual(activityDoc());
    expect(written('notice_activities', 'a2')).toEqual(
      activityDoc({}, { id: 'a2', capacity: null, sort: 1 }),
    );
    // A draft lists by its update time.
    await notices().save(notice({ id: 'n2', status: 'draft', publishedAt: null, activities: [] }));
    expect(written('notices', 'n2')).toMatchObject({ listedAt: EARLIER, publishedAt: null });
  });

  it('edits: kept activities get their fields updated, dropped ones and their sign-ups are removed', async () => {
    mock.txDoc('notices', 'n1').get.mockResolvedValueOnce({ data: noticeDoc() });
    cannedActivity({
      made: 2,
      requests: { 'wx:o-1|r1': 's1', 'wx:o-1|r2': 's2' },
    });
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
    await notices().save(edited);
    expect(mock.txOps()).toEqual([
      'get notices/n1',
      'get notice_activities/a1',
      'set activity_signups/s1',
      'set activity_signups/s2',
      'set notice_activities/a1',
      'update notice_activities/a2',
      'set notice_activities/a3',
      'set notices/n1',
    ]);
    for (const id of ['s1', 's2']) expect(written('activity_signups', id)).toEqual(REMOVED);
    expect(written('notice_activities', 'a1')).toEqual(REMOVED);
    // The roster is left to the sign-up transactions; the check-in code is kept.
    expect(patched('notice_activities', 'a2')).toEqual(
      activityFields({ id: 'a2', capacity: 5, sort: 0, name: '改名' }),
    );
    expect(written('notice_activities', 'a3')).toEqual(activityDoc({}, { id: 'a3', sort: 1 }));
    expect(written('notices', 'n1')).toEqual({
      ...noticeDoc({
        title: '改过的标题',
        updatedAt: NOW_ISO,
        editedAt: NOW_ISO,
        activities: [
          activity({ id: 'a2', capacity: 5, sort: 0, name: '改名' }),
          activity({ id: 'a3', sort: 1 }),
        ],
      }),
    });
  });

  it('archiving the pinned notice releases the pin', async () => {
    mock.txDoc('notices', 'n1').get.mockResolvedValueOnce({ data: noticeDoc({ pinned: true }) });
    mock
      .txDoc('notice_pins', 'c1')
      .get.mockResolvedValueOnce({ data: { community: 'c1', noticeId: 'n1' } });
    await notices().save(notice({ status: 'archived', pinned: false, activities: [] }));
    expect(written('notice_pins', 'c1')).toEqual({ community: 'c1', noticeId: null });
    expect(written('notices', 'n1')).toMatchObject({ status: 'archived', pinned: false });
  });

  it('a save keeps a pin it holds, takes a free one, and never takes another notice’s', async () => {
    mock.txDoc('notices', 'n1').get.mockResolvedValueOnce({ data: noticeDoc({ pinned: true }) });
    await notices().save(notice({ pinned: true, activities: [] }));
    // Unchanged: the pin document is not even read.
    expect(mock.txDoc('notice_pins', 'c1').get).not.toHaveBeenCalled();
    expect(written('notices', 'n1')).toMatchObject({ pinned: true });

    await notices().save(notice({ id: 'n2', pinned: true, activities: [] }));
    expect(written('notice_pins', 'c1')).toEqual({ community: 'c1', noticeId: 'n2' });
    expect(written('notices', 'n2')).toMatchObject({ pinned: true });

    mock.txDoc('notices', 'n3').get.mockResolvedValueOnce({ data: noticeDoc({ id: 'n3' }) });
    mock
      .txDoc('notice_pins', 'c1')
      .get.mockResolvedValueOnce({ data: { community: 'c1', noticeId: 'n2' } });
    mock.txDoc('notice_pins', 'c1').set.mockClear();
    await notices().save(notice({ id: 'n3', pinned: true, activities: [] }));
    expect(written('notices', 'n3')).toMatchObject({ pinned: false });
    expect(mock.txDoc('notice_pins', 'c1').set).not.toHaveBeenCalled();
  });

  it('does not retry a malformed stored notice', async () => {
    mock.txDoc('notices', 'n1').get.mockResolvedValueOnce({
      data: noticeDoc({ status: 'lost' as 'draft' }),
    });
    await expect(notices().save(notice())).rejects.toThrow('notices/n1: bad or missing "status"');
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    noWrites();
  });
});

describe('notices.pin', () => {
  const cannedPin = (noticeId: string | null) =>
    mock
      .txDoc('notice_pins', 'c1')
      .get.mockResolvedValueOnce({ data: { community: 'c1', noticeId } });
  const cannedNotice = (id: string, fields: Partial<NoticeRecord> = {}) =>
    mock.txDoc('notices', id).get.mockResolvedValueOnce({ data: noticeDoc({ id, ...fields }) });

  it('moves the pin in one transaction: the old notice loses it, the new one gets it', async () => {
    cannedPin('n1');
    cannedNotice('n2');
    await notices().pin('c1', 'n2');
    expect(mock.txOps()).toEqual([
      'get notice_pins/c1',
      'get notices/n2',
      'update notices/n1',
      'update notices/n2',
      'set notice_pins/c1',
    ]);
    expect(patched('notices', 'n1')).toEqual({ pinned: false });
    expect(patched('notices', 'n2')).toEqual({ pinned: true });
    expect(written('notice_pins', 'c1')).toEqual({ community: 'c1', noticeId: 'n2' });
  });

  it('pins the first notice of a community without a pin document', async () => {
    cannedNotice('n1');
    await notices().pin('c1', 'n1');
    expect(mock.txOps()).toEqual([
      'get notice_pins/c1',
      'get notices/n1',
      'update notices/n1',
      'set notice_pins/c1',
    ]);
  });

  it('null unpins; a notice of another community (or none) is not pinned, but the pin is still released', async () => {
    cannedPin('n1');
    await notices().pin('c1', null);
    expect(patched('notices', 'n1')).toEqual({ pinned: false });
    expect(written('notice_pins', 'c1')).toEqual({ community: 'c1', noticeId: null });

    cannedPin('n2');
    cannedNotice('n9', { community: 'c2' });
    await notices().pin('c1', 'n9');
    expect(mock.txDoc('notices', 'n9').update).not.toHaveBeenCalled();
    expect(patched('notices', 'n2')).toEqual({ pinned: false });
    expect(written('notice_pins', 'c1')).toEqual({ community: 'c1', noticeId: null });
  });

  it('writes nothing when the pin stays where it is', async () => {
    cannedPin('n1');
    cannedNotice('n1', { pinned: true });
    await notices().pin('c1', 'n1');
    await notices().pin('c1', null);
    noWrites();
  });

  it('two pins at once leave exactly one notice pinned', async () => {
    const db = snapshotTransactions();
    seededJitter(42);
    for (const id of ['n1', 'n2', 'n3']) db.seed(`notices/${id}`, noticeDoc({ id }));
    // Once with no pin yet (nothing else in common to conflict on), once with one to move.
    for (const start of [null, 'n1']) {
      if (start) await notices().pin('c1', start);
      await Promise.all([notices().pin('c1', 'n2'), notices().pin('c1', 'n3')]);
      const pinned = ['n1', 'n2', 'n3'].filter((id) => db.doc(`notices/${id}`)!.pinned === true);
      expect(pinned).toHaveLength(1);
      expect(db.doc('notice_pins/c1')).toEqual({ community: 'c1', noticeId: pinned[0] });
    }
    expect(db.conflicts()).toBeGreaterThan(0);
  });
});

// --- reads ---

describe('notices reads', () => {
  it('get maps the notice with its embedded activities in order, or null', async () => {
    const stored = noticeDoc({
      activities: [activity({ id: 'a2', sort: 1 }), activity({ id: 'a1', sort: 0 })],
    });
    mock.doc('notices', 'n1').get.mockResolvedValueOnce({ data: { _id: 'n1', ...stored } });
    expect(await notices().get('n1')).toEqual(
      notice({ activities: [activity(), activity({ id: 'a2', sort: 1 })] }),
    );
    mock.doc('notices', 'gone').get.mockRejectedValueOnce(notFoundError('notices', 'gone'));
    expect(await notices().get('gone')).toBeNull();
    mock.doc('notices', 'n2').get.mockResolvedValueOnce({ data: { ...stored, pinned: 'yes' } });
    await expect(notices().get('n2')).rejects.toThrow('notices/n2: bad or missing "pinned"');
    expect(mock.runTransaction).not.toHaveBeenCalled();
  });

  it('getActivity is one read of the activity document; a dropped one is null', async () => {
    mock.doc('notice_activities', 'a1').get.mockResolvedValueOnce({
      data: activityDoc({ signed: 2, made: 2 }, { capacity: null }),
    });
    expect(await notices().getActivity('a1')).toEqual(activity({ capacity: null }));
    mock.doc('notice_activities', 'a2').get.mockResolvedValueOnce({ data: REMOVED });
    expect(await notices().getActivity('a2')).toBeNull();
    expect(await notices().getActivity('a3')).toBeNull();
    expect(mock.dbOps()).toEqual([
      'get notice_activities/a1',
      'get notice_activities/a2',
      'get notice_activities/a3',
    ]);
    expect(mock.queries).toEqual([]);
  });

  it('counts reads each activity once, reporting those that ever had a sign-up, by id', async () => {
    mock.doc('notice_activities', 'a2').get.mockResolvedValueOnce({
      data: activityDoc({ signed: 2, made: 5, waitlist: ['s3', 's4'], attended: 1 }),
    });
    mock.doc('notice_activities', 'a1').get.mockResolvedValueOnce({
      data: activityDoc({ made: 1 }),
    });
    mock.doc('notice_activities', 'a3').get.mockResolvedValueOnce({ data: activityDoc() });
    expect(await notices().counts(['a2', 'a3', 'a1', 'a2', 'gone'])).toEqual([
      { activityId: 'a1', signed: 0, waitlisted: 0, attended: 0 },
      { activityId: 'a2', signed: 2, waitlisted: 2, attended: 1 },
    ]);
    expect(mock.dbOps()).toHaveLength(4);
    expect(mock.queries).toEqual([]);
    expect(await notices().counts([])).toEqual([]);
  });

  it('waitlistPosition is the 1-based place on the activity document, 0 when not on it', async () => {
    const doc = mock.doc('notice_activities', 'a1');
    doc.get.mockResolvedValueOnce({ data: activityDoc({ waitlist: ['s3', 's1'] }) });
    expect(await notices().waitlistPosition(signUp({ status: 'waitlisted' }))).toBe(2);
    doc.get.mockResolvedValueOnce({ data: activityDoc({ waitlist: ['s3'] }) });
    expect(await notices().waitlistPosition(signUp())).toBe(0);
    expect(await notices().waitlistPosition(signUp())).toBe(0);
  });

  it('getSignUp maps by _id; a missing or dropped one is null', async () => {
    mock
      .doc('activity_signups', 's1')
      .get.mockResolvedValueOnce({ data: { _id: 's1', ...signUpDoc() } });
    expect(await notices().getSignUp('s1')).toEqual(signUp());
    mock.doc('activity_signups', 's2').get.mockResolvedValueOnce({ data: REMOVED });
    expect(await notices().getSignUp('s2')).toBeNull();
    expect(await notices().getSignUp('s3')).toBeNull();
    mock.doc('activity_signups', 's4').get.mockResolvedValueOnce({
      data: signUpDoc({ checkIn: 'door' as 'self' }),
    });
    await expect(notices().getSignUp('s4')).rejects.toThrow('"checkIn"');
  });

  it("signUpOf queries the user's sign-ups of the activity and prefers the live one", async () => {
    mock.pages.push([
      { _id: 's3', ...signUpDoc({ id: 's3', status: 'cancelled', createdAt: NOW_ISO }, 3) },
      { _id: 's2', ...signUpDoc({ id: 's2', status: 'waitlisted' }, 2) },
      { _id: 's1', ...signUpDoc({ status: 'cancelled' }, 1) },
    ]);
    expect((await notices().signUpOf('a1', 'wx:o-1'))?.id).toBe('s2');
    expect(mock.queries[0]).toEqual({
      collection: 'activity_signups',
      steps: [
        ['where', { activityId: 'a1', userId: 'wx:o-1' }],
        ['orderBy', 'createdAt', 'desc'],
        ['orderBy', 'seq', 'desc'],
        ['skip', 0],
        ['limit', PAGE_SIZE],
        ['get'],
      ],
    });
    mock.pages.push([
      { _id: 's3', ...signUpDoc({ id: 's3', status: 'cancelled', createdAt: NOW_ISO }, 3) },
      { _id: 's1', ...signUpDoc({ status: 'cancelled' }, 1) },
    ]);
    expect((await notices().signUpOf('a1', 'wx:o-1'))?.id).toBe('s3');
    expect(await notices().signUpOf('a1', 'wx:o-1')).toBeNull();
  });

  it('signUpsOf lists in arrival order and signUpsOfUser newest first, paging past 100', async () => {
    const page = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        _id: `s${from + i + 1}`,
        ...signUpDoc({}, from + i + 1),
      }));
    mock.pages.push(page(0, 100), page(100, 2));
    const all = await notices().signUpsOf('a1');
    expect(all).toHaveLength(102);
    expect(all.at(-1)!.id).toBe('s102');
    await notices().signUpsOfUser('wx:o-1');
    expect(mock.queries.map((q) => [q.collection, ...q.steps.slice(0, 3)])).toEqual([
      [
        'activity_signups',
        ['where', { activityId: 'a1' }],
        ['orderBy', 'createdAt', 'asc'],
        ['orderBy', 'seq', 'asc'],
      ],
      [
        'activity_signups',
        ['where', { activityId: 'a1' }],
        ['orderBy', 'createdAt', 'asc'],
        ['orderBy', 'seq', 'asc'],
      ],
      [
        'activity_signups',
        ['where', { userId: 'wx:o-1' }],
        ['orderBy', 'createdAt', 'desc'],
        ['orderBy', 'seq', 'desc'],
      ],
    ]);
    expect(mock.queries[1]!.steps).toContainEqual(['skip', 100]);
  });
});

describe('notices.list', () => {
  const listed = (id: string, fields: Partial<NoticeRecord> = {}) => ({
    _id: id,
    ...noticeDoc({ id, activities: [], ...fields }),
  });
  const ORDER = [
    ['orderBy', 'pinned', 'desc'],
    ['orderBy', 'week', 'desc'],
    ['orderBy', 'listedAt', 'desc'],
    ['orderBy', '_id', 'desc'],
  ];

  it('queries one status with the week bound, in list order, and maps the notices', async () => {
    mock.pages.push([listed('n2'), listed('n1', { week: '2026-11-23' })]);
    const found = await notices().list('c1', {
      statuses: ['published'],
      fromWeek: '2026-11-23',
      toWeek: '2026-11-30',
    });
    expect(found.map((n) => n.id)).toEqual(['n2', 'n1']);
    expect(found[0]).toEqual(notice({ id: 'n2', activities: [] }));
    expect(mock.queries).toEqual([
      {
        collection: 'notices',
        steps: [
          // week <= 2026-11-30, as the SDK slice has lt but no lte.
          [
            'where',
            { community: 'c1', status: 'published', week: { command: 'lt', value: '2026-12-01' } },
          ],
          ...ORDER,
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
  });

  it('stops reading at the first week older than fromWeek, past a pinned older notice', async () => {
    const full = Array.from({ length: 100 }, (_, i) =>
      listed(`n${i}`, { week: i < 2 ? '2026-11-30' : '2026-11-16' }),
    );
    mock.pages.push([listed('old', { week: '2026-01-05', pinned: true }), ...full.slice(0, 99)]);
    const found = await notices().list('c1', { statuses: ['published'], fromWeek: '2026-11-30' });
    // Same week and time: _id breaks the tie, newest-first like the query.
    expect(found.map((n) => n.id)).toEqual(['n1', 'n0']);
    expect(mock.queries).toHaveLength(1);
    expect(mock.queries[0]!.steps[0]).toEqual(['where', { community: 'c1', status: 'published' }]);
  });

  it('merges one query per status in list order and applies the limit', async () => {
    // Draft first (its query starts first), then published.
    mock.pages.push(
      [listed('n3', { status: 'draft', publishedAt: null, updatedAt: NOW_ISO })],
      [listed('n1', { week: '2026-11-23', pinned: true }), listed('n2', { week: '2026-11-30' })],
    );
    const found = await notices().list('c1', { statuses: ['draft', 'published'], limit: 2 });
    // n1 pinned first; then week 2026-11-30, where the draft's update is newer than n2's publishing.
    expect(found.map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(mock.queries.map((q) => q.steps[0])).toEqual([
      ['where', { community: 'c1', status: 'draft' }],
      ['where', { community: 'c1', status: 'published' }],
    ]);
    expect(mock.queries[0]!.steps).toContainEqual(['limit', PAGE_SIZE]);
  });

  it('reads no further than the limit, and nothing for no status', async () => {
    mock.pages.push(Array.from({ length: 100 }, (_, i) => listed(`n${i}`)));
    expect(await notices().list('c1', { statuses: ['published'], limit: 3 })).toHaveLength(3);
    expect(mock.queries).toHaveLength(1);
    expect(await notices().list('c1', { statuses: [] })).toEqual([]);
    expect(mock.queries).toHaveLength(1);
  });
});

describe('collectionPrefix', () => {
  it('prefixes the notice collections, inside transactions too', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).notices;
    await prefixed.get('n1');
    await prefixed.getActivity('a1');
    await prefixed.signUpsOf('a1');
    mock.txDoc('contract_notice_activities', 'a1').get.mockResolvedValueOnce({
      data: activityDoc(),
    });
    const { signUp: made } = await prefixed.signUp(request());
    await prefixed.pin('c1', null);
    expect(mock.collections).toEqual([
      'contract_notices',
      'contract_notice_activities',
      'contract_activity_signups',
    ]);
    expect(mock.txOps()).toEqual([
      'get contract_notice_activities/a1',
      'set contract_notice_activities/a1',
      `set contract_activity_signups/${made.id}`,
      'get contract_notice_pins/c1',
    ]);
  });
});

it(`sign-up transactions retry as many racers (${MANY_RACERS.attempts} attempts)`, async () => {
  instantRetries();
  mock.runTransaction.mockRejectedValue(new Error('conflict'));
  await expect(notices().signUp(request())).rejects.toThrow('conflict');
  expect(mock.runTransaction).toHaveBeenCalledTimes(MANY_RACERS.attempts);
});
