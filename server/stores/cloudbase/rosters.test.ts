/**
 * The CloudBase RosterRepo on the CloudBase emulator, for what the shared contract
 * (emulator.contract.test.ts) does not check: the request-key `_id` scheme (user ids only hashed)
 * and the documents production data depends on, malformed documents, what each operation costs
 * (counted by the emulator), one companion request sent several times at once, and the collection
 * prefix. Documents seeded here bypass the adapter.
 */
import { Unavailable } from '../../core/errors';
import type { CompanionRecord, LeaveRecord, ShiftRecord } from '../../core/ports';
import { emulatedStore } from '../../testing/emulated-store';
import { ADD_COMPANION_OPERATIONS, DECIDE_LEAVE_OPERATIONS } from './rosters';
import { companionKeyId } from './rosters';
import type { DocData } from './sdk';
import { FEW_RACERS } from './transaction';

const NOW_ISO = '2026-12-02T11:00:00.000Z';
const LATER_ISO = '2026-12-02T11:05:00.000Z';

function setup(prefix = '') {
  const env = emulatedStore({ prefix });
  return { ...env, rosters: env.store.rosters };
}

afterEach(() => jest.restoreAllMocks());

// --- fixtures ---

const shift = (fields: Partial<ShiftRecord> = {}): ShiftRecord => ({
  id: 'sh1',
  community: 'c1',
  date: '2026-12-02',
  worker: 'wx:o-staff',
  name: '李社工',
  start: '16:30',
  end: '20:00',
  loggedEnd: null,
  compMinutes: 0,
  createdAt: NOW_ISO,
  ...fields,
});

const companion = (fields: Partial<CompanionRecord> = {}): CompanionRecord => ({
  id: 'cp1',
  community: 'c1',
  date: '2026-12-02',
  userId: 'wx:o-1',
  subject: 'ticket:t-A012',
  about: '取号 A012',
  note: '听障，请用文字沟通',
  worker: null,
  workerName: null,
  status: 'waiting',
  createdAt: NOW_ISO,
  ...fields,
});

const leave = (fields: Partial<LeaveRecord> = {}): LeaveRecord => ({
  id: 'lv1',
  worker: 'wx:o-staff',
  name: '李社工',
  community: 'c1',
  date: '2026-12-07',
  minutes: 120,
  note: '周一下午调休',
  status: 'pending',
  createdAt: NOW_ISO,
  decidedBy: null,
  ...fields,
});

/** A stored document: the record without its id. */
const stored = <T extends { id: string }>(record: T): DocData => {
  const { id: _id, ...rest } = record;
  return rest;
};

const KEY = companionKeyId('ticket:t-A012');

// --- shifts ---

describe('rosters shifts', () => {
  it('stores a shift under its id without it, and reads it back', async () => {
    const { emulator, rosters } = setup();
    await rosters.addShift(shift());
    expect(emulator.dump('roster_shifts')).toEqual([{ _id: 'sh1', ...stored(shift()) }]);
    expect(await rosters.getShift('sh1')).toEqual(shift());
    expect(await rosters.getShift('gone')).toBeNull();
  });

  it('fails loudly on a malformed shift, naming the field', async () => {
    const { rosters, seed } = setup();
    await seed('roster_shifts', 'sh1', { ...stored(shift()), compMinutes: '30' });
    await expect(rosters.getShift('sh1')).rejects.toThrow(
      'roster_shifts/sh1: bad or missing "compMinutes"',
    );
    await seed('roster_shifts', 'sh2', { ...stored(shift()), loggedEnd: 2030 });
    await expect(rosters.getShift('sh2')).rejects.toThrow(
      'roster_shifts/sh2: bad or missing "loggedEnd"',
    );
  });

  it("lists an evening's roster by start, then in the order added; a worker's latest evening first", async () => {
    const { rosters } = setup();
    await rosters.addShift(shift());
    await rosters.addShift(shift({ id: 'sh2', start: '16:00', createdAt: LATER_ISO }));
    await rosters.addShift(shift({ id: 'sh0', createdAt: LATER_ISO }));
    await rosters.addShift(shift({ id: 'sh3', date: '2026-12-09', start: '18:00' }));
    expect((await rosters.shifts('c1', '2026-12-02')).map((s) => s.id)).toEqual([
      'sh2',
      'sh1',
      'sh0',
    ]);
    expect((await rosters.shiftsOf('wx:o-staff')).map((s) => s.id)).toEqual([
      'sh3',
      'sh2',
      'sh0',
      'sh1',
    ]);
  });

  it('logEnd updates the two fields with a get and an update; null, writing nothing, for a missing shift', async () => {
    const { emulator, rosters, cost } = setup();
    await rosters.addShift(shift());
    expect(await cost(() => rosters.logEnd('sh1', '20:30', 210))).toMatchObject({
      result: shift({ loggedEnd: '20:30', compMinutes: 210 }),
      ops: 2,
      writes: 1,
      transactions: 1,
    });
    expect(emulator.dump('roster_shifts')).toEqual([
      { _id: 'sh1', ...stored(shift({ loggedEnd: '20:30', compMinutes: 210 })) },
    ]);
    expect(await cost(() => rosters.logEnd('gone', '20:30', 210))).toMatchObject({
      result: null,
      writes: 0,
    });
  });
});

// --- companions ---

describe('rosters.addCompanion', () => {
  it(`makes the request in one transaction of ${ADD_COMPANION_OPERATIONS.created} operations: its hashed key and the request`, async () => {
    const { emulator, rosters, cost } = setup();
    expect(await cost(() => rosters.addCompanion(companion()))).toMatchObject({
      result: companion(),
      ops: ADD_COMPANION_OPERATIONS.created,
      writes: 2,
      outside: 0,
      transactions: 1,
    });
    expect(emulator.dump('roster_keys')).toEqual([{ _id: KEY, companionId: 'cp1' }]);
    expect(emulator.dump('roster_companions')).toEqual([{ _id: 'cp1', ...stored(companion()) }]);
  });

  it(`returns the request already made for a known ticket or booking, in ${ADD_COMPANION_OPERATIONS.existing} operations`, async () => {
    const { rosters, cost } = setup();
    await rosters.addCompanion(companion());
    await rosters.assignCompanion('cp1', 'wx:o-staff', '李社工');
    expect(
      await cost(() => rosters.addCompanion(companion({ id: 'cp9', about: '改了' }))),
    ).toMatchObject({
      result: companion({ status: 'assigned', worker: 'wx:o-staff', workerName: '李社工' }),
      ops: ADD_COMPANION_OPERATIONS.existing,
      writes: 0,
    });
  });

  it('keys requests by their ticket or booking, hashed', () => {
    const keys = [KEY, companionKeyId('booking:t-A012'), companionKeyId('ticket:t-A013')];
    expect(new Set(keys).size).toBe(keys.length);
    expect(KEY).toMatch(/^companion_[A-Za-z0-9_-]{22}$/);
    expect(KEY).not.toContain('A012');
  });

  it('makes one request when the same one arrives several times at once', async () => {
    const { emulator, rosters } = setup();
    const results = await Promise.all(
      [0, 1, 2].map((n) => rosters.addCompanion(companion({ id: `cp${n}` }))),
    );
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(emulator.dump('roster_companions').map((c) => c._id)).toEqual([results[0]!.id]);
    // Another ticket is another request.
    expect(
      (await rosters.addCompanion(companion({ id: 'cp7', subject: 'ticket:t-A013' }))).id,
    ).toBe('cp7');
  });

  it('fails loudly, trying once, when a key points at a missing request', async () => {
    const { emulator, rosters, seed } = setup();
    await seed('roster_keys', KEY, { companionId: 'gone' });
    emulator.resetCounts();
    await expect(rosters.addCompanion(companion())).rejects.toThrow(
      `roster_keys/${KEY}: bad or missing "companion gone"`,
    );
    expect(emulator.counts().transactions).toMatchObject({ started: 1, committed: 0 });
    expect(emulator.dump('roster_companions')).toEqual([]);
  });

  it(`gives up after ${FEW_RACERS.attempts} conflicted transactions with UNAVAILABLE`, async () => {
    const { emulator, rosters } = setup();
    jest.spyOn(Math, 'random').mockReturnValue(0);
    emulator.inject({ collection: 'roster_keys', op: 'set', error: 'conflict', times: Infinity });
    emulator.resetCounts();
    await expect(rosters.addCompanion(companion())).rejects.toBeInstanceOf(Unavailable);
    expect(emulator.counts().transactions.started).toBe(FEW_RACERS.attempts);
    expect(emulator.dump('roster_companions')).toEqual([]);
  });
});

describe('rosters companions', () => {
  it('fails loudly on a malformed request, naming the field', async () => {
    const { rosters, seed } = setup();
    await seed('roster_companions', 'cp2', { ...stored(companion()), status: 'cancelled' });
    await expect(rosters.getCompanion('cp2')).rejects.toThrow(
      'roster_companions/cp2: bad or missing "status"',
    );
  });

  it("lists an evening's requests in arrival order", async () => {
    const { rosters } = setup();
    await rosters.addCompanion(
      companion({ id: 'cp2', subject: 'ticket:t2', createdAt: LATER_ISO }),
    );
    await rosters.addCompanion(companion());
    await rosters.addCompanion(companion({ id: 'cp3', subject: 'booking:b3', date: '2026-12-09' }));
    expect((await rosters.companions('c1', '2026-12-02')).map((c) => c.id)).toEqual(['cp1', 'cp2']);
  });

  it('finds a request by its ticket or booking in two reads; an old document reads as legacy', async () => {
    const { rosters, cost, seed } = setup();
    await rosters.addCompanion(companion());
    expect(await cost(() => rosters.companionOf('ticket:t-A012'))).toMatchObject({
      result: companion(),
      ops: 2,
      writes: 0,
    });
    expect(await rosters.companionOf('ticket:other')).toBeNull();
    const { subject: _subject, ...old } = stored(companion({ id: 'cp-old' }));
    await seed('roster_companions', 'cp-old', { ...old, requestId: 'companion-req-01' });
    expect(await rosters.getCompanion('cp-old')).toMatchObject({ subject: 'legacy:cp-old' });
  });

  it("erases a resident's requests with their keys: removed unless a worker took one up", async () => {
    const { emulator, rosters, cost } = setup();
    await rosters.addCompanion(companion());
    await rosters.addCompanion(
      companion({ id: 'cp2', subject: 'ticket:t2', worker: 'wx:o-staff', status: 'assigned' }),
    );
    await rosters.addCompanion(companion({ id: 'cp3', subject: 'ticket:t3', userId: 'wx:o-2' }));
    expect(await cost(() => rosters.eraseCompanions('wx:o-1'))).toMatchObject({
      result: 2,
      transactions: 2,
    });
    expect(
      emulator.dump('roster_companions').map((c) => [c._id, c.userId, c.about, c.note]),
    ).toEqual([
      ['cp2', '', '', ''],
      ['cp3', 'wx:o-2', '取号 A012', '听障，请用文字沟通'],
    ]);
    expect(emulator.dump('roster_keys')).toHaveLength(1);
  });

  it('assignCompanion sets the worker and the status with a get and an update; null for a missing request', async () => {
    const { rosters, cost } = setup();
    await rosters.addCompanion(companion());
    expect(await cost(() => rosters.assignCompanion('cp1', 'wx:o-staff', '李社工'))).toMatchObject({
      result: companion({ worker: 'wx:o-staff', workerName: '李社工', status: 'assigned' }),
      ops: 2,
      writes: 1,
    });
    expect(await rosters.getCompanion('cp1')).toMatchObject({ status: 'assigned' });
    expect(await cost(() => rosters.assignCompanion('gone', 'wx:o-staff', '李社工'))).toMatchObject(
      { result: null, writes: 0 },
    );
    expect(await rosters.getCompanion('gone')).toBeNull();
  });
});

// --- leave ---

describe('rosters leave', () => {
  it('stores a request under its id without it; a malformed one fails loudly', async () => {
    const { emulator, rosters, seed } = setup();
    await rosters.addLeave(leave());
    expect(emulator.dump('roster_leave')).toEqual([{ _id: 'lv1', ...stored(leave()) }]);
    expect(await rosters.getLeave('lv1')).toEqual(leave());
    expect(await rosters.getLeave('gone')).toBeNull();
    await seed('roster_leave', 'lv2', { ...stored(leave()), minutes: 1.5 });
    await expect(rosters.getLeave('lv2')).rejects.toThrow(
      'roster_leave/lv2: bad or missing "minutes"',
    );
  });

  it('pendingLeave lists every community’s undecided requests, oldest first', async () => {
    const { rosters } = setup();
    await rosters.addLeave(leave({ id: 'lv2', community: 'c2', createdAt: LATER_ISO }));
    await rosters.addLeave(leave());
    await rosters.addLeave(leave({ id: 'lv3' }));
    await rosters.decideLeave('lv3', 'refused', 'wx:o-admin');
    expect((await rosters.pendingLeave()).map((l) => l.id)).toEqual(['lv1', 'lv2']);
  });
});

describe('rosters.decideLeave', () => {
  it(`decides a pending request in ${DECIDE_LEAVE_OPERATIONS.decided} operations, and is null after ${DECIDE_LEAVE_OPERATIONS.stale} read once decided`, async () => {
    const { rosters, cost } = setup();
    await rosters.addLeave(leave());
    expect(await cost(() => rosters.decideLeave('lv1', 'approved', 'wx:o-admin'))).toMatchObject({
      result: leave({ status: 'approved', decidedBy: 'wx:o-admin' }),
      ops: DECIDE_LEAVE_OPERATIONS.decided,
      writes: 1,
      outside: 0,
      transactions: 1,
    });
    expect(await cost(() => rosters.decideLeave('lv1', 'refused', 'wx:o-admin-2'))).toMatchObject({
      result: null,
      ops: DECIDE_LEAVE_OPERATIONS.stale,
      writes: 0,
    });
    expect(await rosters.getLeave('lv1')).toMatchObject({
      status: 'approved',
      decidedBy: 'wx:o-admin',
    });
    expect(await cost(() => rosters.decideLeave('gone', 'approved', 'wx:o-admin'))).toMatchObject({
      result: null,
      writes: 0,
    });
  });

  it('fails loudly on a malformed request, trying once', async () => {
    const { emulator, rosters, seed } = setup();
    await seed('roster_leave', 'lv1', { ...stored(leave()), status: 'maybe' });
    emulator.resetCounts();
    await expect(rosters.decideLeave('lv1', 'approved', 'wx:o-admin')).rejects.toThrow(
      'roster_leave/lv1: bad or missing "status"',
    );
    expect(emulator.counts().transactions).toMatchObject({ started: 1, committed: 0 });
  });
});

describe('collectionPrefix', () => {
  it('prefixes the roster collections, inside transactions too', async () => {
    // Only the prefixed collections exist: any unprefixed name would fail as missing.
    const { emulator, rosters } = setup('contract_');
    await rosters.addShift(shift());
    expect(await rosters.logEnd('sh1', '20:30', 210)).toMatchObject({ compMinutes: 210 });
    await rosters.addCompanion(companion());
    expect(await rosters.assignCompanion('cp1', 'wx:o-staff', '李社工')).toMatchObject({
      status: 'assigned',
    });
    await rosters.addLeave(leave());
    expect(await rosters.decideLeave('lv1', 'approved', 'wx:o-admin')).toMatchObject({
      status: 'approved',
    });
    expect(await rosters.shifts('c1', '2026-12-02')).toHaveLength(1);
    expect(await rosters.companionsOf('wx:o-staff')).toHaveLength(1);
    expect(await rosters.leaveOf('wx:o-staff')).toHaveLength(1);
    const used = new Set(emulator.log().map((op) => op.collection));
    expect([...used].sort()).toEqual([
      'contract_roster_companions',
      'contract_roster_keys',
      'contract_roster_leave',
      'contract_roster_shifts',
    ]);
  });
});
