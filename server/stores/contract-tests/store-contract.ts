/**
 * The behaviour every store adapter must share. Each adapter's test file calls
 * describeStoreContract with a way to open a fresh, empty store.
 */
import type { CommunityRecord, Store } from '../../core/ports';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const LATER = new Date('2026-12-20T10:00:00.000Z');

export const sampleCommunity = (id = 'c1', name = '测试社区'): CommunityRecord => ({
  id,
  name,
  evenings: [
    { weekday: 5, opensAt: '18:00', closesAt: '21:00' },
    { weekday: 3, opensAt: '17:00', closesAt: '20:00' },
  ],
  services: [
    { id: 'library', name: '图书阅览', kind: 'queue', description: '看书', sort: 2 },
    { id: 'paperwork', name: '政务服务', kind: 'booking', description: '办事', sort: 1 },
  ],
});

export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store?.close();
    });

    describe('communities', () => {
      it('round-trips a community with its evenings and services in order', async () => {
        await store.communities.save(sampleCommunity());
        const got = await store.communities.get('c1');
        expect(got?.name).toBe('测试社区');
        expect(got?.evenings.map((e) => e.weekday).sort()).toEqual([3, 5]);
        expect(got?.services.map((s) => s.id)).toEqual(['paperwork', 'library']);
        expect(got?.services[1]).toEqual({
          id: 'library',
          name: '图书阅览',
          kind: 'queue',
          description: '看书',
          sort: 2,
        });
      });

      it('lists communities ordered by id and returns null for an unknown one', async () => {
        await store.communities.save(sampleCommunity('zeta', '乙'));
        await store.communities.save(sampleCommunity('alpha', '甲'));
        expect(await store.communities.list()).toEqual([
          { id: 'alpha', name: '甲' },
          { id: 'zeta', name: '乙' },
        ]);
        expect(await store.communities.get('nope')).toBeNull();
      });

      it('replaces services and evenings on save', async () => {
        await store.communities.save(sampleCommunity());
        const changed = sampleCommunity();
        changed.name = '改名社区';
        changed.services = [changed.services[0]!];
        changed.evenings = [{ weekday: 2, opensAt: '17:30', closesAt: '20:30' }];
        await store.communities.save(changed);
        const got = await store.communities.get('c1');
        expect(got?.name).toBe('改名社区');
        expect(got?.services.map((s) => s.id)).toEqual(['library']);
        expect(got?.evenings).toEqual([{ weekday: 2, opensAt: '17:30', closesAt: '20:30' }]);
      });
    });

    describe('identities', () => {
      beforeEach(async () => {
        await store.communities.save(sampleCommunity('c1'));
        await store.communities.save(sampleCommunity('c2'));
        await store.identities.ensureUser('admin-1', NOW);
      });

      const invite = (code: string, community = 'c1', expiresAt = '2026-12-09T10:00:00.000Z') =>
        store.identities.createInvite({ code, community, createdBy: 'admin-1', expiresAt }, NOW);

      it('creates a resident on first sight and returns the same record after', async () => {
        expect(await store.identities.getUser('u1')).toBeNull();
        expect(await store.identities.ensureUser('u1', NOW)).toEqual({
          id: 'u1',
          admin: false,
          staffOf: [],
        });
        expect(await store.identities.ensureUser('u1', NOW)).toEqual({
          id: 'u1',
          admin: false,
          staffOf: [],
        });
      });

      it('survives two first sights of one user at once', async () => {
        const both = await Promise.all([
          store.identities.ensureUser('u2', NOW),
          store.identities.ensureUser('u2', NOW),
        ]);
        expect(both[0]).toEqual(both[1]);
      });

      it('grants admin', async () => {
        await store.identities.ensureUser('u1', NOW);
        await store.identities.grantAdmin('u1', NOW);
        expect((await store.identities.getUser('u1'))?.admin).toBe(true);
      });

      it('redeems an invite once, making the user staff of its community', async () => {
        await invite('CODE000001');
        await store.identities.ensureUser('u1', NOW);
        expect(await store.identities.redeemInvite('CODE000001', 'u1', NOW)).toEqual({
          ok: true,
          community: 'c1',
        });
        expect((await store.identities.getUser('u1'))?.staffOf).toEqual(['c1']);
        expect(await store.identities.redeemInvite('CODE000001', 'u2', NOW)).toEqual({
          ok: false,
          reason: 'used',
        });
        expect((await store.identities.getUser('u2'))?.staffOf ?? []).toEqual([]);
      });

      it('refuses unknown and expired codes', async () => {
        await invite('CODE000002');
        expect(await store.identities.redeemInvite('NOSUCHCODE', 'u1', NOW)).toEqual({
          ok: false,
          reason: 'unknown',
        });
        expect(await store.identities.redeemInvite('CODE000002', 'u1', LATER)).toEqual({
          ok: false,
          reason: 'expired',
        });
      });

      it('lets exactly one of two racing users take a code', async () => {
        await invite('CODE000003');
        const results = await Promise.all([
          store.identities.redeemInvite('CODE000003', 'r1', NOW),
          store.identities.redeemInvite('CODE000003', 'r2', NOW),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
      });

      it('keeps one membership per community and lists several communities in order', async () => {
        await invite('CODE000004', 'c2');
        await invite('CODE000005', 'c1');
        await invite('CODE000006', 'c1');
        await store.identities.redeemInvite('CODE000004', 'u1', NOW);
        await store.identities.redeemInvite('CODE000005', 'u1', NOW);
        await store.identities.redeemInvite('CODE000006', 'u1', NOW);
        expect((await store.identities.getUser('u1'))?.staffOf).toEqual(['c1', 'c2']);
      });
    });
  });
}
