/**
 * The CloudBase store's communities and identities on the CloudBase emulator, for what the shared
 * contract (emulator.contract.test.ts) does not check: the stored document shapes production data
 * depends on, malformed and legacy documents, what an operation costs, races run for real, and
 * the collection prefix. Documents seeded here bypass the adapter.
 */
import { Unavailable } from '../../core/errors';
import { emulatedStore } from '../../testing/emulated-store';
import { sampleCommunity } from '../contract-tests/store-contract';
import { PAGE_SIZE } from './sdk';
import { FEW_RACERS } from './transaction';

const NOW = new Date('2026-12-02T10:30:00.000Z');
const NOW_ISO = '2026-12-02T10:30:00.000Z';

const setup = (options: { prefix?: string; throwOnNotFound?: boolean } = {}) =>
  emulatedStore(options);

afterEach(() => jest.restoreAllMocks());

const invite = (code: string, expiresAt = '2026-12-09T10:30:00.000Z') => ({
  code,
  community: 'c1',
  createdBy: 'wx:admin',
  expiresAt,
});

describe('communities', () => {
  it('lists past the 100-per-read cap in pages, one read per page', async () => {
    const { store, seed, cost } = setup();
    expect(await cost(() => store.communities.list())).toMatchObject({ result: [], reads: 1 });
    // Seeded in reverse: the list is in _id order whatever the insertion order.
    for (let i = 2 * PAGE_SIZE + 4; i >= 0; i -= 1) {
      const id = `c${String(i).padStart(4, '0')}`;
      await seed('communities', id, { name: `社区 ${id}` });
    }
    const { result, reads } = await cost(() => store.communities.list());
    expect(result).toHaveLength(2 * PAGE_SIZE + 5);
    expect(result[0]).toEqual({ id: 'c0000', name: '社区 c0000' });
    expect(result.at(-1)).toEqual({ id: 'c0204', name: '社区 c0204' });
    expect(result.map((c) => c.id)).toEqual([...result.map((c) => c.id)].sort());
    expect(reads).toBe(3);
  });

  it('stops after an empty page when the total is a multiple of 100', async () => {
    const { store, seed, cost } = setup();
    for (let i = 0; i < PAGE_SIZE; i += 1) await seed('communities', `c${1000 + i}`, { name: 'x' });
    const { result, reads } = await cost(() => store.communities.list());
    expect(result).toHaveLength(PAGE_SIZE);
    expect(reads).toBe(2);
  });

  it('stores a community under its id, without _id or fields the record does not define', async () => {
    const { emulator, store } = setup();
    await store.communities.save({ ...sampleCommunity(), extra: 'not stored' } as never);
    expect(emulator.dump('communities')).toEqual([
      {
        _id: 'c1',
        name: '测试社区',
        evenings: [
          { weekday: 5, opensAt: '18:00', closesAt: '21:00' },
          { weekday: 3, opensAt: '17:00', closesAt: '20:00' },
        ],
        services: [
          { id: 'library', name: '图书阅览', kind: 'queue', description: '看书', sort: 2 },
          { id: 'paperwork', name: '政务服务', kind: 'booking', description: '办事', sort: 1 },
        ],
        board: [],
        contactPhone: null,
        limits: null,
        address: '',
        archivedAt: null,
      },
    ]);
  });

  it('reads older documents, orders services of one sort by id, and fails loudly on a malformed one', async () => {
    const { store, seed } = setup();
    const service = (id: string, sort: number) => ({
      id,
      name: id,
      kind: 'drop-in',
      description: '',
      sort,
    });
    await seed('communities', 'c1', {
      name: '幸福里社区',
      services: [service('c', 2), service('a', 1), service('b', 2)],
    });
    // A document without evenings (none configured yet) reads as none.
    expect(await store.communities.get('c1')).toMatchObject({
      evenings: [],
      services: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    });
    // Written before the board existed: an empty board; before contact phones: none.
    expect((await store.communities.withBoard('c1'))?.board).toEqual([]);
    expect((await store.communities.get('c1'))?.contactPhone).toBeNull();
    // Limits set before the sign-up limit existed: it reads as its default, the rest as set.
    const before = { bookingsPerEvening: 1, openBookings: 6, numbersPerEvening: 5 };
    await seed('communities', 'c5', { name: '旧社区', limits: before });
    expect((await store.communities.get('c5'))?.limits).toEqual({ ...before, openSignUps: 3 });
    await seed('communities', 'c2', {
      name: 'x',
      services: [{ ...service('s', 1), kind: 'party' }],
    });
    await expect(store.communities.get('c2')).rejects.toThrow(
      'communities/c2 services[0]: bad or missing "kind"',
    );
    await seed('communities', 'c4', { name: 'x', contactPhone: 51268881234 });
    await expect(store.communities.get('c4')).rejects.toThrow(
      'communities/c4: bad or missing "contactPhone"',
    );
    await seed('communities', 'c3', { evenings: [] });
    await expect(store.communities.get('c3')).rejects.toThrow(
      'communities/c3: bad or missing "name"',
    );
  });

  it('reads a missing document as null, whether the SDK throws for it or returns null', async () => {
    for (const throwOnNotFound of [true, false]) {
      const { store } = setup({ throwOnNotFound });
      expect(await store.communities.get('none')).toBeNull();
      expect(await store.identities.getUser('wx:none')).toBeNull();
      expect(await store.identities.redeemInvite('NOSUCHCODE', 'wx:b', NOW)).toEqual({
        ok: false,
        reason: 'unknown',
      });
    }
  });
});

describe('identities: users', () => {
  it('creates a user under a fixed _id with a UTC ISO createdAt, in one read and one write', async () => {
    const { emulator, store, cost } = setup();
    expect(await cost(() => store.identities.ensureUser('wx:new', NOW))).toMatchObject({
      result: { id: 'wx:new', adminDigest: null, staffOf: [], sessionVersion: 0 },
      reads: 1,
      writes: 1,
    });
    expect(emulator.dump('users')).toEqual([
      {
        _id: 'wx:new',
        adminDigest: null,
        staffOf: [],
        staffSince: {},
        sessionVersion: 0,
        createdAt: NOW_ISO,
      },
    ]);
    // Seen again: one read, nothing written.
    expect(await cost(() => store.identities.ensureUser('wx:new', NOW))).toMatchObject({
      reads: 1,
      writes: 0,
    });
    // grantAdmin creates a user it has not seen yet.
    await store.identities.grantAdmin('wx:admin', 'digest-of-the-token', NOW);
    expect(emulator.dump('users')).toContainEqual({
      _id: 'wx:admin',
      adminDigest: 'digest-of-the-token',
      adminSince: NOW_ISO,
      staffOf: [],
      staffSince: {},
      sessionVersion: 0,
      createdAt: NOW_ISO,
    });
  });

  it('reads user documents as stored: staffOf sorted without duplicates, missing as none', async () => {
    const { store, seed } = setup();
    await seed('users', 'wx:a', { admin: true, staffOf: ['z', 'a', 'z'], createdAt: NOW_ISO });
    // An admin from before digests were kept (`admin: true` alone) has no grant the core counts.
    expect(await store.identities.getUser('wx:a')).toEqual({
      id: 'wx:a',
      adminDigest: null,
      staffOf: ['a', 'z'],
      sessionVersion: 0,
    });
    // Written before staffOf existed.
    await seed('users', 'wx:old', { admin: false, createdAt: NOW_ISO });
    expect(await store.identities.getUser('wx:old')).toEqual({
      id: 'wx:old',
      adminDigest: null,
      staffOf: [],
      sessionVersion: 0,
    });
    await seed('users', 'wx:bad', { admin: false, staffOf: 'c1' });
    await expect(store.identities.getUser('wx:bad')).rejects.toThrow(
      'users/wx:bad: bad or missing "staffOf"',
    );
  });

  it('rethrows an add failure that left no user behind', async () => {
    const { emulator, store } = setup();
    emulator.inject({ collection: 'users', op: 'add', error: 'system' });
    await expect(store.identities.ensureUser('wx:a', NOW)).rejects.toThrow(/系统错误/);
    expect(emulator.dump('users')).toEqual([]);
  });
});

describe('identities: invites', () => {
  it('stores an invite under its code with UTC ISO instants, unused; an unparseable expiry is refused', async () => {
    const { emulator, store } = setup();
    await store.identities.createInvite(invite('ABCDEFGH23', '2026-12-09T18:30:00+08:00'), NOW);
    expect(emulator.dump('invites')).toEqual([
      {
        _id: 'ABCDEFGH23',
        community: 'c1',
        createdBy: 'wx:admin',
        createdAt: NOW_ISO,
        expiresAt: '2026-12-09T10:30:00.000Z',
        usedBy: null,
        usedAt: null,
        cancelledAt: null,
      },
    ]);
    await expect(store.identities.createInvite(invite('X', 'soon'), NOW)).rejects.toThrow(
      'Invalid instant',
    );
    expect(emulator.dump('invites')).toHaveLength(1);
  });

  it('redeems in one transaction: the invite marked used, a missing user created as staff', async () => {
    const { emulator, store, cost } = setup();
    await store.identities.createInvite(invite('CODE000001'), NOW);
    expect(
      await cost(() => store.identities.redeemInvite('CODE000001', 'wx:b', NOW)),
    ).toMatchObject({
      result: { ok: true, community: 'c1' },
      // get the invite, update it, get the user, set the user.
      reads: 2,
      writes: 2,
      outside: 0,
      transactions: 1,
    });
    expect(emulator.dump('invites')[0]).toMatchObject({ usedBy: 'wx:b', usedAt: NOW_ISO });
    expect(emulator.dump('users')).toEqual([
      {
        _id: 'wx:b',
        adminDigest: null,
        staffOf: ['c1'],
        staffSince: { c1: NOW_ISO },
        sessionVersion: 0,
        createdAt: NOW_ISO,
      },
    ]);
    // Refusals read the invite only.
    for (const code of ['CODE000001', 'NOSUCHCODE']) {
      expect(await cost(() => store.identities.redeemInvite(code, 'wx:c', NOW))).toMatchObject({
        result: { ok: false },
        reads: 1,
        writes: 0,
      });
    }
    // An existing staff member of the community: nothing to write on the user.
    await store.identities.createInvite(invite('CODE000002'), NOW);
    expect(
      await cost(() => store.identities.redeemInvite('CODE000002', 'wx:b', NOW)),
    ).toMatchObject({ result: { ok: true }, reads: 2, writes: 1 });
  });

  it('checks used before expired, and treats the expiry instant and an unreadable expiry as expired', async () => {
    const { store, seed } = setup();
    await store.identities.createInvite(invite('CODE000001', NOW_ISO), NOW);
    expect(await store.identities.redeemInvite('CODE000001', 'wx:b', NOW)).toEqual({
      ok: false,
      reason: 'expired',
    });
    const stored = { community: 'c1', createdBy: 'wx:admin', createdAt: NOW_ISO, usedAt: null };
    await seed('invites', 'CODE000002', { ...stored, expiresAt: 'next week', usedBy: null });
    expect(await store.identities.redeemInvite('CODE000002', 'wx:b', NOW)).toEqual({
      ok: false,
      reason: 'expired',
    });
    await seed('invites', 'CODE000003', {
      ...stored,
      expiresAt: '2020-01-01T00:00:00.000Z',
      usedBy: 'wx:c',
    });
    expect(await store.identities.redeemInvite('CODE000003', 'wx:b', NOW)).toEqual({
      ok: false,
      reason: 'used',
    });
    // A code this user already used is used, too.
    await store.identities.createInvite(invite('CODE000004'), NOW);
    await store.identities.redeemInvite('CODE000004', 'wx:b', NOW);
    expect(await store.identities.redeemInvite('CODE000004', 'wx:b', NOW)).toEqual({
      ok: false,
      reason: 'used',
    });
    await seed('invites', 'CODE000005', { createdBy: 'wx:admin', usedBy: null });
    await expect(store.identities.redeemInvite('CODE000005', 'wx:b', NOW)).rejects.toThrow(
      'Malformed invite CODE000005: no community',
    );
  });

  it('lets exactly one of ten racers take a code: the losers conflict, run again and see it used', async () => {
    const { emulator, store } = setup();
    await store.identities.createInvite(invite('CODE000001'), NOW);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.identities.redeemInvite('CODE000001', `wx:r${i}`, NOW),
      ),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [`wx:r${i}`] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(9).fill({ ok: false, reason: 'used' }));
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    expect(emulator.dump('invites')[0]).toMatchObject({ usedBy: winners[0] });
    expect(emulator.dump('users')).toEqual([expect.objectContaining({ _id: winners[0] })]);
  });

  it(`gives up after ${FEW_RACERS.attempts} conflicted transactions with UNAVAILABLE`, async () => {
    const { emulator, store } = setup();
    await store.identities.createInvite(invite('CODE000001'), NOW);
    jest.spyOn(Math, 'random').mockReturnValue(0);
    emulator.inject({ collection: 'invites', op: 'update', error: 'conflict', times: Infinity });
    emulator.resetCounts();
    await expect(store.identities.redeemInvite('CODE000001', 'wx:b', NOW)).rejects.toBeInstanceOf(
      Unavailable,
    );
    expect(emulator.counts().transactions.started).toBe(FEW_RACERS.attempts);
    expect(emulator.dump('invites')[0]).toMatchObject({ usedBy: null });
  });
});

describe('collectionPrefix', () => {
  it('prefixes every collection, inside transactions too; close() touches nothing', async () => {
    // Only the prefixed collections exist: any unprefixed name would fail as missing.
    const { emulator, store } = setup({ prefix: 'contract_' });
    await store.communities.save(sampleCommunity());
    expect(await store.communities.list()).toEqual([{ id: 'c1', name: '测试社区' }]);
    await store.identities.ensureUser('wx:a', NOW);
    await store.identities.createInvite(invite('CODE000001'), NOW);
    expect(await store.identities.redeemInvite('CODE000001', 'wx:a', NOW)).toEqual({
      ok: true,
      community: 'c1',
    });
    expect((await store.identities.getUser('wx:a'))?.staffOf).toEqual(['c1']);
    const used = new Set(emulator.log().map((op) => op.collection));
    expect([...used].sort()).toEqual([
      'contract_communities',
      'contract_invites',
      'contract_users',
    ]);
    emulator.resetCounts();
    await expect(store.close()).resolves.toBeUndefined();
    expect(emulator.log()).toEqual([]);
  });
});
