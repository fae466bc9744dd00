/**
 * Volunteers and partner organisations (#16) as every store must keep them: organisations,
 * one-time volunteer invites redeemed once, memberships, sign-ups per evening with the hours the
 * core's decision allows, and erase. Each adapter's contract test calls
 * describeVolunteerContract with the opener it gives describeStoreContract.
 */
import type {
  OrgRecord,
  Store,
  VolunteerInviteRecord,
  VolunteerShiftRecord,
} from '../../core/ports';
import { sampleCommunity } from './store-contract';

/** Wednesday 2026-12-02 18:30 in Suzhou. */
const NOW = new Date('2026-12-02T10:30:00.000Z');

const org: OrgRecord = {
  id: 'o1',
  community: 'c1',
  name: '姑苏区某志愿服务队',
  kind: '志愿服务队',
  contact: '王老师 13812345678',
  createdAt: '2026-12-01T01:00:00.000Z',
};
const invite = (code: string, fields: Partial<VolunteerInviteRecord> = {}) => ({
  code,
  community: 'c1',
  org: 'o1',
  orgName: '姑苏区某志愿服务队',
  name: '张志愿',
  createdBy: 'staff-1',
  createdAt: '2026-12-01T02:00:00.000Z',
  expiresAt: '2026-12-08T10:00:00+08:00',
  usedBy: null,
  cancelledAt: null,
  ...fields,
});
const shift = (id: string, fields: Partial<VolunteerShiftRecord> = {}): VolunteerShiftRecord => ({
  id,
  community: 'c1',
  date: '2026-12-02',
  service: 'library',
  userId: 'u1',
  name: '张志愿',
  orgName: '姑苏区某志愿服务队',
  minutes: null,
  loggedBy: null,
  createdAt: `2026-12-01T03:00:0${id.length % 10}.000Z`,
  ...fields,
});

export function describeVolunteerContract(name: string, open: () => Promise<Store>): void {
  describe(`volunteer contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      await store.communities.save(sampleCommunity());
    });
    afterEach(async () => {
      await store?.close();
    });

    it('keeps a community’s organisations in the order added, and edits one in place', async () => {
      const { volunteers } = store;
      await volunteers.saveOrg(org);
      await volunteers.saveOrg({
        ...org,
        id: 'o2',
        name: '某社会组织',
        kind: '社会组织',
        createdAt: '2026-12-01T02:00:00.000Z',
      });
      await volunteers.saveOrg({ ...org, id: 'o3', community: 'c2' });
      await volunteers.saveOrg({ ...org, contact: '李老师' });
      expect(await volunteers.orgs('c1')).toEqual([
        { ...org, contact: '李老师' },
        {
          ...org,
          id: 'o2',
          name: '某社会组织',
          kind: '社会组织',
          createdAt: '2026-12-01T02:00:00.000Z',
        },
      ]);
      expect(await volunteers.getOrg('o3')).toEqual({ ...org, id: 'o3', community: 'c2' });
      expect(await volunteers.getOrg('nope')).toBeNull();
    });

    it('redeems a volunteer invite once: the membership is written, a second use refused', async () => {
      const { volunteers } = store;
      await volunteers.createInvite(invite('VOLCODE001'));
      expect(await volunteers.redeemInvite('VOLCODE001', 'u1', NOW)).toEqual({
        ok: true,
        community: 'c1',
      });
      expect(await volunteers.redeemInvite('VOLCODE001', 'u2', NOW)).toEqual({
        ok: false,
        reason: 'used',
      });
      expect(await volunteers.redeemInvite('UNKNOWN001', 'u2', NOW)).toEqual({
        ok: false,
        reason: 'unknown',
      });
      await volunteers.createInvite(
        invite('VOLCODE002', { expiresAt: '2026-12-02T18:00:00+08:00' }),
      );
      expect(await volunteers.redeemInvite('VOLCODE002', 'u2', NOW)).toEqual({
        ok: false,
        reason: 'expired',
      });
      const member = {
        userId: 'u1',
        community: 'c1',
        org: 'o1',
        orgName: '姑苏区某志愿服务队',
        name: '张志愿',
        since: NOW.toISOString(),
      };
      expect(await volunteers.getVolunteer('c1', 'u1')).toEqual(member);
      expect(await volunteers.getVolunteer('c2', 'u1')).toBeNull();
      expect(await volunteers.getVolunteer('c1', 'u2')).toBeNull();
      expect(await volunteers.volunteers('c1')).toEqual([member]);
      expect(await volunteers.membershipsOf('u1')).toEqual([member]);
    });

    it('races two redeemers for one code: exactly one becomes a volunteer', async () => {
      const { volunteers } = store;
      await volunteers.createInvite(invite('VOLCODE003'));
      const results = await Promise.all([
        volunteers.redeemInvite('VOLCODE003', 'ua', NOW),
        volunteers.redeemInvite('VOLCODE003', 'ub', NOW),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(await volunteers.volunteers('c1')).toHaveLength(1);
    });

    it('keeps sign-ups per evening, between dates and per volunteer, and replaces one by id', async () => {
      const { volunteers } = store;
      await volunteers.putShift(shift('s1'));
      await volunteers.putShift(shift('s22', { userId: 'u2', name: '李志愿', orgName: null }));
      await volunteers.putShift(shift('s333', { date: '2026-12-09' }));
      await volunteers.putShift(
        shift('s4444', { date: '2026-11-25', minutes: 120, loggedBy: 'staff-1' }),
      );
      await volunteers.putShift(shift('s55555', { community: 'c2' }));
      await volunteers.putShift(shift('s1', { service: 'paperwork' }));
      expect((await volunteers.shifts('c1', '2026-12-02')).map((s) => [s.id, s.service])).toEqual([
        ['s1', 'paperwork'],
        ['s22', 'library'],
      ]);
      expect(await volunteers.getShift('s22')).toEqual(
        shift('s22', { userId: 'u2', name: '李志愿', orgName: null }),
      );
      expect(
        (await volunteers.shiftsBetween('c1', '2026-11-25', '2026-12-02')).map((s) => s.id),
      ).toEqual(['s4444', 's1', 's22']);
      expect((await volunteers.shiftsOf('u1')).map((s) => s.id).sort()).toEqual(
        ['s1', 's333', 's4444', 's55555'].sort(),
      );
      expect((await volunteers.shiftsOf('u1'))[0]?.date).toBe('2026-12-09');
    });

    it('logs hours as the core decides, and refuses an evening still ahead unchanged', async () => {
      const { volunteers } = store;
      await volunteers.putShift(shift('s1'));
      await volunteers.putShift(shift('s2', { date: '2026-12-09' }));
      expect(await volunteers.logHours('s1', 150, 'staff-1', '2026-12-02')).toMatchObject({
        minutes: 150,
        loggedBy: 'staff-1',
      });
      expect(await volunteers.getShift('s1')).toMatchObject({ minutes: 150 });
      expect(await volunteers.logHours('s2', 150, 'staff-1', '2026-12-02')).toBeNull();
      expect(await volunteers.getShift('s2')).toMatchObject({ minutes: null });
      expect(await volunteers.logHours('missing', 150, 'staff-1', '2026-12-02')).toBeNull();
    });

    it('erases a volunteer: membership gone, hours anonymous, the used code stays used', async () => {
      const { volunteers } = store;
      await volunteers.createInvite(invite('VOLCODE004'));
      await volunteers.redeemInvite('VOLCODE004', 'u1', NOW);
      await volunteers.putShift(shift('s1', { minutes: 90, loggedBy: 'staff-1' }));
      await volunteers.putShift(shift('s2', { userId: 'u2', name: '李志愿' }));
      expect(await volunteers.erase('u1')).toBe(3);
      expect(await volunteers.getVolunteer('c1', 'u1')).toBeNull();
      expect(await volunteers.membershipsOf('u1')).toEqual([]);
      expect(await volunteers.shiftsOf('u1')).toEqual([]);
      expect(await volunteers.getShift('s1')).toMatchObject({
        userId: '',
        name: '已删除',
        minutes: 90,
      });
      expect(await volunteers.getShift('s2')).toMatchObject({ userId: 'u2', name: '李志愿' });
      expect(await volunteers.redeemInvite('VOLCODE004', 'u3', NOW)).toEqual({
        ok: false,
        reason: 'used',
      });
      expect(await volunteers.erase('u1')).toBe(0);
    });
  });
}
