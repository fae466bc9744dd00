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

    /** The sample community as stored: evenings on Wednesday (2026-12-02) and Friday. */
    const saved = async () => {
      const found = await store.communities.get('c1');
      if (!found) throw new Error('community c1 missing');
      return found;
    };
    const member = async (code: string, userId: string) => {
      await store.volunteers.createInvite(invite(code));
      expect(await store.volunteers.redeemInvite(code, userId, NOW)).toMatchObject({ ok: true });
    };
    const request = (id: string, fields: Partial<{ date: string; service: string }> = {}) => ({
      date: '2026-12-02',
      service: 'library',
      id,
      today: '2026-12-02',
      now: NOW,
      ...fields,
    });

    it('makes one sign-up per volunteer and evening: two at once, then a retry, make one', async () => {
      const { volunteers } = store;
      const community = await saved();
      await member('VOLCODE010', 'u1');
      const both = await Promise.all([
        volunteers.signUp(community, 'u1', request('race-a')),
        volunteers.signUp(community, 'u1', request('race-b')),
      ]);
      expect(both.every((d) => d.ok)).toBe(true);
      const evening = await volunteers.shifts('c1', '2026-12-02');
      expect(evening).toHaveLength(1);
      const [only] = evening;
      expect(both.map((d) => d.ok && d.shift.id)).toEqual([only!.id, only!.id]);
      const retried = await volunteers.signUp(community, 'u1', request('race-c'));
      expect(retried).toMatchObject({ ok: true, shift: { id: only!.id } });
      expect(await volunteers.shifts('c1', '2026-12-02')).toHaveLength(1);
      // Another evening, and another volunteer, are sign-ups of their own.
      await member('VOLCODE011', 'u2');
      await volunteers.signUp(community, 'u2', request('other-volunteer'));
      await volunteers.signUp(community, 'u1', request('next-week', { date: '2026-12-09' }));
      expect(await volunteers.shifts('c1', '2026-12-02')).toHaveLength(2);
      expect((await volunteers.shiftsOf('u1')).map((s) => s.date)).toEqual([
        '2026-12-09',
        '2026-12-02',
      ]);
    });

    it('refuses a sign-up of someone who is not a volunteer of the community, writing nothing', async () => {
      const { volunteers } = store;
      expect(await volunteers.signUp(await saved(), 'u9', request('stranger'))).toEqual({
        ok: false,
        reason: 'not-member',
      });
      expect(await volunteers.shifts('c1', '2026-12-02')).toEqual([]);
    });

    it('lets a volunteer withdraw their own sign-up ahead, and sign up again that evening', async () => {
      const { volunteers } = store;
      const community = await saved();
      await member('VOLCODE012', 'u1');
      const ahead = await volunteers.signUp(
        community,
        'u1',
        request('ahead', { date: '2026-12-09' }),
      );
      const tonight = await volunteers.signUp(community, 'u1', request('tonight'));
      if (!ahead.ok || !tonight.ok) throw new Error('sign-ups refused');
      expect(await volunteers.cancelSignUp(ahead.shift.id, 'u2', '2026-12-02')).toMatchObject({
        ok: false,
        reason: 'unknown',
      });
      expect(await volunteers.cancelSignUp(tonight.shift.id, 'u1', '2026-12-02')).toMatchObject({
        ok: false,
        reason: 'started',
      });
      expect(await volunteers.cancelSignUp(ahead.shift.id, 'u1', '2026-12-02')).toMatchObject({
        ok: true,
      });
      expect(await volunteers.getShift(ahead.shift.id)).toBeNull();
      expect(await volunteers.getShift(tonight.shift.id)).not.toBeNull();
      expect(await volunteers.cancelSignUp(ahead.shift.id, 'u1', '2026-12-02')).toMatchObject({
        ok: false,
        reason: 'unknown',
      });
      const again = await volunteers.signUp(
        community,
        'u1',
        request('again', { date: '2026-12-09' }),
      );
      expect(again).toMatchObject({ ok: true, shift: { id: 'again' } });
      expect(await volunteers.shifts('c1', '2026-12-09')).toHaveLength(1);
    });

    it('revokes a volunteer: membership gone, sign-ups ahead withdrawn, hours and tonight kept', async () => {
      const { volunteers } = store;
      const community = await saved();
      await member('VOLCODE013', 'u1');
      await member('VOLCODE014', 'u2');
      await volunteers.putShift(
        shift('logged', { date: '2026-11-25', minutes: 120, loggedBy: 'staff-1' }),
      );
      await volunteers.signUp(community, 'u1', request('tonight'));
      await volunteers.signUp(community, 'u1', request('ahead1', { date: '2026-12-09' }));
      await volunteers.signUp(community, 'u1', request('ahead2', { date: '2026-12-16' }));
      await volunteers.signUp(community, 'u2', request('theirs', { date: '2026-12-09' }));
      await volunteers.putShift(shift('elsewhere', { community: 'c2', date: '2026-12-09' }));
      expect(await volunteers.revoke('c1', 'u1', '2026-12-02')).toEqual({ ok: true, withdrawn: 2 });
      expect(await volunteers.getVolunteer('c1', 'u1')).toBeNull();
      expect((await volunteers.shiftsOf('u1')).map((s) => s.id).sort()).toEqual(
        ['elsewhere', 'logged', 'tonight'].sort(),
      );
      expect(await volunteers.getShift('logged')).toMatchObject({ minutes: 120 });
      expect((await volunteers.shifts('c1', '2026-12-09')).map((s) => s.id)).toEqual(['theirs']);
      expect(
        await volunteers.signUp(community, 'u1', request('after', { date: '2026-12-09' })),
      ).toEqual({
        ok: false,
        reason: 'not-member',
      });
      expect(await volunteers.revoke('c1', 'u1', '2026-12-02')).toEqual({ ok: false });
      expect(await volunteers.getVolunteer('c1', 'u2')).not.toBeNull();
    });

    it('lists open invites and cancels one of its community: then it cannot be redeemed', async () => {
      const { volunteers } = store;
      await volunteers.createInvite(
        invite('VOLCODE020', { createdAt: '2026-12-01T01:00:00.000Z' }),
      );
      await volunteers.createInvite(
        invite('VOLCODE021', { createdAt: '2026-12-01T03:00:00.000Z' }),
      );
      await volunteers.createInvite(
        invite('VOLCODE022', { expiresAt: '2026-12-02T18:00:00+08:00' }),
      );
      await volunteers.createInvite(invite('VOLCODE023', { community: 'c2' }));
      await volunteers.createInvite(invite('VOLCODE024'));
      await volunteers.redeemInvite('VOLCODE024', 'u4', NOW);
      expect((await volunteers.openInvites('c1', NOW)).map((i) => i.code)).toEqual([
        'VOLCODE021',
        'VOLCODE020',
      ]);
      expect(await volunteers.cancelInvite('VOLCODE023', 'c1', NOW)).toEqual({
        ok: false,
        reason: 'unknown',
      });
      expect(await volunteers.cancelInvite('VOLCODE024', 'c1', NOW)).toMatchObject({
        reason: 'used',
      });
      expect(await volunteers.cancelInvite('VOLCODE022', 'c1', NOW)).toMatchObject({
        reason: 'expired',
      });
      expect(await volunteers.cancelInvite('VOLCODE020', 'c1', NOW)).toEqual({
        ok: true,
        community: 'c1',
      });
      expect(await volunteers.cancelInvite('VOLCODE020', 'c1', NOW)).toMatchObject({
        reason: 'cancelled',
      });
      expect((await volunteers.openInvites('c1', NOW)).map((i) => i.code)).toEqual(['VOLCODE021']);
      expect(await volunteers.redeemInvite('VOLCODE020', 'u5', NOW)).toEqual({
        ok: false,
        reason: 'cancelled',
      });
      expect(await volunteers.getVolunteer('c1', 'u5')).toBeNull();
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
