import type { CommunityRecord } from '../../core/ports';
import { createCloudBaseStore, PAGE_SIZE, REDEEM_ATTEMPTS } from './index';
import { mockDb, notFoundError, type MockDb } from './mock-sdk';

const NOW = new Date('2026-12-02T10:30:00.000Z');
const NOW_ISO = '2026-12-02T10:30:00.000Z';

let mock: MockDb;
const store = () => createCloudBaseStore(mock.db);

beforeEach(() => {
  mock = mockDb();
});

const summaries = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const id = `c${String(from + i).padStart(4, '0')}`;
    return { _id: id, name: `社区 ${id}` };
  });

describe('communities.list', () => {
  it('reads one page ordered by _id when there are fewer than 100', async () => {
    mock.pages.push(summaries(0, 3));
    const list = await store().communities.list();
    expect(list).toEqual([
      { id: 'c0000', name: '社区 c0000' },
      { id: 'c0001', name: '社区 c0001' },
      { id: 'c0002', name: '社区 c0002' },
    ]);
    expect(mock.queries).toEqual([
      {
        collection: 'communities',
        steps: [
          ['orderBy', '_id', 'asc'],
          ['skip', 0],
          ['limit', 100],
          ['field', { _id: true, name: true }],
          ['get'],
        ],
      },
    ]);
  });

  it('pages past the 100-per-read cap with skip/limit', async () => {
    mock.pages.push(summaries(0, 100), summaries(100, 100), summaries(200, 5));
    const list = await store().communities.list();
    expect(PAGE_SIZE).toBe(100);
    expect(list).toHaveLength(205);
    expect(list[0]!.id).toBe('c0000');
    expect(list[204]!.id).toBe('c0204');
    expect(mock.queries.map((q) => q.steps.find(([s]) => s === 'skip'))).toEqual([
      ['skip', 0],
      ['skip', 100],
      ['skip', 200],
    ]);
    for (const q of mock.queries) {
      expect(q.collection).toBe('communities');
      expect(q.steps).toContainEqual(['orderBy', '_id', 'asc']);
      expect(q.steps).toContainEqual(['limit', 100]);
    }
  });

  it('stops after an empty page when the total is a multiple of 100', async () => {
    mock.pages.push(summaries(0, 100));
    const list = await store().communities.list();
    expect(list).toHaveLength(100);
    expect(mock.queries).toHaveLength(2);
  });

  it('returns an empty list for an empty collection', async () => {
    expect(await store().communities.list()).toEqual([]);
  });
});

describe('communities.get', () => {
  it('reads the document by _id and orders evenings and services', async () => {
    mock.doc('communities', 'c1').get.mockResolvedValueOnce({
      data: {
        _id: 'c1',
        name: '幸福里社区',
        evenings: [
          { weekday: 5, opensAt: '17:00', closesAt: '20:00' },
          { weekday: 3, opensAt: '17:30', closesAt: '20:00' },
        ],
        services: [
          { id: 'b', name: '理发', kind: 'booking', description: '义剪', sort: 2 },
          { id: 'a', name: '量血压', kind: 'queue', description: '血压检测', sort: 1 },
          { id: 'c', name: '阅览', kind: 'drop-in', description: '看书', sort: 2 },
        ],
      },
    });
    const community = await store().communities.get('c1');
    expect(community).toEqual({
      id: 'c1',
      name: '幸福里社区',
      evenings: [
        { weekday: 3, opensAt: '17:30', closesAt: '20:00' },
        { weekday: 5, opensAt: '17:00', closesAt: '20:00' },
      ],
      services: [
        { id: 'a', name: '量血压', kind: 'queue', description: '血压检测', sort: 1 },
        { id: 'b', name: '理发', kind: 'booking', description: '义剪', sort: 2 },
        { id: 'c', name: '阅览', kind: 'drop-in', description: '看书', sort: 2 },
      ],
    });
    expect(mock.collections).toEqual(['communities']);
  });

  it('returns null for a missing document, whether the SDK returns null or throws', async () => {
    expect(await store().communities.get('none')).toBeNull();
    mock.doc('communities', 'gone').get.mockRejectedValueOnce(notFoundError('communities', 'gone'));
    expect(await store().communities.get('gone')).toBeNull();
  });

  it('propagates other SDK errors', async () => {
    mock
      .doc('communities', 'c1')
      .get.mockRejectedValueOnce(new Error('DATABASE_COLLECTION_NOT_EXIST: collection not exists'));
    await expect(store().communities.get('c1')).rejects.toThrow('DATABASE_COLLECTION_NOT_EXIST');
  });

  it('fails loudly on a malformed document', async () => {
    mock.doc('communities', 'c1').get.mockResolvedValueOnce({
      data: {
        name: 'x',
        services: [{ id: 's', name: 's', kind: 'party', description: '', sort: 1 }],
      },
    });
    await expect(store().communities.get('c1')).rejects.toThrow(
      'communities/c1 services[0]: bad or missing "kind"',
    );
  });
});

describe('communities.save', () => {
  it('sets the whole document under the community id, without _id or extra fields', async () => {
    const community: CommunityRecord & { extra?: string } = {
      id: 'c1',
      name: '幸福里社区',
      evenings: [{ weekday: 3, opensAt: '17:30', closesAt: '20:00' }],
      services: [{ id: 'a', name: '量血压', kind: 'queue', description: '血压检测', sort: 1 }],
      extra: 'not stored',
    };
    await store().communities.save(community);
    expect(mock.doc('communities', 'c1').set).toHaveBeenCalledWith({
      data: {
        name: '幸福里社区',
        evenings: [{ weekday: 3, opensAt: '17:30', closesAt: '20:00' }],
        services: [{ id: 'a', name: '量血压', kind: 'queue', description: '血压检测', sort: 1 }],
      },
    });
  });
});

describe('identities.getUser / ensureUser', () => {
  it('maps a user document, sorting staffOf without duplicates', async () => {
    mock.doc('users', 'wx:a').get.mockResolvedValueOnce({
      data: { _id: 'wx:a', admin: true, staffOf: ['z', 'a', 'z'], createdAt: NOW_ISO },
    });
    expect(await store().identities.getUser('wx:a')).toEqual({
      id: 'wx:a',
      admin: true,
      staffOf: ['a', 'z'],
    });
    expect(await store().identities.getUser('wx:none')).toBeNull();
    expect(mock.collections).toEqual(['users', 'users']);
  });

  it('returns an existing user without writing', async () => {
    mock.doc('users', 'wx:a').get.mockResolvedValueOnce({
      data: { admin: false, staffOf: ['c1'], createdAt: NOW_ISO },
    });
    expect(await store().identities.ensureUser('wx:a', NOW)).toEqual({
      id: 'wx:a',
      admin: false,
      staffOf: ['c1'],
    });
    expect(mock.add('users')).not.toHaveBeenCalled();
  });

  it('creates a missing user with a fixed _id', async () => {
    expect(await store().identities.ensureUser('wx:new', NOW)).toEqual({
      id: 'wx:new',
      admin: false,
      staffOf: [],
    });
    expect(mock.add('users')).toHaveBeenCalledWith({
      data: { _id: 'wx:new', admin: false, staffOf: [], createdAt: NOW_ISO },
    });
  });

  it('reads again when a concurrent call added the user first (duplicate key)', async () => {
    const user = mock.doc('users', 'wx:a');
    user.get
      .mockResolvedValueOnce({ data: null })
      .mockResolvedValueOnce({ data: { admin: true, staffOf: ['c2'], createdAt: NOW_ISO } });
    mock
      .add('users')
      .mockRejectedValueOnce(new Error('collection.add:fail E11000 duplicate key error, dup key'));
    expect(await store().identities.ensureUser('wx:a', NOW)).toEqual({
      id: 'wx:a',
      admin: true,
      staffOf: ['c2'],
    });
    expect(user.get).toHaveBeenCalledTimes(2);
  });

  it('rethrows an add failure that left no user behind', async () => {
    mock.add('users').mockRejectedValueOnce(new Error('network down'));
    await expect(store().identities.ensureUser('wx:a', NOW)).rejects.toThrow('network down');
  });
});

describe('identities.grantAdmin / createInvite', () => {
  it('grantAdmin creates the user if needed and sets admin', async () => {
    await store().identities.grantAdmin('wx:a', NOW);
    expect(mock.add('users')).toHaveBeenCalledTimes(1);
    expect(mock.doc('users', 'wx:a').update).toHaveBeenCalledWith({ data: { admin: true } });
  });

  it('createInvite adds the code as _id with UTC ISO instants, unused', async () => {
    await store().identities.createInvite(
      {
        code: 'ABCDEFGH23',
        community: 'c1',
        createdBy: 'wx:admin',
        expiresAt: '2026-12-09T18:30:00+08:00',
      },
      NOW,
    );
    expect(mock.add('invites')).toHaveBeenCalledWith({
      data: {
        _id: 'ABCDEFGH23',
        community: 'c1',
        createdBy: 'wx:admin',
        createdAt: NOW_ISO,
        expiresAt: '2026-12-09T10:30:00.000Z',
        usedBy: null,
        usedAt: null,
      },
    });
  });

  it('createInvite refuses an unparseable expiry instead of storing it', async () => {
    await expect(
      store().identities.createInvite(
        { code: 'X', community: 'c1', createdBy: 'wx:admin', expiresAt: 'soon' },
        NOW,
      ),
    ).rejects.toThrow('Invalid instant');
    expect(mock.add('invites')).not.toHaveBeenCalled();
  });
});

describe('identities.redeemInvite', () => {
  const CODE = 'ABCDEFGH23';
  const invite = (fields: Record<string, unknown> = {}) => ({
    data: {
      community: 'c1',
      createdBy: 'wx:admin',
      createdAt: '2026-12-01T00:00:00.000Z',
      expiresAt: '2026-12-09T10:30:00.000Z',
      usedBy: null,
      usedAt: null,
      ...fields,
    },
  });
  const redeem = (code = CODE) => store().identities.redeemInvite(code, 'wx:b', NOW);
  const noWrites = () => {
    expect(mock.txDoc('invites', CODE).update).not.toHaveBeenCalled();
    expect(mock.txDoc('users', 'wx:b').set).not.toHaveBeenCalled();
    expect(mock.txDoc('users', 'wx:b').update).not.toHaveBeenCalled();
  };

  it('reads the invite inside a transaction: unknown code', async () => {
    expect(await redeem()).toEqual({ ok: false, reason: 'unknown' });
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txDoc('invites', CODE).get).toHaveBeenCalledTimes(1);
    // Nothing is read outside the transaction.
    expect(mock.collections).toEqual([]);
    noWrites();
  });

  it('unknown also when the SDK throws not-found inside the transaction', async () => {
    mock.txDoc('invites', CODE).get.mockRejectedValueOnce(notFoundError('invites', CODE));
    expect(await redeem()).toEqual({ ok: false, reason: 'unknown' });
  });

  it('refuses a used code', async () => {
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite({ usedBy: 'wx:c' }));
    expect(await redeem()).toEqual({ ok: false, reason: 'used' });
    noWrites();
  });

  it('refuses an expired code, including at the exact expiry instant', async () => {
    mock
      .txDoc('invites', CODE)
      .get.mockResolvedValueOnce(invite({ expiresAt: '2026-12-02T10:29:59.999Z' }));
    expect(await redeem()).toEqual({ ok: false, reason: 'expired' });
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite({ expiresAt: NOW_ISO }));
    expect(await redeem()).toEqual({ ok: false, reason: 'expired' });
    noWrites();
  });

  it('checks used before expired', async () => {
    mock
      .txDoc('invites', CODE)
      .get.mockResolvedValueOnce(invite({ usedBy: 'wx:c', expiresAt: '2020-01-01T00:00:00.000Z' }));
    expect(await redeem()).toEqual({ ok: false, reason: 'used' });
  });

  it('marks the invite used and creates a missing user as staff', async () => {
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite());
    expect(await redeem()).toEqual({ ok: true, community: 'c1' });
    expect(mock.txDoc('invites', CODE).update).toHaveBeenCalledWith({
      data: { usedBy: 'wx:b', usedAt: NOW_ISO },
    });
    expect(mock.txDoc('users', 'wx:b').set).toHaveBeenCalledWith({
      data: { admin: false, staffOf: ['c1'], createdAt: NOW_ISO },
    });
    expect(mock.collections).toEqual([]);
  });

  it('adds the community to an existing user, sorted', async () => {
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite());
    mock.txDoc('users', 'wx:b').get.mockResolvedValueOnce({
      data: { admin: false, staffOf: ['z', 'a'], createdAt: NOW_ISO },
    });
    expect(await redeem()).toEqual({ ok: true, community: 'c1' });
    expect(mock.txDoc('users', 'wx:b').update).toHaveBeenCalledWith({
      data: { staffOf: ['a', 'c1', 'z'] },
    });
    expect(mock.txDoc('users', 'wx:b').set).not.toHaveBeenCalled();
  });

  it('does not duplicate a community the user already serves', async () => {
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite());
    mock.txDoc('users', 'wx:b').get.mockResolvedValueOnce({
      data: { admin: false, staffOf: ['c1'], createdAt: NOW_ISO },
    });
    expect(await redeem()).toEqual({ ok: true, community: 'c1' });
    expect(mock.txDoc('invites', CODE).update).toHaveBeenCalledTimes(1);
    expect(mock.txDoc('users', 'wx:b').update).not.toHaveBeenCalled();
    expect(mock.txDoc('users', 'wx:b').set).not.toHaveBeenCalled();
  });

  it('a racer retried by the SDK after a write conflict sees the code used', async () => {
    // The SDK reruns the callback on DATABASE_TRANSACTION_CONFLICT; the rerun reads fresh data.
    mock.runTransaction.mockImplementationOnce(async (run) => {
      await run({ collection: () => ({ doc: () => mock.txDoc('invites', 'first-attempt') }) });
      return run({ collection: (name) => ({ doc: (id) => mock.txDoc(name, id) }) });
    });
    mock.txDoc('invites', 'first-attempt').get.mockResolvedValueOnce({ data: null });
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite({ usedBy: 'wx:winner' }));
    expect(await redeem()).toEqual({ ok: false, reason: 'used' });
    noWrites();
  });

  it('runs the transaction again when a write conflict escapes the SDK', async () => {
    // The losing racer's update fails; the rerun reads the winner's commit.
    mock.runTransaction.mockRejectedValueOnce(
      new Error('document.update:fail -501001 database transaction conflict'),
    );
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite({ usedBy: 'wx:winner' }));
    expect(await redeem()).toEqual({ ok: false, reason: 'used' });
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
    noWrites();
  });

  it('on a retry, a code used by this same user is its own lost commit: ok', async () => {
    mock.runTransaction.mockRejectedValueOnce(new Error('commit reply lost'));
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite({ usedBy: 'wx:b' }));
    expect(await redeem()).toEqual({ ok: true, community: 'c1' });
    noWrites();
  });

  it('a code this user already used before is still refused as used', async () => {
    mock.txDoc('invites', CODE).get.mockResolvedValueOnce(invite({ usedBy: 'wx:b' }));
    expect(await redeem()).toEqual({ ok: false, reason: 'used' });
  });

  it(`gives up after ${REDEEM_ATTEMPTS} failed transactions with the last error`, async () => {
    mock.runTransaction
      .mockRejectedValueOnce(new Error('first'))
      .mockRejectedValueOnce(new Error('second'))
      .mockRejectedValueOnce(new Error('third'))
      .mockRejectedValueOnce(new Error('DATABASE_COLLECTION_NOT_EXIST'));
    await expect(redeem()).rejects.toThrow('DATABASE_COLLECTION_NOT_EXIST');
    expect(mock.runTransaction).toHaveBeenCalledTimes(REDEEM_ATTEMPTS);
  });
});

describe('collectionPrefix', () => {
  it('prefixes every collection, inside transactions too', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' });
    await prefixed.communities.get('c1');
    await prefixed.identities.getUser('wx:a');
    await prefixed.identities.createInvite(
      { code: 'X', community: 'c1', createdBy: 'wx:a', expiresAt: NOW_ISO },
      NOW,
    );
    await prefixed.identities.redeemInvite('X', 'wx:a', NOW);
    expect(mock.collections).toEqual([
      'contract_communities',
      'contract_users',
      'contract_invites',
    ]);
    expect(mock.txDoc('contract_invites', 'X').get).toHaveBeenCalledTimes(1);
  });

  it('close() resolves and touches nothing', async () => {
    await expect(store().close()).resolves.toBeUndefined();
    expect(mock.collections).toEqual([]);
  });
});
