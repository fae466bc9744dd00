/**
 * The CloudBase RosterRepo against wx-server-sdk mocked at its edge: every document read is
 * canned, every call recorded, as in followups.test.ts; the shared contract suite checks behaviour
 * against a real environment.
 *
 * The races (one companion request sent several times at once, two admins deciding one leave
 * request) need transactions that can conflict: `snapshotTransactions` stands in for CloudBase's
 * transactions only (mock-transactions.ts).
 */
import type { CompanionRecord, LeaveRecord, ShiftRecord } from '../../core/ports';
import {
  ADD_COMPANION_OPERATIONS,
  createCloudBaseStore,
  DECIDE_LEAVE_OPERATIONS,
  PAGE_SIZE,
} from './index';
import { notFoundError } from './mock-sdk';
import { seededJitter, snapshotTransactions } from './mock-transactions';
import { companionKeyId } from './rosters';
import type { DocData } from './sdk';
import { instantRetries, mock, noWrites, useMockDb } from './test-support';
import { FEW_RACERS } from './transaction';

const NOW_ISO = '2026-12-02T11:00:00.000Z';
const LATER_ISO = '2026-12-02T11:05:00.000Z';

useMockDb();
const rosters = () => createCloudBaseStore(mock.db).rosters;

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
  requestId: 'companion-req-01',
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
/** A document as a query returns it: with its `_id`. */
const listed = <T extends { id: string }>(record: T): DocData => ({
  _id: record.id,
  ...stored(record),
});

const KEY = companionKeyId('wx:o-1', 'companion-req-01');

// --- shifts ---

describe('rosters shifts', () => {
  it('addShift stores the record without its id; getShift reads it back', async () => {
    await rosters().addShift(shift());
    expect(mock.dbOps()).toEqual(['set roster_shifts/sh1']);
    const data = mock.doc('roster_shifts', 'sh1').set.mock.calls[0]![0].data;
    expect(data).toEqual(stored(shift()));
    mock.doc('roster_shifts', 'sh1').get.mockResolvedValueOnce({ data: { _id: 'sh1', ...data } });
    expect(await rosters().getShift('sh1')).toEqual(shift());
    mock.doc('roster_shifts', 'gone').get.mockRejectedValueOnce(notFoundError('x', 'gone'));
    expect(await rosters().getShift('gone')).toBeNull();
  });

  it('fail loudly on a malformed shift, naming the field', async () => {
    mock.doc('roster_shifts', 'sh1').get.mockResolvedValueOnce({
      data: { ...stored(shift()), compMinutes: '30' },
    });
    await expect(rosters().getShift('sh1')).rejects.toThrow(
      'roster_shifts/sh1: bad or missing "compMinutes"',
    );
    mock.doc('roster_shifts', 'sh1').get.mockResolvedValueOnce({
      data: { ...stored(shift()), loggedEnd: 2030 },
    });
    await expect(rosters().getShift('sh1')).rejects.toThrow('"loggedEnd"');
  });

  it("shifts queries one evening's roster by start, then in the order added", async () => {
    mock.pages.push([listed(shift({ id: 'sh2', start: '16:00' })), listed(shift())]);
    expect((await rosters().shifts('c1', '2026-12-02')).map((s) => s.id)).toEqual(['sh2', 'sh1']);
    expect(mock.queries).toEqual([
      {
        collection: 'roster_shifts',
        steps: [
          ['where', { community: 'c1', date: '2026-12-02' }],
          ['orderBy', 'start', 'asc'],
          ['orderBy', 'createdAt', 'asc'],
          ['orderBy', '_id', 'asc'],
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
  });

  it("shiftsOf queries a worker's shifts, latest evening first, then by start", async () => {
    mock.pages.push([listed(shift({ id: 'sh2', date: '2026-12-09' })), listed(shift())]);
    expect((await rosters().shiftsOf('wx:o-staff')).map((s) => s.id)).toEqual(['sh2', 'sh1']);
    expect(mock.queries[0]!.steps.slice(0, 4)).toEqual([
      ['where', { worker: 'wx:o-staff' }],
      ['orderBy', 'date', 'desc'],
      ['orderBy', 'start', 'asc'],
      ['orderBy', '_id', 'asc'],
    ]);
  });

  it('logEnd updates the two fields in a transaction and returns the shift', async () => {
    mock.txDoc('roster_shifts', 'sh1').get.mockResolvedValueOnce({ data: stored(shift()) });
    expect(await rosters().logEnd('sh1', '20:30', 210)).toEqual(
      shift({ loggedEnd: '20:30', compMinutes: 210 }),
    );
    expect(mock.txOps()).toEqual(['get roster_shifts/sh1', 'update roster_shifts/sh1']);
    expect(mock.txDoc('roster_shifts', 'sh1').update).toHaveBeenCalledWith({
      data: { loggedEnd: '20:30', compMinutes: 210 },
    });
  });

  it('logEnd is null, writing nothing, for a missing shift', async () => {
    expect(await rosters().logEnd('gone', '20:30', 210)).toBeNull();
    noWrites();
  });
});

// --- companions ---

describe('rosters.addCompanion', () => {
  it(`makes the request in one transaction of ${ADD_COMPANION_OPERATIONS.created} operations`, async () => {
    expect(await rosters().addCompanion(companion())).toEqual(companion());
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txOps()).toEqual([
      `get roster_keys/${KEY}`,
      `set roster_keys/${KEY}`,
      'set roster_companions/cp1',
    ]);
    expect(ADD_COMPANION_OPERATIONS.created).toBe(3);
    expect(mock.txDoc('roster_keys', KEY).set).toHaveBeenCalledWith({
      data: { companionId: 'cp1' },
    });
    expect(mock.txDoc('roster_companions', 'cp1').set).toHaveBeenCalledWith({
      data: stored(companion()),
    });
  });

  it(`returns the request already made for a known (user, request), in ${ADD_COMPANION_OPERATIONS.existing} operations`, async () => {
    mock.txDoc('roster_keys', KEY).get.mockResolvedValueOnce({ data: { companionId: 'cp0' } });
    mock.txDoc('roster_companions', 'cp0').get.mockResolvedValueOnce({
      data: stored(companion({ id: 'cp0', status: 'assigned', worker: 'wx:o-staff' })),
    });
    const again = await rosters().addCompanion(companion({ id: 'cp9', about: '改了' }));
    expect(again).toEqual(companion({ id: 'cp0', status: 'assigned', worker: 'wx:o-staff' }));
    expect(mock.txOps()).toEqual([`get roster_keys/${KEY}`, 'get roster_companions/cp0']);
    noWrites();
  });

  it('keys requests by user and request id together, the user hashed', () => {
    const keys = [
      KEY,
      companionKeyId('wx:o-2', 'companion-req-01'),
      companionKeyId('wx:o-1', 'companion-req-02'),
      companionKeyId('wx:o-1:companion', 'req-01'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(KEY).toMatch(/^companion_[A-Za-z0-9_-]{22}$/);
    expect(KEY).not.toContain('o-1');
  });

  it('makes one request when the same one arrives several times at once', async () => {
    const db = snapshotTransactions();
    seededJitter(7);
    const results = await Promise.all(
      [0, 1, 2].map((n) => rosters().addCompanion(companion({ id: `cp${n}` }))),
    );
    expect(db.conflicts()).toBeGreaterThan(0);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(db.keys('roster_companions')).toEqual([`roster_companions/${results[0]!.id}`]);
    // Another resident's request with the same request id is another request.
    expect((await rosters().addCompanion(companion({ id: 'cp7', userId: 'wx:o-2' }))).id).toBe(
      'cp7',
    );
  });

  it('fails loudly, without retrying, when a key points at a missing request', async () => {
    mock.txDoc('roster_keys', KEY).get.mockResolvedValueOnce({ data: { companionId: 'gone' } });
    await expect(rosters().addCompanion(companion())).rejects.toThrow('companion gone');
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    noWrites();
  });

  it(`retries as few racers (${FEW_RACERS.attempts} attempts)`, async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValue(new Error('conflict'));
    await expect(rosters().addCompanion(companion())).rejects.toThrow('conflict');
    expect(mock.runTransaction).toHaveBeenCalledTimes(FEW_RACERS.attempts);
  });
});

describe('rosters companions', () => {
  it('getCompanion maps by _id, or null; a malformed one names the field', async () => {
    mock.doc('roster_companions', 'cp1').get.mockResolvedValueOnce({
      data: stored(companion()),
    });
    expect(await rosters().getCompanion('cp1')).toEqual(companion());
    expect(await rosters().getCompanion('gone')).toBeNull();
    mock.doc('roster_companions', 'cp2').get.mockResolvedValueOnce({
      data: { ...stored(companion()), status: 'cancelled' },
    });
    await expect(rosters().getCompanion('cp2')).rejects.toThrow(
      'roster_companions/cp2: bad or missing "status"',
    );
  });

  it("companions queries one evening's requests in arrival order", async () => {
    mock.pages.push([listed(companion()), listed(companion({ id: 'cp2', createdAt: LATER_ISO }))]);
    expect((await rosters().companions('c1', '2026-12-02')).map((c) => c.id)).toEqual([
      'cp1',
      'cp2',
    ]);
    expect(mock.queries[0]).toEqual({
      collection: 'roster_companions',
      steps: [
        ['where', { community: 'c1', date: '2026-12-02' }],
        ['orderBy', 'createdAt', 'asc'],
        ['orderBy', '_id', 'asc'],
        ['skip', 0],
        ['limit', PAGE_SIZE],
        ['get'],
      ],
    });
  });

  it("companionsOf queries a worker's requests, latest evening first", async () => {
    mock.pages.push([listed(companion({ worker: 'wx:o-staff', status: 'assigned' }))]);
    expect(await rosters().companionsOf('wx:o-staff')).toEqual([
      companion({ worker: 'wx:o-staff', status: 'assigned' }),
    ]);
    expect(mock.queries[0]!.steps.slice(0, 4)).toEqual([
      ['where', { worker: 'wx:o-staff' }],
      ['orderBy', 'date', 'desc'],
      ['orderBy', 'createdAt', 'asc'],
      ['orderBy', '_id', 'asc'],
    ]);
  });

  it('assignCompanion sets the worker and the status in a transaction', async () => {
    mock.txDoc('roster_companions', 'cp1').get.mockResolvedValueOnce({
      data: stored(companion()),
    });
    expect(await rosters().assignCompanion('cp1', 'wx:o-staff', '李社工')).toEqual(
      companion({ worker: 'wx:o-staff', workerName: '李社工', status: 'assigned' }),
    );
    expect(mock.txOps()).toEqual(['get roster_companions/cp1', 'update roster_companions/cp1']);
    expect(mock.txDoc('roster_companions', 'cp1').update).toHaveBeenCalledWith({
      data: { worker: 'wx:o-staff', workerName: '李社工', status: 'assigned' },
    });
  });

  it('assignCompanion is null, writing nothing, for a missing request', async () => {
    expect(await rosters().assignCompanion('gone', 'wx:o-staff', '李社工')).toBeNull();
    noWrites();
  });
});

// --- leave ---

describe('rosters leave', () => {
  it('addLeave stores the record without its id; getLeave reads it back', async () => {
    await rosters().addLeave(leave());
    const data = mock.doc('roster_leave', 'lv1').set.mock.calls[0]![0].data;
    expect(data).toEqual(stored(leave()));
    mock.doc('roster_leave', 'lv1').get.mockResolvedValueOnce({ data });
    expect(await rosters().getLeave('lv1')).toEqual(leave());
    expect(await rosters().getLeave('gone')).toBeNull();
    mock.doc('roster_leave', 'lv2').get.mockResolvedValueOnce({
      data: { ...stored(leave()), minutes: 1.5 },
    });
    await expect(rosters().getLeave('lv2')).rejects.toThrow(
      'roster_leave/lv2: bad or missing "minutes"',
    );
  });

  it('pendingLeave queries every community’s undecided requests, oldest first', async () => {
    mock.pages.push([listed(leave()), listed(leave({ id: 'lv2', community: 'c2' }))]);
    expect((await rosters().pendingLeave()).map((l) => l.id)).toEqual(['lv1', 'lv2']);
    expect(mock.queries[0]).toEqual({
      collection: 'roster_leave',
      steps: [
        ['where', { status: 'pending' }],
        ['orderBy', 'createdAt', 'asc'],
        ['orderBy', '_id', 'asc'],
        ['skip', 0],
        ['limit', PAGE_SIZE],
        ['get'],
      ],
    });
  });

  it("leaveOf queries a worker's requests, newest first", async () => {
    mock.pages.push([listed(leave({ id: 'lv2', status: 'approved', decidedBy: 'wx:o-admin' }))]);
    expect(await rosters().leaveOf('wx:o-staff')).toEqual([
      leave({ id: 'lv2', status: 'approved', decidedBy: 'wx:o-admin' }),
    ]);
    expect(mock.queries[0]!.steps.slice(0, 3)).toEqual([
      ['where', { worker: 'wx:o-staff' }],
      ['orderBy', 'createdAt', 'desc'],
      ['orderBy', '_id', 'desc'],
    ]);
  });
});

describe('rosters.decideLeave', () => {
  it(`decides a pending request in one transaction of ${DECIDE_LEAVE_OPERATIONS.decided} operations`, async () => {
    mock.txDoc('roster_leave', 'lv1').get.mockResolvedValueOnce({ data: stored(leave()) });
    expect(await rosters().decideLeave('lv1', 'approved', 'wx:o-admin')).toEqual(
      leave({ status: 'approved', decidedBy: 'wx:o-admin' }),
    );
    expect(mock.txOps()).toEqual(['get roster_leave/lv1', 'update roster_leave/lv1']);
    expect(mock.txDoc('roster_leave', 'lv1').update).toHaveBeenCalledWith({
      data: { status: 'approved', decidedBy: 'wx:o-admin' },
    });
  });

  it(`is null after ${DECIDE_LEAVE_OPERATIONS.stale} read, writing nothing, once decided or when missing`, async () => {
    mock.txDoc('roster_leave', 'lv1').get.mockResolvedValueOnce({
      data: stored(leave({ status: 'refused', decidedBy: 'wx:o-admin' })),
    });
    expect(await rosters().decideLeave('lv1', 'approved', 'wx:o-admin-2')).toBeNull();
    expect(mock.txOps()).toEqual(['get roster_leave/lv1']);
    expect(await rosters().decideLeave('gone', 'approved', 'wx:o-admin')).toBeNull();
    noWrites();
  });

  it('lets only one of two admins deciding at once win', async () => {
    const db = snapshotTransactions();
    seededJitter(7);
    db.seed('roster_leave/lv1', stored(leave()));
    const results = await Promise.all([
      rosters().decideLeave('lv1', 'approved', 'wx:o-admin-1'),
      rosters().decideLeave('lv1', 'refused', 'wx:o-admin-2'),
    ]);
    expect(db.conflicts()).toBeGreaterThan(0);
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect(db.doc('roster_leave/lv1')).toMatchObject({
      status: winners[0]!.status,
      decidedBy: winners[0]!.decidedBy,
    });
  });

  it('does not retry a malformed request', async () => {
    mock.txDoc('roster_leave', 'lv1').get.mockResolvedValueOnce({
      data: { ...stored(leave()), status: 'maybe' },
    });
    await expect(rosters().decideLeave('lv1', 'approved', 'wx:o-admin')).rejects.toThrow(
      'roster_leave/lv1: bad or missing "status"',
    );
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    noWrites();
  });
});

describe('collectionPrefix', () => {
  it('prefixes the roster collections, inside transactions too', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).rosters;
    await prefixed.getShift('sh1');
    await prefixed.getCompanion('cp1');
    await prefixed.getLeave('lv1');
    await prefixed.addCompanion(companion());
    await prefixed.decideLeave('lv1', 'approved', 'wx:o-admin');
    expect(mock.collections).toEqual([
      'contract_roster_shifts',
      'contract_roster_companions',
      'contract_roster_leave',
    ]);
    expect(mock.txOps()).toEqual([
      `get contract_roster_keys/${KEY}`,
      `set contract_roster_keys/${KEY}`,
      'set contract_roster_companions/cp1',
      'get contract_roster_leave/lv1',
    ]);
  });
});
