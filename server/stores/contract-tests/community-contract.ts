/**
 * Communities the admin makes (#16) as every store must keep them: create refuses a taken id
 * atomically (of two racing creates, one wins), update replaces the admin's fields and keeps the
 * rest, archive and restore show in the list. Each adapter's contract test calls
 * describeCommunityContract with the opener it gives describeStoreContract.
 */
import type { NewCommunity, Store } from '../../core/ports';
import { sampleCommunity } from './store-contract';

const THURSDAY = { weekday: 4, opensAt: '17:30', closesAt: '20:00' };

const shishan = (fields: Partial<NewCommunity> = {}): NewCommunity => ({
  id: 'shishan',
  name: '狮山社区',
  address: '狮山路 88 号',
  contactPhone: '0512-6888 1234',
  evenings: [THURSDAY],
  services: sampleCommunity().services,
  ...fields,
});

export function describeCommunityContract(name: string, open: () => Promise<Store>): void {
  describe(`community contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store?.close();
    });

    it('creates a community with every field, in use and without limits or notices', async () => {
      expect(await store.communities.create(shishan())).toBe(true);
      expect(await store.communities.get('shishan')).toEqual({
        id: 'shishan',
        name: '狮山社区',
        address: '狮山路 88 号',
        contactPhone: '0512-6888 1234',
        limits: null,
        archivedAt: null,
        evenings: [THURSDAY],
        services: [...sampleCommunity().services].sort((a, b) => a.sort - b.sort),
      });
      expect((await store.communities.withBoard('shishan'))?.board).toEqual([]);
      expect(await store.communities.list()).toEqual([{ id: 'shishan', name: '狮山社区' }]);
    });

    it('refuses a taken id and changes nothing', async () => {
      await store.communities.save(sampleCommunity('jinse', '金色里程社区'));
      await store.communities.setContactPhone('jinse', '0512-1111 2222');
      expect(await store.communities.create(shishan({ id: 'jinse', name: '冒名社区' }))).toBe(
        false,
      );
      expect(await store.communities.get('jinse')).toMatchObject({
        name: '金色里程社区',
        address: '',
        contactPhone: '0512-1111 2222',
        evenings: sampleCommunity().evenings.sort((a, b) => a.weekday - b.weekday),
      });
      // An archived community keeps its id too.
      await store.communities.setArchived('jinse', '2026-12-01T00:00:00.000Z');
      expect(await store.communities.create(shishan({ id: 'jinse' }))).toBe(false);
    });

    it('lets exactly one of two racing creates of one id win', async () => {
      const results = await Promise.all([
        store.communities.create(shishan({ name: '狮山甲' })),
        store.communities.create(shishan({ name: '狮山乙' })),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results[0] ? '狮山甲' : '狮山乙';
      expect((await store.communities.get('shishan'))?.name).toBe(winner);
      expect(await store.communities.list()).toHaveLength(1);
    });

    it("updates the admin's fields and keeps services, limits, board and archive", async () => {
      await store.communities.create(shishan());
      const limits = {
        bookingsPerEvening: 1,
        openBookings: 2,
        numbersPerEvening: 2,
        openSignUps: 1,
      };
      await store.communities.setLimits('shishan', limits);
      const before = await store.communities.withBoard('shishan');
      const evenings = [
        { weekday: 2, opensAt: '18:00', closesAt: '20:30' },
        { weekday: 6, opensAt: '09:00', closesAt: '11:00' },
      ];
      expect(
        await store.communities.update('shishan', {
          name: '狮山新村社区',
          address: '',
          contactPhone: null,
          evenings,
        }),
      ).toBe(true);
      expect(await store.communities.get('shishan')).toEqual({
        ...before?.community,
        name: '狮山新村社区',
        address: '',
        contactPhone: null,
        evenings,
        limits,
      });
      expect((await store.communities.withBoard('shishan'))?.board).toEqual(before?.board);
      expect(
        await store.communities.update('nope', {
          name: '无',
          address: '',
          contactPhone: null,
          evenings,
        }),
      ).toBe(false);
      expect(await store.communities.get('nope')).toBeNull();
    });

    it('archives and restores, shown in the list; saving the setup keeps both', async () => {
      await store.communities.create(shishan());
      await store.communities.save(sampleCommunity('alpha', '甲'));
      const at = '2026-12-03T02:00:00.000Z';
      expect(await store.communities.setArchived('shishan', at)).toBe(true);
      expect((await store.communities.get('shishan'))?.archivedAt).toBe(at);
      expect(await store.communities.list()).toEqual([
        { id: 'alpha', name: '甲' },
        { id: 'shishan', name: '狮山社区', archived: true },
      ]);
      // A new service from a round saves the setup without an address: address and archive stay.
      const current = (await store.communities.get('shishan'))!;
      await store.communities.save({
        id: current.id,
        name: current.name,
        evenings: current.evenings,
        services: current.services.slice(1),
      });
      expect(await store.communities.get('shishan')).toMatchObject({
        address: '狮山路 88 号',
        archivedAt: at,
      });
      expect(await store.communities.setArchived('shishan', null)).toBe(true);
      expect((await store.communities.withBoard('shishan'))?.community.archivedAt).toBeNull();
      expect(await store.communities.list()).toEqual([
        { id: 'alpha', name: '甲' },
        { id: 'shishan', name: '狮山社区' },
      ]);
      expect(await store.communities.setArchived('nope', at)).toBe(false);
    });
  });
}
