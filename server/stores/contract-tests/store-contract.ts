/**
 * The behaviour every store adapter must share. Each adapter's test file calls
 * describeStoreContract with a way to open a fresh, empty store.
 */
import {
  decideJoin,
  decideMove,
  openEvening,
  type JoinOutcome,
  type TicketPatch,
} from '../../core/queue/evening';
import type {
  ActivityRecord,
  Booked,
  BookRequest,
  ChangeRecord,
  CommunitySetup,
  CompanionRecord,
  LeaveRecord,
  RoundRecord,
  SentAlert,
  ShiftRecord,
  FollowUpRecord,
  LineSetup,
  NoticeRecord,
  TicketStatus,
  Store,
  SuggestionRecord,
  UploadRecord,
} from '../../core/ports';
import { uncapped } from './uncapped';

const NOW = new Date('2026-12-02T10:00:00.000Z');

/** A test booking code made from its request id: distinct per request, as random ones would be. */
const codeOf = (requestId: string) => requestId.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
const LATER = new Date('2026-12-20T10:00:00.000Z');

/** A line's setup for the queue tests: the library, open 17:00–20:00, last number at 19:30. */
export const sampleLineSetup: LineSetup = {
  name: '图书阅览',
  prefix: 'A',
  capacity: 100,
  lastJoin: '19:30',
  graceMinutes: 10,
  defaultServiceMinutes: 5,
  numbersPerResident: 3,
  opensAt: '17:00',
  closesAt: '20:00',
};

export const sampleCommunity = (id = 'c1', name = '测试社区'): CommunitySetup => ({
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

      it('lists what was just created, renamed and archived, each answer a copy', async () => {
        await store.communities.save(sampleCommunity('alpha', '甲'));
        const first = await store.communities.list();
        first[0]!.name = '改过';
        first.push({ id: 'ghost', name: '鬼' });
        expect(await store.communities.list()).toEqual([{ id: 'alpha', name: '甲' }]);
        const created = { ...sampleCommunity('beta', '乙'), address: '', contactPhone: null };
        expect(await store.communities.create(created)).toBe(true);
        expect(
          await store.communities.update('alpha', {
            name: '甲社区',
            address: '',
            contactPhone: null,
            evenings: [],
          }),
        ).toBe(true);
        expect(await store.communities.setArchived('beta', '2026-12-02T10:00:00.000Z')).toBe(true);
        expect(await store.communities.list()).toEqual([
          { id: 'alpha', name: '甲社区' },
          { id: 'beta', name: '乙', archived: true },
        ]);
        expect(await store.communities.setArchived('beta', null)).toBe(true);
        expect(await store.communities.list()).toEqual([
          { id: 'alpha', name: '甲社区' },
          { id: 'beta', name: '乙' },
        ]);
      });

      it('keeps a contact phone set apart from save, and clears it with null', async () => {
        await store.communities.save(sampleCommunity());
        expect((await store.communities.get('c1'))?.contactPhone).toBeNull();
        expect(await store.communities.setContactPhone('c1', '0512-6888 1234')).toBe(true);
        expect((await store.communities.get('c1'))?.contactPhone).toBe('0512-6888 1234');
        // Saving the setup again (a new menu, seeding) leaves the phone as it was.
        await store.communities.save({ ...sampleCommunity(), name: '改名社区' });
        expect(await store.communities.get('c1')).toMatchObject({
          name: '改名社区',
          contactPhone: '0512-6888 1234',
        });
        expect((await store.communities.withBoard('c1'))?.community.contactPhone).toBe(
          '0512-6888 1234',
        );
        expect(await store.communities.setContactPhone('c1', null)).toBe(true);
        expect((await store.communities.get('c1'))?.contactPhone).toBeNull();
        expect(await store.communities.setContactPhone('nope', '0512-6888 1234')).toBe(false);
        expect(await store.communities.get('nope')).toBeNull();
      });

      it('keeps limits per resident set apart from save; none until set', async () => {
        await store.communities.save(sampleCommunity('c1'));
        expect((await store.communities.get('c1'))?.limits).toBeNull();
        const limits = {
          bookingsPerEvening: 1,
          openBookings: 6,
          numbersPerEvening: 5,
          openSignUps: 7,
        };
        expect(await store.communities.setLimits('c1', limits)).toBe(true);
        await store.communities.save(sampleCommunity('c1', '改名社区'));
        expect((await store.communities.get('c1'))?.limits).toEqual(limits);
        expect((await store.communities.withBoard('c1'))?.community.limits).toEqual(limits);
        const next = {
          bookingsPerEvening: 3,
          openBookings: 4,
          numbersPerEvening: 2,
          openSignUps: 1,
        };
        expect(await store.communities.setLimits('c1', next)).toBe(true);
        expect((await store.communities.get('c1'))?.limits).toEqual(next);
        expect(await store.communities.setLimits('nope', next)).toBe(false);
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

    describe('community notice board', () => {
      const boardNotice = {
        id: 'n1',
        community: 'c1',
        week: '2026-11-30',
        title: '本周活动',
        cover: null,
        status: 'published' as const,
        pinned: true,
        createdBy: 'staff-1',
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        publishedAt: NOW.toISOString(),
        editedAt: null,
        activities: [
          {
            id: 'a1',
            noticeId: 'n1',
            community: 'c1',
            name: '剪纸',
            date: '2026-12-02',
            startsAt: '18:00',
            endsAt: '19:00',
            place: '活动室',
            capacity: 10,
            signUp: true,
            sort: 0,
          },
        ],
      };

      it('reads the community with its board in one call, empty until one is saved', async () => {
        await store.communities.save(sampleCommunity());
        expect(await store.communities.withBoard('c1')).toEqual({
          community: await store.communities.get('c1'),
          board: [],
        });
        await store.communities.saveBoard('c1', [boardNotice]);
        expect((await store.communities.withBoard('c1'))?.board).toEqual([boardNotice]);
        expect(await store.communities.withBoard('nope')).toBeNull();
      });

      it('keeps the board when the community is saved again, and replaces it whole', async () => {
        await store.communities.save(sampleCommunity());
        await store.communities.saveBoard('c1', [boardNotice, { ...boardNotice, id: 'n2' }]);
        await store.communities.save({ ...sampleCommunity(), name: '改名社区' });
        const page = await store.communities.withBoard('c1');
        expect(page?.community.name).toBe('改名社区');
        expect(page?.board.map((n) => n.id)).toEqual(['n1', 'n2']);
        await store.communities.saveBoard('c1', [{ ...boardNotice, activities: [] }]);
        expect((await store.communities.withBoard('c1'))?.board).toEqual([
          { ...boardNotice, activities: [] },
        ]);
      });
    });

    describe('identities', () => {
      // What the core keeps of two admin tokens (adminDigestOf): opaque strings to a store.
      const DIGEST = 'a'.repeat(64);
      const OLD_DIGEST = 'b'.repeat(64);

      beforeEach(async () => {
        await store.communities.save(sampleCommunity('c1'));
        await store.communities.save(sampleCommunity('c2'));
        await store.identities.ensureUser('admin-1', NOW);
      });

      const invite = (code: string, community = 'c1', expiresAt = '2026-12-09T10:00:00.000Z') =>
        store.identities.createInvite({ code, community, createdBy: 'admin-1', expiresAt }, NOW);

      it('creates a resident on first sight and returns the same record after', async () => {
        expect(await store.identities.getUser('u1')).toBeNull();
        const resident = { id: 'u1', adminDigest: null, staffOf: [], sessionVersion: 0 };
        expect(await store.identities.ensureUser('u1', NOW)).toEqual(resident);
        expect(await store.identities.ensureUser('u1', NOW)).toEqual(resident);
      });

      it('survives two first sights of one user at once', async () => {
        const both = await Promise.all([
          store.identities.ensureUser('u2', NOW),
          store.identities.ensureUser('u2', NOW),
        ]);
        expect(both[0]).toEqual(both[1]);
      });

      it('forgets a resident on erase, never an admin or a staff member', async () => {
        await store.identities.ensureUser('u1', NOW);
        expect(await store.identities.forget('u1')).toBe(true);
        expect(await store.identities.getUser('u1')).toBeNull();
        expect(await store.identities.forget('u1')).toBe(false);
        await store.identities.grantAdmin('a1', 'digest-of-the-token', NOW);
        expect(await store.identities.forget('a1')).toBe(false);
        await invite('CODE000009');
        await store.identities.ensureUser('s1', NOW);
        await store.identities.redeemInvite('CODE000009', 's1', NOW);
        expect(await store.identities.forget('s1')).toBe(false);
        expect((await store.identities.getUser('s1'))?.staffOf).toEqual(['c1']);
      });

      it('grants admin with the digest of the token, and a new grant replaces the old', async () => {
        await store.identities.ensureUser('u1', NOW);
        await store.identities.grantAdmin('u1', OLD_DIGEST, NOW);
        expect((await store.identities.getUser('u1'))?.adminDigest).toBe(OLD_DIGEST);
        await store.identities.grantAdmin('u1', DIGEST, LATER);
        expect((await store.identities.getUser('u1'))?.adminDigest).toBe(DIGEST);
        // grantAdmin creates a user it has not seen yet.
        await store.identities.grantAdmin('u9', DIGEST, NOW);
        expect(await store.identities.getUser('u9')).toEqual({
          id: 'u9',
          adminDigest: DIGEST,
          staffOf: [],
          sessionVersion: 0,
        });
      });

      it('lists only the admins of the digest it is given (a rotated token demotes)', async () => {
        await store.identities.grantAdmin('admin-1', OLD_DIGEST, NOW);
        await store.identities.grantAdmin('admin-2', DIGEST, LATER);
        expect(await store.identities.staffDirectory('c1', DIGEST)).toEqual([
          { id: 'admin-2', admin: true, name: null, since: LATER.toISOString() },
        ]);
        expect((await store.identities.staffDirectory('c1', OLD_DIGEST)).map((m) => m.id)).toEqual([
          'admin-1',
        ]);
        expect(await store.identities.staffDirectory('c1', '')).toEqual([]);
      });

      it('removes one membership, once, and keeps the others', async () => {
        await invite('CODE000011', 'c1');
        await invite('CODE000012', 'c2');
        await store.identities.redeemInvite('CODE000011', 'w1', NOW);
        await store.identities.redeemInvite('CODE000012', 'w1', NOW);
        expect(await store.identities.removeMembership('w1', 'c1')).toBe(true);
        expect((await store.identities.getUser('w1'))?.staffOf).toEqual(['c2']);
        expect(await store.identities.staffDirectory('c1', DIGEST)).toEqual([]);
        expect(await store.identities.removeMembership('w1', 'c1')).toBe(false);
        expect(await store.identities.removeMembership('nobody', 'c1')).toBe(false);
        expect((await store.identities.getUser('w1'))?.staffOf).toEqual(['c2']);
        // Invited again later, the membership starts afresh.
        await invite('CODE000013', 'c1', '2027-01-01T00:00:00.000Z');
        await store.identities.redeemInvite('CODE000013', 'w1', LATER);
        expect(await store.identities.staffDirectory('c1', DIGEST)).toEqual([
          { id: 'w1', admin: false, name: null, since: LATER.toISOString() },
        ]);
      });

      it('bumps the session version on sign-out', async () => {
        await store.identities.ensureUser('u1', NOW);
        expect(await store.identities.bumpSessionVersion('u1')).toBe(1);
        expect(await store.identities.bumpSessionVersion('u1')).toBe(2);
        expect((await store.identities.getUser('u1'))?.sessionVersion).toBe(2);
        expect(await store.identities.bumpSessionVersion('nobody')).toBeNull();
        expect(await store.identities.getUser('nobody')).toBeNull();
      });

      it('cancels an open invite, which then cannot be redeemed; refusals change nothing', async () => {
        await invite('CODE000021');
        await invite('CODE000022');
        await invite('CODE000023', 'c1', '2026-12-02T10:30:00.000Z');
        await invite('CODE000024', 'c2');
        expect((await store.identities.openInvites('c1', NOW)).map((i) => i.code).sort()).toEqual([
          'CODE000021',
          'CODE000022',
          'CODE000023',
        ]);
        expect(await store.identities.cancelInvite('CODE000021', NOW)).toEqual({
          ok: true,
          community: 'c1',
        });
        expect(await store.identities.cancelInvite('CODE000021', NOW)).toEqual({
          ok: false,
          reason: 'cancelled',
        });
        expect(await store.identities.redeemInvite('CODE000021', 'u1', NOW)).toEqual({
          ok: false,
          reason: 'cancelled',
        });
        expect(await store.identities.getUser('u1')).toBeNull();
        await store.identities.redeemInvite('CODE000022', 'u2', NOW);
        expect(await store.identities.cancelInvite('CODE000022', NOW)).toEqual({
          ok: false,
          reason: 'used',
        });
        expect((await store.identities.getUser('u2'))?.staffOf).toEqual(['c1']);
        expect(await store.identities.cancelInvite('NOSUCHCODE', NOW)).toEqual({
          ok: false,
          reason: 'unknown',
        });
        expect(await store.identities.cancelInvite('CODE000023', LATER)).toEqual({
          ok: false,
          reason: 'expired',
        });
        // Open: neither used, cancelled nor expired; with when and by whom it was made.
        expect(await store.identities.openInvites('c1', NOW)).toEqual([
          {
            code: 'CODE000023',
            community: 'c1',
            createdBy: 'admin-1',
            createdAt: NOW.toISOString(),
            expiresAt: '2026-12-02T10:30:00.000Z',
          },
        ]);
        expect(await store.identities.openInvites('c1', LATER)).toEqual([]);
        expect((await store.identities.openInvites('c2', NOW)).map((i) => i.code)).toEqual([
          'CODE000024',
        ]);
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

      it('lists a community’s staff and the admins with the names they set', async () => {
        await invite('CODE000007', 'c1');
        await invite('CODE000008', 'c2');
        await store.identities.redeemInvite('CODE000007', 'w1', NOW);
        await store.identities.redeemInvite('CODE000008', 'w2', NOW);
        await store.identities.grantAdmin('admin-1', DIGEST, LATER);
        await store.identities.ensureUser('resident-1', NOW);
        const since = NOW.toISOString();
        const adminSince = LATER.toISOString();
        expect(await store.identities.staffDirectory('c1', DIGEST)).toEqual([
          { id: 'admin-1', admin: true, name: null, since: adminSince },
          { id: 'w1', admin: false, name: null, since },
        ]);
        await store.identities.setDisplayName('w1', '李社工');
        expect(await store.identities.staffDirectory('c1', DIGEST)).toEqual([
          { id: 'admin-1', admin: true, name: null, since: adminSince },
          { id: 'w1', admin: false, name: '李社工', since },
        ]);
        expect((await store.identities.staffDirectory('c2', DIGEST)).map((m) => m.id)).toEqual([
          'admin-1',
          'w2',
        ]);
        // The name is kept apart from the record dispatch reads for every call.
        expect(await store.identities.getUser('w1')).toEqual({
          id: 'w1',
          adminDigest: null,
          staffOf: ['c1'],
          sessionVersion: 0,
        });
        await store.identities.setDisplayName('w1', null);
        expect((await store.identities.staffDirectory('c1', DIGEST))[1]).toEqual({
          id: 'w1',
          admin: false,
          name: null,
          since,
        });
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

    describe('queues', () => {
      const DATE = '2026-12-02';
      // 19:00 in Suzhou: inside the sample setup's hours.
      const AT = new Date('2026-12-02T11:00:00.000Z');
      const setup = sampleLineSetup;
      const opened = (
        queue = 'library',
        date = DATE,
        key = `K${queue.replace(/-/g, '')}${date.replace(/-/g, '')}`,
      ) => openEvening({ community: 'c1', queue, date, key, setup });
      /** Takes a number the way the core does: its decision inside the store's change. */
      const join = (userId: string | null, requestId: string, queue = 'library', date = DATE) =>
        store.queues.change('c1', queue, date, (current) => {
          const evening = current ?? opened(queue, date);
          const { next, result } = decideJoin(
            evening,
            setup,
            { userId, requestId, note: userId ? '' : '王阿姨', byStaff: userId === null },
            // 19:00 in Suzhou on the evening's own date.
            new Date(`${date}T11:00:00.000Z`),
          );
          const bumped = next && { ...next, version: evening.version + 1 };
          return { next: bumped, line: null, result };
        });
      const ticketOf = (outcome: JoinOutcome) => {
        if (outcome.kind !== 'created' && outcome.kind !== 'existing')
          throw new Error(`no ticket: ${outcome.kind}`);
        return outcome.ticket;
      };
      const moveTo = (ticketId: string, patch: TicketPatch, from: TicketStatus[] = ['waiting']) =>
        store.queues.change('c1', 'library', DATE, (current) => {
          const { next, result } = decideMove(current!, ticketId, from, patch);
          return { next, line: null, result };
        });

      beforeEach(async () => {
        await store.communities.save(sampleCommunity('c1'));
      });

      it("erases a resident's tickets on every evening; the numbers stay and they may join anew", async () => {
        const a = ticketOf(await join('u1', 'req-aaaaaaaa'));
        const b = ticketOf(await join('u2', 'req-bbbbbbbb'));
        const c = ticketOf(await join('u1', 'req-cccccccc', 'library', '2026-12-09'));
        expect(await store.queues.erase('u1')).toBe(2);
        expect(await store.queues.erase('u1')).toBe(0);
        const tonight = await store.queues.getEvening('c1', 'library', DATE);
        expect(tonight?.tickets.map((t) => [t.id, t.userId, t.requestId, t.status])).toEqual([
          [a.id, null, null, 'waiting'],
          [b.id, 'u2', 'req-bbbbbbbb', 'waiting'],
        ]);
        const later = await store.queues.getEvening('c1', 'library', '2026-12-09');
        expect(later?.tickets.map((t) => [t.id, t.userId])).toEqual([[c.id, null]]);
        expect(await store.queues.eveningsOfUser('u1', DATE)).toEqual([]);
        const again = ticketOf(await join('u1', 'req-aaaaaaaa'));
        expect([again.number, again.userId]).toEqual([3, 'u1']);
      });

      it('runs changes asked at once one after the other; one that fails changes nothing and fails alone', async () => {
        const failing = store.queues.change('c1', 'library', DATE, () => {
          throw new Error('a decision that fails');
        });
        const asked = [
          join('u1', 'req-aaaaaaaa'),
          failing,
          join('u2', 'req-bbbbbbbb'),
          join('u3', 'req-cccccccc'),
        ];
        const settled = await Promise.allSettled(asked);
        expect(settled.map((s) => s.status)).toEqual([
          'fulfilled',
          'rejected',
          'fulfilled',
          'fulfilled',
        ]);
        const numbers = settled.flatMap((s) =>
          s.status === 'fulfilled' ? [ticketOf(s.value as JoinOutcome).number] : [],
        );
        expect(numbers.sort()).toEqual([1, 2, 3]);
        const evening = await store.queues.getEvening('c1', 'library', DATE);
        expect(evening?.tickets.map((t) => t.userId).sort()).toEqual(['u1', 'u2', 'u3']);
        expect(evening?.lastNumber).toBe(3);
      });

      it('creates an evening whole, reads it back, and keeps evenings apart by line and date', async () => {
        const a = ticketOf(await join('u1', 'req-aaaaaaaa'));
        const b = ticketOf(await join('u2', 'req-bbbbbbbb'));
        const other = ticketOf(await join('u3', 'req-cccccccc', 'library', '2026-12-09'));
        expect([a.number, b.number, other.number]).toEqual([1, 2, 1]);
        const evening = await store.queues.getEvening('c1', 'library', DATE);
        expect(evening).toEqual({
          ...opened(),
          lastNumber: 2,
          version: 2,
          tickets: [a, b],
        });
        expect(a).toEqual({
          id: `${evening!.key}-1`,
          community: 'c1',
          queue: 'library',
          date: DATE,
          number: 1,
          label: 'A001',
          status: 'waiting',
          userId: 'u1',
          note: '',
          requestId: 'req-aaaaaaaa',
          sortKey: 1,
          createdAt: AT.toISOString(),
          calledAt: null,
          missedAt: null,
          closedAt: null,
          serviceSeconds: null,
          alerted: true,
          alertedAt: null,
        });
        expect(await store.queues.getEvening('c1', 'health', DATE)).toBeNull();
      });

      it('writes nothing when the decision changes nothing, and returns its result', async () => {
        const first = ticketOf(await join('u1', 'req-aaaaaaaa'));
        expect(await join('u1', 'req-aaaaaaaa')).toEqual({ kind: 'existing', ticket: first });
        const result = await store.queues.change('c1', 'library', DATE, () => ({
          next: null,
          line: null,
          result: 'untouched',
        }));
        expect(result).toBe('untouched');
        expect((await store.queues.getEvening('c1', 'library', DATE))?.version).toBe(1);
        expect(
          await store.queues.change('c1', 'health', DATE, (current) => ({
            next: null,
            line: null,
            result: current,
          })),
        ).toBeNull();
        expect(await store.queues.getEvening('c1', 'health', DATE)).toBeNull();
      });

      it('gives 30 residents joining at once 30 distinct numbers', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 30 }, (_, i) => join(`u${i}`, `req-${String(i).padStart(8, '0')}`)),
        );
        expect(outcomes.map((o) => ticketOf(o).number).sort((x, y) => x - y)).toEqual(
          Array.from({ length: 30 }, (_, i) => i + 1),
        );
        const evening = await store.queues.getEvening('c1', 'library', DATE);
        expect(evening?.lastNumber).toBe(30);
        expect(evening?.version).toBe(30);
        expect(new Set(evening?.tickets.map((t) => t.userId)).size).toBe(30);
      });

      describe('numbers per resident (core/community/limits.ts)', () => {
        const limited = { ...setup, numbersPerResident: 2 };
        /** A resident's join as the core makes it: their numbers of the evening read in the change. */
        const joinAs = (userId: string | null, requestId: string, queue: string) =>
          store.queues.change(
            'c1',
            queue,
            DATE,
            (current, taken) => {
              const evening =
                current ??
                openEvening({
                  community: 'c1',
                  queue,
                  date: DATE,
                  key: `K${queue}`,
                  setup: limited,
                });
              const byStaff = userId === null;
              const { next, result } = decideJoin(
                evening,
                limited,
                { userId, requestId, note: '', byStaff },
                AT,
                taken,
              );
              return {
                next: next && { ...next, version: evening.version + 1 },
                line: null,
                result,
              };
            },
            userId,
          );

        it('counts a resident’s numbers on every line: a third is refused, another resident’s is not', async () => {
          const a = ticketOf(await joinAs('u1', 'req-l1', 'library'));
          ticketOf(await joinAs('u1', 'req-l2', 'health'));
          expect(await joinAs('u1', 'req-l3', 'games')).toEqual({ kind: 'limited', max: 2 });
          expect(ticketOf(await joinAs('u2', 'req-l4', 'games')).number).toBe(1);
          // The retried request still gets its ticket, and staff walk-ins are never counted.
          expect(await joinAs('u1', 'req-l1', 'library')).toMatchObject({
            kind: 'existing',
            ticket: { id: a.id },
          });
          ticketOf(await joinAs(null, 'staff:w1', 'games'));
          ticketOf(await joinAs(null, 'staff:w2', 'games'));
          ticketOf(await joinAs(null, 'staff:w3', 'games'));
        });

        it('a cancelled number still counts (it used up one of its line’s numbers)', async () => {
          const a = ticketOf(await joinAs('u1', 'req-c1', 'library'));
          await store.queues.change('c1', 'library', DATE, (current) => {
            const { next, result } = decideMove(current!, a.id, ['waiting'], {
              status: 'cancelled',
            });
            return { next, line: null, result };
          });
          ticketOf(await joinAs('u1', 'req-c2', 'library'));
          expect(await joinAs('u1', 'req-c3', 'health')).toEqual({ kind: 'limited', max: 2 });
        });

        it('lets one resident racing on four lines at once take exactly the limit', async () => {
          const lines = ['library', 'health', 'games', 'tea'];
          const outcomes = await Promise.all(lines.map((q, i) => joinAs('u7', `req-r${i}`, q)));
          expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(2);
          expect(outcomes.filter((o) => o.kind === 'limited')).toHaveLength(2);
        });
      });

      it('updates the tickets a decision changed and leaves the others as they were', async () => {
        const a = ticketOf(await join('u1', 'req-aaaaaaaa'));
        const b = ticketOf(await join('u2', 'req-bbbbbbbb'));
        const walkIn = ticketOf(await join(null, 'staff-1:walkin-1'));
        const calledAt = new Date(AT.getTime() + 60_000).toISOString();
        const moved = await moveTo(a.id, { status: 'called', calledAt, sortKey: 2.5 });
        expect(moved).toEqual({
          kind: 'moved',
          ticket: { ...a, status: 'called', calledAt, sortKey: 2.5 },
        });
        expect(await moveTo(a.id, { status: 'called' })).toEqual({
          kind: 'status',
          status: 'called',
        });
        const done = await moveTo(
          a.id,
          { status: 'done', closedAt: calledAt, serviceSeconds: 300 },
          ['called'],
        );
        expect(done).toMatchObject({
          kind: 'moved',
          ticket: { status: 'done', serviceSeconds: 300 },
        });
        const evening = await store.queues.getEvening('c1', 'library', DATE);
        expect(evening?.tickets).toEqual([
          { ...a, status: 'done', calledAt, closedAt: calledAt, serviceSeconds: 300, sortKey: 2.5 },
          b,
          walkIn,
        ]);
        expect(walkIn).toMatchObject({
          userId: null,
          note: '王阿姨',
          requestId: 'staff-1:walkin-1',
        });
      });

      it('finds the evening of a ticket, the evenings of a community, and those of a user', async () => {
        const mine = ticketOf(await join('u1', 'req-aaaaaaaa'));
        ticketOf(await join('u2', 'req-bbbbbbbb', 'health'));
        ticketOf(await join('u1', 'req-cccccccc', 'health'));
        ticketOf(await join('u1', 'req-dddddddd', 'library', '2026-12-09'));
        expect((await store.queues.eveningOfTicket(mine.id))?.tickets.map((t) => t.id)).toEqual([
          mine.id,
        ]);
        expect(await store.queues.eveningOfTicket('nokey-1')).toBeNull();
        expect(await store.queues.eveningOfTicket(`${mine.id}9`)).toBeNull();
        expect((await store.queues.eveningsOf('c1', DATE)).map((e) => e.queue)).toEqual([
          'health',
          'library',
        ]);
        expect(await store.queues.eveningsOf('c2', DATE)).toEqual([]);
        const ofUser = await store.queues.eveningsOfUser('u1', DATE);
        expect(ofUser.map((e) => e.queue).sort()).toEqual(['health', 'library']);
        expect(await store.queues.eveningsOfUser('u2', '2026-12-09')).toEqual([]);
      });

      it('stores line configuration', async () => {
        expect(await store.queues.getConfig('c1', 'library')).toBeNull();
        const config = {
          capacity: 40,
          lastJoin: '19:40',
          graceMinutes: 5,
          defaultServiceMinutes: 8,
        };
        await store.queues.saveConfig('c1', 'library', config);
        expect(await store.queues.getConfig('c1', 'library')).toEqual(config);
        await store.queues.saveConfig('c1', 'library', { ...config, capacity: 41 });
        expect((await store.queues.getConfig('c1', 'library'))?.capacity).toBe(41);
      });
    });

    describe('bookings', () => {
      const AT = new Date('2026-11-28T02:00:00.000Z');
      const request = (
        userId: string | null,
        requestId: string,
        slot = '1900',
        seats = 2,
      ): BookRequest => ({
        slotId: `c1_paperwork_20261202_${slot}`,
        community: 'c1',
        service: 'paperwork',
        date: '2026-12-02',
        startsAt: `${slot.slice(0, 2)}:${slot.slice(2)}`,
        userId,
        name: userId ? '' : '王阿姨',
        phone: null,
        requestId,
        seats,
        waitlist: true,
        // Fresh candidates per request (the core makes random ones).
        codes: [codeOf(requestId), `${codeOf(requestId)}2`],
        now: AT,
      });
      /** book() for requests that take a seat or a waitlist place, never 'full'. */
      const book = async (req: BookRequest): Promise<Booked> => {
        const outcome = await store.bookings.book(req);
        if (outcome.kind === 'full' || outcome.kind === 'limited' || outcome.kind === 'closed') {
          throw new Error(`unexpected ${outcome.kind}`);
        }
        return outcome;
      };

      beforeEach(async () => {
        await store.communities.save(sampleCommunity('c1'));
      });

      it('confirms up to the seats, waitlists the rest in order, and dedupes', async () => {
        const a = await book(request('u1', 'r-1'));
        const b = await book(request('u2', 'r-2'));
        const c = await book(request('u3', 'r-3'));
        const d = await book(request('u4', 'r-4'));
        expect([a, b, c, d].map((o) => [o.kind, o.booking.status])).toEqual([
          ['created', 'confirmed'],
          ['created', 'confirmed'],
          ['created', 'waitlisted'],
          ['created', 'waitlisted'],
        ]);
        expect(await store.bookings.waitlistPosition(c.booking)).toBe(1);
        expect(await store.bookings.waitlistPosition(d.booking)).toBe(2);
        expect(await book(request('u1', 'r-1'))).toEqual({
          kind: 'existing',
          booking: a.booking,
        });
        expect((await book(request('u1', 'r-other'))).booking.id).toBe(a.booking.id);
        expect(await store.bookings.slotCounts('c1', 'paperwork', '2026-12-02')).toEqual([
          { slotId: 'c1_paperwork_20261202_1900', taken: 2, waitlisted: 2 },
        ]);
      });

      it("forgets a resident's bookings: owner, phone numbers and names; seats stay", async () => {
        const a = await book({ ...request('u1', 'r-1'), phone: '13812345678' });
        const named = await book({ ...request('u1', 'r-3', '1930'), name: '王阿姨' });
        await book({ ...request('u2', 'r-2'), phone: '13900000000', name: '李叔' });
        expect(await store.bookings.erasePersonal('u1')).toBe(2);
        expect(await store.bookings.getBooking(a.booking.id)).toMatchObject({
          userId: null,
          phone: null,
          status: 'confirmed',
          requestId: `erased:${a.booking.id}`,
        });
        expect(await store.bookings.getBooking(named.booking.id)).toMatchObject({
          userId: null,
          name: '',
          phone: null,
          code: named.booking.code,
        });
        expect(await store.bookings.ofUser('u1')).toEqual([]);
        // The seat stays taken; the slot no longer knows u1, who may book it anew.
        const again = await book(request('u1', 'r-1'));
        expect(again.kind).toBe('created');
        expect(again.booking.id).not.toBe(a.booking.id);
        expect((await store.bookings.ofUser('u2'))[0]).toMatchObject({
          phone: '13900000000',
          name: '李叔',
        });
        expect(await store.bookings.erasePersonal('u1')).toBe(1);
      });

      it('gives each booking the first candidate code free on its community evening', async () => {
        const a = await book({ ...request('u1', 'r-1'), codes: ['K7MP', 'X3QA'] });
        expect(a.booking.code).toBe('K7MP');
        expect((await store.bookings.getBooking(a.booking.id))?.code).toBe('K7MP');
        // Taken that evening, in any slot: the next candidate.
        const b = await book({ ...request('u2', 'r-2', '1930'), codes: ['K7MP', 'X3QA'] });
        expect(b.booking.code).toBe('X3QA');
        // Another evening, or another community, is free to use it again.
        const nextWeek = {
          ...request('u3', 'r-3'),
          slotId: 'c1_paperwork_20261209_1900',
          date: '2026-12-09',
          codes: ['K7MP'],
        };
        expect((await book(nextWeek)).booking.code).toBe('K7MP');
        await store.communities.save(sampleCommunity('c2'));
        const elsewhere = {
          ...request('u4', 'r-4'),
          slotId: 'c2_paperwork_20261202_1900',
          community: 'c2',
          codes: ['K7MP'],
        };
        expect((await book(elsewhere)).booking.code).toBe('K7MP');
        // A retried request keeps its code; none free fails and makes nothing.
        expect((await book({ ...request('u1', 'r-1'), codes: ['ZZZZ'] })).booking.code).toBe(
          'K7MP',
        );
        await expect(
          store.bookings.book({ ...request('u5', 'r-5'), codes: ['K7MP', 'X3QA'] }),
        ).rejects.toThrow();
        expect(await store.bookings.ofUser('u5')).toEqual([]);
      });

      it('gives 20 bookings made at once 20 distinct codes, from the same candidates', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            book({
              ...request(`u${i}`, `r-${i}`, i % 2 ? '1900' : '1930', 20),
              codes: Array.from({ length: 20 }, (_, k) => `C${String(k).padStart(3, '0')}`),
            }),
          ),
        );
        expect(new Set(outcomes.map((o) => o.booking.code)).size).toBe(20);
      });

      it('answers full, making nothing, when no seat is left and the request takes no waitlist', async () => {
        await book(request('u1', 'r-1', '1900', 1));
        const late = { ...request('u2', 'r-2', '1900', 1), waitlist: false };
        expect(await store.bookings.book(late)).toEqual({ kind: 'full' });
        expect(await store.bookings.ofUser('u2')).toEqual([]);
        expect(await store.bookings.slotCounts('c1', 'paperwork', '2026-12-02')).toEqual([
          { slotId: 'c1_paperwork_20261202_1900', taken: 1, waitlisted: 0 },
        ]);
        // With a seat free it books as usual.
        expect(
          (await book({ ...late, slotId: 'c1_paperwork_20261202_1930', startsAt: '19:30' })).booking
            .status,
        ).toBe('confirmed');
      });

      it('never confirms more than the seats when 20 book at once', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) => book(request(`u${i}`, `r-${i}`, '1900', 3))),
        );
        expect(outcomes.filter((o) => o.booking.status === 'confirmed')).toHaveLength(3);
      });

      describe('bookings per resident (core/community/limits.ts)', () => {
        const caps = { perEvening: 2, open: 3, from: '2026-11-28' };
        /** A resident's booking with limits, on any evening (a Wednesday) and slot. */
        const capped = (userId: string, requestId: string, date: string, slot: string) => ({
          ...request(userId, requestId, slot, 5),
          slotId: `c1_paperwork_${date.replace(/-/g, '')}_${slot}`,
          date,
          caps,
        });

        it('refuses a third booking on one evening in the booking’s transaction; retries and staff are not refused', async () => {
          const first = await book(capped('u1', 'r-1', '2026-12-02', '1900'));
          await book(capped('u1', 'r-2', '2026-12-02', '1930'));
          expect(await store.bookings.book(capped('u1', 'r-3', '2026-12-02', '2000'))).toEqual({
            kind: 'limited',
            limit: 'evening',
            max: 2,
          });
          // Another resident books that slot; the first one's retry gets its booking back.
          expect((await book(capped('u2', 'r-4', '2026-12-02', '2000'))).kind).toBe('created');
          expect(await store.bookings.book(capped('u1', 'r-1', '2026-12-02', '1900'))).toEqual({
            kind: 'existing',
            booking: first.booking,
          });
          // Staff booking for someone carry no caps.
          expect((await book(request(null, 'staff:r-5', '2000', 5))).kind).toBe('created');
          // A cancelled booking counts for nothing.
          await store.bookings.cancel(first.booking.id, ['confirmed'], AT);
          expect((await book(capped('u1', 'r-6', '2026-12-02', '2000'))).kind).toBe('created');
        });

        it('refuses one open booking too many, across evenings', async () => {
          await book(capped('u1', 'r-1', '2026-12-02', '1900'));
          await book(capped('u1', 'r-2', '2026-12-09', '1900'));
          await book(capped('u1', 'r-3', '2026-12-16', '1900'));
          expect(await store.bookings.book(capped('u1', 'r-4', '2026-12-23', '1900'))).toEqual({
            kind: 'limited',
            limit: 'open',
            max: 3,
          });
        });

        it('counts a rescheduled booking on its new evening', async () => {
          const a = await book(capped('u1', 'r-1', '2026-12-02', '1900'));
          await book(capped('u1', 'r-2', '2026-12-09', '1800'));
          const moved = await store.bookings.reschedule(
            a.booking.id,
            capped('u1', 'r-3', '2026-12-09', '1900'),
          );
          expect(moved).toMatchObject({ kind: 'moved', booking: { date: '2026-12-09' } });
          expect(
            await store.bookings.book(capped('u1', 'r-4', '2026-12-09', '1930')),
          ).toMatchObject({ kind: 'limited', limit: 'evening' });
          expect(
            await store.bookings.reschedule(
              (await book(capped('u1', 'r-5', '2026-12-02', '2000'))).booking.id,
              capped('u1', 'r-6', '2026-12-09', '2000'),
            ),
          ).toEqual({ kind: 'limited', limit: 'evening', max: 2 });
        });

        it('lets one resident booking six slots of one evening at once get exactly two', async () => {
          const slots = ['1700', '1730', '1800', '1830', '1900', '1930'];
          const outcomes = await Promise.all(
            slots.map((slot, i) => store.bookings.book(capped('u9', `r-${i}`, '2026-12-02', slot))),
          );
          expect(outcomes.filter((o) => o.kind === 'created')).toHaveLength(2);
          expect(outcomes.filter((o) => o.kind === 'limited')).toHaveLength(4);
        });
      });

      it('cancels and promotes the first waitlisted booking in one step', async () => {
        const a = await book(request('u1', 'r-1', '1900', 1));
        const b = await book(request('u2', 'r-2', '1900', 1));
        const result = await store.bookings.cancel(a.booking.id, ['confirmed'], AT);
        expect(result?.cancelled.status).toBe('cancelled');
        expect(result?.promoted).toMatchObject({
          id: b.booking.id,
          status: 'confirmed',
          promotedAt: AT.toISOString(),
        });
        expect(await store.bookings.cancel(a.booking.id, ['confirmed'], AT)).toBeNull();
      });

      it('reschedules only into a free seat, then frees the old one', async () => {
        const a = await book(request('u1', 'r-1', '1900', 1));
        const waiting = await book(request('u2', 'r-2', '1900', 1));
        await book(request('u3', 'r-3', '1930', 1));
        expect(
          await store.bookings.reschedule(a.booking.id, request('u1', 'r-4', '1930', 1)),
        ).toEqual({ kind: 'full' });
        expect((await store.bookings.getBooking(a.booking.id))?.status).toBe('confirmed');
        const moved = await store.bookings.reschedule(
          a.booking.id,
          request('u1', 'r-5', '1800', 1),
        );
        expect(moved).toMatchObject({
          kind: 'moved',
          booking: { startsAt: '18:00', status: 'confirmed' },
          promoted: { id: waiting.booking.id },
        });
        expect((await store.bookings.getBooking(a.booking.id))?.status).toBe('cancelled');
      });

      it('marks a reminder once: not twice, not at once, not on a booking no longer confirmed', async () => {
        const a = await book(request('u1', 'r-1'));
        const b = await book(request('u2', 'r-2'));
        const at = AT.toISOString();
        const both = await Promise.all([
          store.bookings.markReminded(a.booking.id, at),
          store.bookings.markReminded(a.booking.id, at),
        ]);
        expect(both.filter((m) => m !== null)).toEqual([{ ...a.booking, remindedAt: at }]);
        expect(await store.bookings.markReminded(a.booking.id, at)).toBeNull();
        expect((await store.bookings.getBooking(a.booking.id))?.remindedAt).toBe(at);
        await store.bookings.cancel(b.booking.id, ['confirmed'], AT);
        expect(await store.bookings.markReminded(b.booking.id, at)).toBeNull();
        expect(await store.bookings.markReminded('nope', at)).toBeNull();
        expect(await store.bookings.dueReminders('2026-12-02', 10)).toEqual([]);
      });

      it('lists by day and user, updates by status, and finds due reminders', async () => {
        const a = await book(request('u1', 'r-1', '1930'));
        const b = await book(request(null, 'staff:r-2', '1900'));
        expect((await store.bookings.listForDate('c1', '2026-12-02')).map((x) => x.id)).toEqual([
          b.booking.id,
          a.booking.id,
        ]);
        expect((await store.bookings.ofUser('u1')).map((x) => x.id)).toEqual([a.booking.id]);
        expect((await store.bookings.dueReminders('2026-12-02', 10)).length).toBe(2);
        // A batch is the first ones by start time.
        expect((await store.bookings.dueReminders('2026-12-02', 1)).map((x) => x.id)).toEqual([
          b.booking.id,
        ]);
        expect(
          await store.bookings.update(a.booking.id, ['confirmed'], {
            remindedAt: AT.toISOString(),
          }),
        ).toMatchObject({ remindedAt: AT.toISOString() });
        expect((await store.bookings.dueReminders('2026-12-02', 10)).map((x) => x.id)).toEqual([
          b.booking.id,
        ]);
        expect(
          await store.bookings.update(a.booking.id, ['waitlisted'], { status: 'no-show' }),
        ).toBeNull();
        const settings = {
          slotMinutes: 15,
          seatsPerSlot: 4,
          cutoffHours: 1,
          bring: ['身份证'],
          weekdays: [3],
        };
        expect(await store.bookings.getSettings('c1', 'paperwork')).toBeNull();
        await store.bookings.saveSettings('c1', 'paperwork', settings);
        expect(await store.bookings.getSettings('c1', 'paperwork')).toEqual(settings);
        // Each answer is a copy; a change is read back at once; services are apart.
        const copy = await store.bookings.getSettings('c1', 'paperwork');
        copy!.bring.push('户口本');
        copy!.weekdays.push(5);
        copy!.seatsPerSlot = 99;
        expect(await store.bookings.getSettings('c1', 'paperwork')).toEqual(settings);
        await store.bookings.saveSettings('c1', 'paperwork', { ...settings, seatsPerSlot: 6 });
        expect(await store.bookings.getSettings('c1', 'paperwork')).toEqual({
          ...settings,
          seatsPerSlot: 6,
        });
        expect(await store.bookings.getSettings('c1', 'repair')).toBeNull();
        expect(await store.bookings.getSettings('c2', 'paperwork')).toBeNull();
      });
    });

    describe('notices', () => {
      const AT = new Date('2026-11-28T02:00:00.000Z');
      const activity = (id: string, capacity: number | null, sort = 0): ActivityRecord => ({
        id,
        noticeId: 'n1',
        community: 'c1',
        name: `活动${id}`,
        date: '2026-12-02',
        startsAt: '18:30',
        endsAt: '19:30',
        place: '二楼活动室',
        capacity,
        signUp: true,
        code: 'K7P2Q9',
        sort,
      });
      const notice = (overrides: Partial<NoticeRecord> = {}): NoticeRecord => ({
        id: 'n1',
        community: 'c1',
        week: '2026-11-30',
        title: '本周活动',
        body: '第一行\n第二行',
        cover: null,
        status: 'published',
        pinned: false,
        createdBy: 'staff-1',
        createdAt: AT.toISOString(),
        updatedAt: AT.toISOString(),
        publishedAt: AT.toISOString(),
        editedAt: null,
        activities: [activity('a1', 2), activity('a2', null, 1)],
        ...overrides,
      });
      const signUp = (userId: string | null, requestId: string, capacity: number | null = 2) => ({
        activityId: 'a1',
        community: 'c1',
        userId,
        name: userId ? '' : '李大爷',
        requestId,
        capacity,
        now: AT,
      });

      beforeEach(async () => {
        await store.communities.save(sampleCommunity('c1'));
        await store.communities.save(sampleCommunity('c2'));
      });

      it('round-trips a notice with its activities and replaces them on save', async () => {
        await store.notices.save(notice());
        expect(await store.notices.get('n1')).toEqual(notice());
        expect(await store.notices.getActivity('a2')).toEqual(activity('a2', null, 1));
        const edited = notice({
          title: '改过的标题',
          editedAt: LATER.toISOString(),
          activities: [{ ...activity('a2', 5, 0), name: '改名' }],
        });
        await store.notices.save(edited);
        expect(await store.notices.get('n1')).toEqual(edited);
        expect(await store.notices.getActivity('a1')).toBeNull();
        expect(await store.notices.get('nope')).toBeNull();
      });

      it('lists by status and week, pinned first, newest week first', async () => {
        await store.notices.save(notice({ id: 'n1', week: '2026-11-23', activities: [] }));
        await store.notices.save(notice({ id: 'n2', week: '2026-11-30', activities: [] }));
        await store.notices.save(
          notice({
            id: 'n3',
            week: '2026-11-30',
            status: 'draft',
            publishedAt: null,
            activities: [],
          }),
        );
        await store.notices.save(notice({ id: 'n4', community: 'c2', activities: [] }));
        const ids = async (filter: Parameters<Store['notices']['list']>[1]) =>
          (await store.notices.list('c1', filter)).map((n) => n.id);
        expect(await ids({ statuses: ['published'] })).toEqual(['n2', 'n1']);
        expect(await ids({ statuses: ['published'], fromWeek: '2026-11-30' })).toEqual(['n2']);
        expect(await ids({ statuses: ['published'], toWeek: '2026-11-23' })).toEqual(['n1']);
        expect(await ids({ statuses: ['draft', 'published'], limit: 2 })).toHaveLength(2);
        await store.notices.pin('c1', 'n1');
        expect(await ids({ statuses: ['published'] })).toEqual(['n1', 'n2']);
        await store.notices.pin('c1', 'n2');
        expect((await store.notices.get('n1'))?.pinned).toBe(false);
        expect((await store.notices.get('n2'))?.pinned).toBe(true);
        await store.notices.pin('c1', null);
        expect((await store.notices.get('n2'))?.pinned).toBe(false);
        expect((await store.notices.get('n4'))?.pinned).toBe(false);
      });

      it('signs up to capacity, waitlists in order, dedupes and promotes on cancel', async () => {
        await store.notices.save(notice());
        const a = await uncapped(store.notices).signUp(signUp('u1', 's-1'));
        const b = await uncapped(store.notices).signUp(signUp('u2', 's-2'));
        const c = await uncapped(store.notices).signUp(signUp('u3', 's-3'));
        const d = await uncapped(store.notices).signUp(signUp('u4', 's-4'));
        expect([a, b, c, d].map((o) => [o.kind, o.signUp.status])).toEqual([
          ['created', 'signed'],
          ['created', 'signed'],
          ['created', 'waitlisted'],
          ['created', 'waitlisted'],
        ]);
        expect(await store.notices.waitlistPosition(d.signUp)).toBe(2);
        expect(await uncapped(store.notices).signUp(signUp('u1', 's-1'))).toEqual({
          kind: 'existing',
          signUp: a.signUp,
        });
        expect((await uncapped(store.notices).signUp(signUp('u1', 's-again'))).signUp.id).toBe(
          a.signUp.id,
        );
        expect(await store.notices.counts(['a1', 'a2'])).toEqual([
          { activityId: 'a1', signed: 2, waitlisted: 2, attended: 0 },
        ]);
        const result = await store.notices.cancelSignUp('a1', 'u1', LATER);
        expect(result?.cancelled.status).toBe('cancelled');
        expect(result?.promoted).toMatchObject({
          id: c.signUp.id,
          status: 'signed',
          promotedAt: LATER.toISOString(),
        });
        expect(await store.notices.waitlistPosition(d.signUp)).toBe(1);
        expect(await store.notices.cancelSignUp('a1', 'u1', LATER)).toBeNull();
        expect((await store.notices.signUpOf('a1', 'u1'))?.status).toBe('cancelled');
        const again = await uncapped(store.notices).signUp(signUp('u1', 's-5'));
        expect(again.signUp.status).toBe('waitlisted');
        expect((await store.notices.signUpOf('a1', 'u1'))?.id).toBe(again.signUp.id);
      });

      it("erases a resident's sign-ups: no owner or name; places and counts stay", async () => {
        await store.notices.save(notice());
        const a = await uncapped(store.notices).signUp({ ...signUp('u1', 's-1'), name: '甄测试' });
        await uncapped(store.notices).signUp(signUp('u2', 's-2'));
        expect(await store.notices.eraseSignUps('u1')).toBe(1);
        expect(await store.notices.eraseSignUps('u1')).toBe(0);
        expect(await store.notices.getSignUp(a.signUp.id)).toMatchObject({
          userId: null,
          name: '',
          status: 'signed',
          requestId: `erased:${a.signUp.id}`,
        });
        expect(await store.notices.signUpsOfUser('u1')).toEqual([]);
        expect(await store.notices.counts(['a1'])).toEqual([
          { activityId: 'a1', signed: 2, waitlisted: 0, attended: 0 },
        ]);
        const again = await uncapped(store.notices).signUp(signUp('u1', 's-1'));
        expect(again.kind).toBe('created');
        expect(again.signUp.id).not.toBe(a.signUp.id);
      });

      it('never signs up more than the capacity when 20 arrive at once', async () => {
        await store.notices.save(notice());
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            uncapped(store.notices).signUp(signUp(`u${i}`, `s-${i}`, 3)),
          ),
        );
        expect(outcomes.filter((o) => o.signUp.status === 'signed')).toHaveLength(3);
        expect(outcomes.filter((o) => o.signUp.status === 'waitlisted')).toHaveLength(17);
      });

      describe('open sign-ups per resident (core/community/limits.ts)', () => {
        /** a1 tonight 18:30, a2 tomorrow, a3 and a4 on Friday; one place each. */
        const week = () =>
          notice({
            activities: [
              activity('a1', 1, 0),
              { ...activity('a2', 1, 1), date: '2026-12-03' },
              { ...activity('a3', 1, 2), date: '2026-12-04' },
              { ...activity('a4', 1, 3), date: '2026-12-04', startsAt: '19:00' },
            ],
          });
        const caps = { open: 2, from: '2026-11-28' };
        const capped = (userId: string, activityId: string, requestId: string, now = AT) =>
          store.notices.signUp({ ...signUp(userId, requestId, 1), activityId, caps, now });

        it('refuses a third open sign-up (a waitlist place counts), after retries and held ones', async () => {
          await store.notices.save(week());
          await uncapped(store.notices).signUp({ ...signUp('u9', 'x-1', 1), activityId: 'a2' });
          expect(await capped('u1', 'a1', 'l-1')).toMatchObject({
            kind: 'created',
            signUp: { status: 'signed' },
          });
          expect(await capped('u1', 'a2', 'l-2')).toMatchObject({
            kind: 'created',
            signUp: { status: 'waitlisted' },
          });
          expect(await capped('u1', 'a3', 'l-3')).toEqual({
            kind: 'limited',
            limit: 'signUps',
            max: 2,
          });
          expect(await store.notices.signUpOf('a3', 'u1')).toBeNull();
          // A retry, and a second tap on a held one, get the sign-up: nothing is counted.
          expect((await capped('u1', 'a1', 'l-1')).kind).toBe('existing');
          expect((await capped('u1', 'a2', 'l-again')).kind).toBe('existing');
          // Others are counted apart; staff adding someone (no caps) is never counted.
          expect((await capped('u2', 'a3', 'm-1')).kind).toBe('created');
          const staff = { ...signUp(null, 'staff-1:s-1', 1), activityId: 'a4', caps: null };
          expect((await store.notices.signUp(staff)).kind).toBe('created');
          // Cancelling one makes room again.
          await store.notices.cancelSignUp('a1', 'u1', AT);
          expect((await capped('u1', 'a4', 'l-4')).kind).toBe('created');
          expect((await capped('u1', 'a1', 'l-5')).kind).toBe('limited');
        });

        it('stops counting a sign-up once its activity has started', async () => {
          await store.notices.save(week());
          await capped('u1', 'a1', 'l-1');
          await capped('u1', 'a2', 'l-2');
          expect((await capped('u1', 'a3', 'l-3')).kind).toBe('limited');
          // 18:30 in Suzhou on 2 December: a1 has started.
          const started = new Date('2026-12-02T10:30:00.000Z');
          expect((await capped('u1', 'a3', 'l-4', started)).kind).toBe('created');
          expect((await capped('u1', 'a4', 'l-5', started)).kind).toBe('limited');
        });

        it('never lets two sign-ups at the limit both pass, whatever arrives at once', async () => {
          await store.notices.save(week());
          await capped('u1', 'a1', 'l-1');
          const outcomes = await Promise.all(
            ['a2', 'a3', 'a4'].map((a, i) => capped('u1', a, `race-${i}`)),
          );
          expect(outcomes.map((o) => o.kind).sort()).toEqual(['created', 'limited', 'limited']);
          const live = (await store.notices.signUpsOfUser('u1')).filter(
            (s) => s.status !== 'cancelled',
          );
          expect(live).toHaveLength(2);
        });
      });

      it('fills freed places from the waitlist when capacity grows', async () => {
        await store.notices.save(notice());
        for (const u of ['u1', 'u2', 'u3', 'u4'])
          await uncapped(store.notices).signUp(signUp(u, `s-${u}`));
        const promoted = await store.notices.fillPlaces('a1', 3, LATER);
        expect(promoted.map((s) => s.userId)).toEqual(['u3']);
        expect(await store.notices.fillPlaces('a1', null, LATER)).toHaveLength(1);
        expect(await store.notices.counts(['a1'])).toEqual([
          { activityId: 'a1', signed: 4, waitlisted: 0, attended: 0 },
        ]);
      });

      it('checks in: signed, waitlisted with a free place, newcomers, staff walk-ins', async () => {
        await store.notices.save(notice({ activities: [activity('a1', 1)] }));
        // The core gives staff at the door no capacity (notice.checkInFor): they decide for themselves.
        const check = (userId: string | null, requestId: string, by: 'self' | 'staff' = 'self') =>
          store.notices.checkIn({ ...signUp(userId, requestId, by === 'staff' ? null : 1), by });
        await uncapped(store.notices).signUp(signUp('u1', 's-1', 1));
        await uncapped(store.notices).signUp(signUp('u2', 's-2', 1));
        expect(await check('u1', 'check-in:a1')).toMatchObject({
          kind: 'checked-in',
          signUp: { userId: 'u1', attendedAt: AT.toISOString(), checkIn: 'self' },
        });
        expect((await check('u1', 'check-in:a1')).kind).toBe('already');
        // u2 is waitlisted and the one place is taken; u3 never signed up.
        expect(await check('u2', 'check-in:a1')).toEqual({ kind: 'full' });
        expect(await check('u3', 'check-in:a1')).toEqual({ kind: 'full' });
        const walkIn = await check(null, 'staff-1:w-1', 'staff');
        expect(walkIn).toMatchObject({
          kind: 'checked-in',
          signUp: { userId: null, name: '李大爷', status: 'signed', checkIn: 'staff' },
        });
        expect(await store.notices.counts(['a1'])).toEqual([
          { activityId: 'a1', signed: 2, waitlisted: 1, attended: 2 },
        ]);
        await store.notices.cancelSignUp('a1', 'u1', LATER);
        // Capacity 1 is still taken by the walk-in, so u2 stays waiting; unlimited lets u4 in.
        expect((await store.notices.signUpOf('a1', 'u2'))?.status).toBe('waitlisted');
        expect(
          await store.notices.checkIn({ ...signUp('u4', 'check-in:a1', null), by: 'self' }),
        ).toMatchObject({ kind: 'checked-in', signUp: { status: 'signed' } });
      });

      it('keeps how a resident checked in: scanned or typed; staff confirming keep it', async () => {
        await store.notices.save(notice({ activities: [activity('a1', null)] }));
        const self = (userId: string, via: 'scan' | 'code') =>
          store.notices.checkIn({ ...signUp(userId, 'check-in:a1', null), by: 'self', via });
        await uncapped(store.notices).signUp(signUp('u1', 's-1', null));
        const scanned = await self('u1', 'scan');
        expect(scanned).toMatchObject({ signUp: { checkIn: 'self', checkInVia: 'scan' } });
        // A newcomer who typed the code.
        expect(await self('u2', 'code')).toMatchObject({
          kind: 'checked-in',
          signUp: { checkIn: 'self', checkInVia: 'code' },
        });
        if (scanned.kind !== 'checked-in') throw new Error('not checked in');
        const id = scanned.signUp.id;
        expect(await store.notices.setAttended(id, LATER.toISOString())).toMatchObject({
          checkIn: 'self',
          checkInVia: 'scan',
        });
        expect(await store.notices.setAttended(id, null)).toMatchObject({
          checkIn: null,
          checkInVia: null,
        });
        const walkIn = await store.notices.checkIn({
          ...signUp(null, 'staff-1:w-2', null),
          by: 'staff',
        });
        expect(walkIn).toMatchObject({ signUp: { checkIn: 'staff', checkInVia: null } });
      });

      it('sets and clears attendance, and lists sign-ups by activity and by user', async () => {
        await store.notices.save(notice());
        const a = await uncapped(store.notices).signUp(signUp('u1', 's-1'));
        const b = await uncapped(store.notices).signUp({
          ...signUp('u1', 's-2'),
          activityId: 'a2',
        });
        expect(await store.notices.setAttended(a.signUp.id, LATER.toISOString())).toMatchObject({
          attendedAt: LATER.toISOString(),
          checkIn: 'staff',
        });
        expect(await store.notices.setAttended(a.signUp.id, null)).toMatchObject({
          attendedAt: null,
          checkIn: null,
        });
        expect(await store.notices.setAttended('nope', null)).toBeNull();
        expect((await store.notices.getSignUp(a.signUp.id))?.id).toBe(a.signUp.id);
        expect((await store.notices.signUpsOf('a1')).map((s) => s.id)).toEqual([a.signUp.id]);
        expect((await store.notices.signUpsOfUser('u1')).map((s) => s.id).sort()).toEqual(
          [a.signUp.id, b.signUp.id].sort(),
        );
      });
    });

    describe('follow-ups', () => {
      const task = (overrides: Partial<FollowUpRecord> = {}): FollowUpRecord => ({
        id: 'f1',
        community: 'c1',
        date: '2026-12-02',
        residentKey: 'u1',
        userId: 'u1',
        name: '',
        phone: '13812345678',
        channel: 'call',
        services: ['政务服务 19:00'],
        kind: 'first',
        parentId: null,
        due: '2026-12-03',
        status: 'open',
        attempts: [],
        result: null,
        closedReason: null,
        suggestionId: null,
        createdAt: NOW.toISOString(),
        closedAt: null,
        ...overrides,
      });

      beforeEach(async () => {
        await store.communities.save(sampleCommunity('c1'));
      });

      it('creates one task per resident, evening and kind, even when asked twice at once', async () => {
        const [a, b] = await Promise.all([
          store.followUps.create(task()),
          store.followUps.create(task({ id: 'f2' })),
        ]);
        expect([a.created, b.created].sort()).toEqual([false, true]);
        expect(a.record.id).toBe(b.record.id);
        expect((await store.followUps.create(task({ id: 'f3', kind: 'senior' }))).created).toBe(
          true,
        );
        expect((await store.followUps.open('c1')).map((t) => t.kind)).toEqual(['first', 'senior']);
        expect(await store.followUps.get(a.record.id)).toEqual(a.record);
      });

      it('records attempts with compare-and-set, closes, lists recent, links and erases', async () => {
        await store.followUps.create(task());
        const attempt = { outcome: 'no-answer' as const, at: NOW.toISOString(), by: 's1' };
        const first = await store.followUps.update('f1', 0, { attempts: [attempt] });
        expect(first?.attempts).toEqual([attempt]);
        expect(await store.followUps.update('f1', 0, { attempts: [attempt] })).toBeNull();
        const done = await store.followUps.update('f1', 1, {
          attempts: [attempt, { ...attempt, outcome: 'reached' }],
          status: 'done',
          result: { satisfaction: 'unsatisfied', solved: 'no', note: '等太久' },
          closedAt: LATER.toISOString(),
        });
        expect(done).toMatchObject({ status: 'done', result: { note: '等太久' } });
        expect(await store.followUps.update('f1', 2, { status: 'closed' })).toBeNull();
        expect(await store.followUps.open('c1')).toEqual([]);
        expect((await store.followUps.recent('c1', NOW.toISOString())).map((t) => t.id)).toEqual([
          'f1',
        ]);
        expect(await store.followUps.recent('c1', '2027-01-01T00:00:00.000Z')).toEqual([]);
        await store.followUps.linkSuggestion('f1', 's-9');
        expect((await store.followUps.ofUser('u1'))[0]?.suggestionId).toBe('s-9');
        expect(await store.followUps.erase('u1')).toBe(1);
        expect(await store.followUps.ofUser('u1')).toEqual([]);
        expect(await store.followUps.get('f1')).toMatchObject({
          residentKey: 'erased:f1',
          userId: null,
          phone: null,
          name: '',
          result: { satisfaction: 'unsatisfied', solved: 'no', note: '' },
        });
      });

      it('keeps each resident’s 不要电话回访, changed any time, and forgets it on erase', async () => {
        expect(await store.followUps.contactOf('u1')).toBeNull();
        expect(await store.followUps.noCalls([])).toEqual([]);
        const off = { userId: 'u1', noCalls: true, updatedAt: NOW.toISOString() };
        await store.followUps.setContact(off);
        await store.followUps.setContact({
          userId: 'u2',
          noCalls: false,
          updatedAt: NOW.toISOString(),
        });
        expect(await store.followUps.contactOf('u1')).toEqual(off);
        expect(await store.followUps.noCalls(['u1', 'u2', 'u3'])).toEqual(['u1']);
        const on = { ...off, noCalls: false, updatedAt: LATER.toISOString() };
        await store.followUps.setContact(on);
        expect(await store.followUps.contactOf('u1')).toEqual(on);
        expect(await store.followUps.noCalls(['u1', 'u2'])).toEqual([]);
        expect(await store.followUps.forgetContact('u1')).toBe(1);
        expect(await store.followUps.forgetContact('u1')).toBe(0);
        expect(await store.followUps.contactOf('u1')).toBeNull();
        expect(await store.followUps.contactOf('u2')).toMatchObject({ noCalls: false });
      });

      it('stores per-community rules', async () => {
        expect(await store.followUps.getRules('c1')).toBeNull();
        const rules = { paperwork: { followUp: false, delayDays: 2 } };
        await store.followUps.saveRules('c1', rules);
        expect(await store.followUps.getRules('c1')).toEqual(rules);
      });
    });

    describe('suggestions', () => {
      const suggestion = (
        id: string,
        userId: string | null,
        overrides: Partial<SuggestionRecord> = {},
      ): Omit<SuggestionRecord, 'receipt'> => ({
        id,
        community: 'c1',
        userId,
        name: '',
        category: 'hours',
        text: '希望周五也开放',
        photo: null,
        followUpId: null,
        source: 'resident',
        status: 'received',
        reply: null,
        reason: null,
        mergedInto: null,
        changeId: null,
        solved: null,
        requestId: `req-${id}`,
        createdAt: NOW.toISOString(),
        updatedAt: NOW.toISOString(),
        answeredAt: null,
        ...overrides,
      });
      const limit = { since: '2026-12-01T16:00:00.000Z', max: 2 };

      beforeEach(async () => {
        await store.communities.save(sampleCommunity('c1'));
      });

      it('numbers receipts per prefix, dedupes retries and holds the daily limit', async () => {
        const a = await store.suggestions.submit(suggestion('s1', 'u1'), 'C1-1202', limit);
        const b = await store.suggestions.submit(suggestion('s2', 'u2'), 'C1-1202', limit);
        expect([a, b].map((o) => (o.kind === 'limited' ? o.kind : o.record.receipt))).toEqual([
          'C1-1202-001',
          'C1-1202-002',
        ]);
        expect(await store.suggestions.submit(suggestion('s1', 'u1'), 'C1-1202', limit)).toEqual(
          a.kind === 'limited' ? a : { kind: 'existing', record: a.record },
        );
        await store.suggestions.submit(suggestion('s3', 'u1'), 'C1-1202', limit);
        expect(await store.suggestions.submit(suggestion('s4', 'u1'), 'C1-1202', limit)).toEqual({
          kind: 'limited',
        });
        // Filed on a call for the resident: not counted against them.
        const byCall = await store.suggestions.submit(
          suggestion('s5', 'u1', { source: 'call' }),
          'C1-1203',
          null,
        );
        expect(byCall).toMatchObject({ kind: 'created', record: { receipt: 'C1-1203-001' } });
        expect((await store.suggestions.ofUser('u1')).map((s) => s.id).sort()).toEqual([
          's1',
          's3',
          's5',
        ]);
        expect((await store.suggestions.list('c1')).length).toBe(4);
      });

      it('never gives two suggestions filed at once the same receipt', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.suggestions.submit(suggestion(`p${i}`, `u${i}`), 'C1-1202', limit),
          ),
        );
        const receipts = outcomes.map((o) => (o.kind === 'limited' ? '' : o.record.receipt));
        expect(new Set(receipts).size).toBe(10);
      });

      it('updates by status, logs a change that adopts its suggestions, and erases authors', async () => {
        await store.suggestions.submit(suggestion('s1', 'u1'), 'C1-1202', null);
        await store.suggestions.submit(suggestion('s2', 'u2'), 'C1-1202', null);
        const replied = await store.suggestions.update('s1', ['received'], {
          status: 'answered',
          reply: '收到',
          answeredAt: LATER.toISOString(),
        });
        expect(replied).toMatchObject({ status: 'answered', reply: '收到' });
        expect(
          await store.suggestions.update('s1', ['received'], { status: 'reviewing' }),
        ).toBeNull();
        const change: ChangeRecord = {
          id: 'ch1',
          community: 'c1',
          title: '周五晚也开放',
          detail: '从 12 月起',
          since: '2026-12-04',
          suggestionIds: ['s1', 's2'],
          createdBy: 'staff-1',
          createdAt: LATER.toISOString(),
        };
        await store.suggestions.addChange(change, LATER.toISOString());
        expect(await store.suggestions.getChange('ch1')).toEqual(change);
        expect(await store.suggestions.changes('c1')).toEqual([change]);
        expect(await store.suggestions.get('s2')).toMatchObject({
          status: 'adopted',
          changeId: 'ch1',
          answeredAt: LATER.toISOString(),
        });
        expect(await store.suggestions.erase('u1')).toBe(1);
        expect(await store.suggestions.get('s1')).toMatchObject({
          userId: null,
          text: '希望周五也开放',
        });
        expect(await store.suggestions.ofUser('u1')).toEqual([]);
      });
    });

    describe('surveys, reports and rosters', () => {
      beforeEach(async () => {
        await store.communities.save(sampleCommunity('c1'));
      });

      const round = (id: string, createdAt: string): RoundRecord => ({
        id,
        community: 'c1',
        title: '点单',
        candidates: [
          { id: 'library', name: '图书阅览', kind: 'queue', description: '', source: 'current' },
          { id: 'p-new', name: '手机课', kind: 'drop-in', description: '', source: 'proposal' },
        ],
        maxChoices: 2,
        closesOn: '2026-12-09',
        status: 'open',
        menu: null,
        createdBy: 'staff-1',
        createdAt,
        publishedAt: null,
      });

      it('keeps a proposal’s link back to its suggestion (and none on a service)', async () => {
        const linked: RoundRecord = {
          ...round('r3', NOW.toISOString()),
          candidates: [
            { ...round('r3', '').candidates[0]!, suggestionId: null },
            {
              id: 'p-s1',
              name: '手机课',
              kind: 'drop-in',
              description: '居民建议 JS-1202-001',
              source: 'suggestion',
              suggestionId: 's-1',
            },
          ],
        };
        await store.surveys.createRound(linked);
        expect(await store.surveys.getRound('r3')).toEqual(linked);
        const published = await store.surveys.updateRound('r3', ['open'], {
          status: 'published',
          menu: ['p-s1'],
          publishedAt: LATER.toISOString(),
        });
        expect(published?.candidates[1]?.suggestionId).toBe('s-1');
      });

      it('keeps one ballot per voter and round, newest round first, and moves status by compare-and-set', async () => {
        await store.surveys.createRound(round('r1', NOW.toISOString()));
        await store.surveys.createRound(round('r2', LATER.toISOString()));
        expect((await store.surveys.rounds('c1')).map((r) => r.id)).toEqual(['r2', 'r1']);
        expect(await store.surveys.getRound('r1')).toEqual(round('r1', NOW.toISOString()));
        const ballot = (voterKey: string, choices: string[]) => ({
          roundId: 'r1',
          voterKey,
          choices,
          paper: false,
          updatedAt: NOW.toISOString(),
        });
        await Promise.all([
          store.surveys.vote(ballot('u1', ['library'])),
          store.surveys.vote(ballot('u1', ['p-new'])),
        ]);
        await store.surveys.vote(ballot('u2', ['library', 'p-new']));
        const votes = await store.surveys.votes('r1');
        expect(votes.filter((v) => v.voterKey === 'u1')).toHaveLength(1);
        expect(votes).toHaveLength(2);
        // Erased, the ballot still counts, under a key that does not name the voter.
        expect(await store.surveys.eraseVoter('u2')).toBe(1);
        expect(await store.surveys.eraseVoter('u2')).toBe(0);
        const anonymous = (await store.surveys.votes('r1')).filter((v) => v.voterKey !== 'u1');
        expect(anonymous).toEqual([
          expect.objectContaining({ choices: ['library', 'p-new'], paper: false }),
        ]);
        expect(anonymous[0]?.voterKey).toMatch(/^erased:/);
        expect(await store.surveys.updateRound('r1', ['open'], { status: 'closed' })).toMatchObject(
          { status: 'closed' },
        );
        expect(await store.surveys.updateRound('r1', ['open'], { status: 'closed' })).toBeNull();
        expect(
          await store.surveys.updateRound('r1', ['closed'], {
            status: 'published',
            menu: ['p-new'],
            publishedAt: LATER.toISOString(),
          }),
        ).toMatchObject({ status: 'published', menu: ['p-new'] });
      });

      it('keeps a void apart from the ballot: a new vote stays voided until staff count it again', async () => {
        await store.surveys.createRound(round('r1', NOW.toISOString()));
        const cast = (choices: string[], at: Date) => ({
          roundId: 'r1',
          voterKey: 'u1',
          choices,
          paper: false,
          updatedAt: at.toISOString(),
        });
        await store.surveys.vote(cast(['library'], NOW));
        await store.surveys.vote({ ...cast(['p-new'], NOW), voterKey: 'u2' });
        expect((await store.surveys.votes('r1')).map((v) => v.voidedAt)).toEqual([null, null]);
        await store.surveys.setVoided('r1', 'u1', { at: LATER.toISOString(), by: 'staff-1' });
        await store.surveys.setVoided('r1', 'u1', { at: LATER.toISOString(), by: 'staff-1' });
        await store.surveys.vote(cast(['p-new'], LATER));
        const [u2, u1] = await store.surveys.votes('r1');
        expect(u1).toEqual({
          ...cast(['p-new'], LATER),
          voidedAt: LATER.toISOString(),
          voidedBy: 'staff-1',
        });
        expect(u2).toMatchObject({ voterKey: 'u2', voidedAt: null, voidedBy: null });
        await store.surveys.setVoided('r1', 'u1', null);
        expect((await store.surveys.votes('r1')).map((v) => v.voidedAt)).toEqual([null, null]);
      });

      it('stores unit costs', async () => {
        expect(await store.reports.getCosts('c1')).toBeNull();
        await store.reports.saveCosts('c1', { library: 5, activity: 0 });
        expect(await store.reports.getCosts('c1')).toEqual({ library: 5, activity: 0 });
      });

      it('keeps shifts, companions (idempotent) and comp leave decided once', async () => {
        const shift: ShiftRecord = {
          id: 'sh1',
          community: 'c1',
          date: '2026-12-02',
          worker: 'w1',
          name: '李社工',
          start: '16:30',
          end: '20:00',
          loggedEnd: null,
          compMinutes: 0,
          createdAt: NOW.toISOString(),
        };
        await store.rosters.addShift(shift);
        expect(await store.rosters.shifts('c1', '2026-12-02')).toEqual([shift]);
        expect(await store.rosters.logEnd('sh1', '20:30', 210)).toEqual({
          ...shift,
          loggedEnd: '20:30',
          compMinutes: 210,
        });
        expect((await store.rosters.shiftsOf('w1')).map((s) => s.id)).toEqual(['sh1']);
        const companion: CompanionRecord = {
          id: 'c-1',
          community: 'c1',
          date: '2026-12-02',
          userId: 'u1',
          subject: 'ticket:t1',
          about: '取号 A012',
          note: '',
          worker: null,
          workerName: null,
          status: 'waiting',
          createdAt: NOW.toISOString(),
        };
        const [a, b] = await Promise.all([
          store.rosters.addCompanion(companion),
          store.rosters.addCompanion({ ...companion, id: 'c-2' }),
        ]);
        expect(a.id).toBe(b.id);
        expect(await store.rosters.companions('c1', '2026-12-02')).toHaveLength(1);
        expect(await store.rosters.companionOf('ticket:t1')).toEqual(a);
        expect(await store.rosters.companionOf('booking:t1')).toBeNull();
        expect(await store.rosters.assignCompanion(a.id, 'w1', '李社工')).toMatchObject({
          status: 'assigned',
          worker: 'w1',
        });
        expect((await store.rosters.companionsOf('w1')).map((c) => c.id)).toEqual([a.id]);
        const leave: LeaveRecord = {
          id: 'l1',
          worker: 'w1',
          name: '李社工',
          community: 'c1',
          date: '2026-12-07',
          minutes: 120,
          note: '',
          status: 'pending',
          createdAt: NOW.toISOString(),
          decidedBy: null,
        };
        await store.rosters.addLeave(leave);
        expect(await store.rosters.pendingLeave()).toEqual([leave]);
        const [x, y] = await Promise.all([
          store.rosters.decideLeave('l1', 'approved', 'admin'),
          store.rosters.decideLeave('l1', 'refused', 'admin'),
        ]);
        expect([x, y].filter((d) => d !== null)).toHaveLength(1);
        expect(await store.rosters.pendingLeave()).toEqual([]);
        expect((await store.rosters.leaveOf('w1'))[0]?.status).toBe(x ? 'approved' : 'refused');
      });

      it('keeps one companion request per ticket or booking, and erases a resident’s requests', async () => {
        const request = (id: string, subject: string, userId = 'u1'): CompanionRecord => ({
          id,
          community: 'c1',
          date: '2026-12-02',
          userId,
          subject,
          about: '取号 A012',
          note: '听障，请用文字沟通',
          worker: null,
          workerName: null,
          status: 'waiting',
          createdAt: NOW.toISOString(),
        });
        // A second tap on another device: same ticket, another id, the first request comes back.
        await store.rosters.addCompanion(request('k1', 'ticket:t1'));
        expect((await store.rosters.addCompanion(request('k2', 'ticket:t1'))).id).toBe('k1');
        await store.rosters.addCompanion({
          ...request('k3', 'booking:b1'),
          worker: 'w1',
          workerName: '李社工',
          status: 'assigned',
        });
        await store.rosters.addCompanion(request('k4', 'ticket:t2', 'u2'));
        expect((await store.rosters.companions('c1', '2026-12-02')).map((c) => c.id)).toEqual([
          'k1',
          'k3',
          'k4',
        ]);
        expect(await store.rosters.eraseCompanions('u1')).toBe(2);
        expect(await store.rosters.eraseCompanions('u1')).toBe(0);
        // Nobody took k1 up: it is gone. k3 stays as the worker's record, describing nobody.
        const after = await store.rosters.companions('c1', '2026-12-02');
        expect(after.map((c) => [c.id, c.userId, c.subject, c.note, c.about])).toEqual([
          ['k3', '', 'erased:k3', '', ''],
          ['k4', 'u2', 'ticket:t2', '听障，请用文字沟通', '取号 A012'],
        ]);
        expect(await store.rosters.getCompanion('k1')).toBeNull();
        expect(await store.rosters.companionOf('ticket:t1')).toBeNull();
        expect(await store.rosters.companionOf('booking:b1')).toBeNull();
        expect((await store.rosters.companionsOf('w1')).map((c) => c.id)).toEqual(['k3']);
      });

      it('clears the notes of past evenings only, once', async () => {
        const request = (id: string, date: string, note: string): CompanionRecord => ({
          id,
          community: 'c1',
          date,
          userId: 'u1',
          subject: `ticket:${id}`,
          about: '取号 A012',
          note,
          worker: null,
          workerName: null,
          status: 'waiting',
          createdAt: NOW.toISOString(),
        });
        await store.rosters.addCompanion(request('k1', '2026-12-02', '听障，请用文字沟通'));
        await store.rosters.addCompanion(request('k2', '2026-12-02', ''));
        await store.rosters.addCompanion(request('k3', '2026-12-09', '坐轮椅'));
        expect(await store.rosters.clearNotes('2026-12-03')).toBe(1);
        expect(await store.rosters.clearNotes('2026-12-03')).toBe(0);
        expect((await store.rosters.getCompanion('k1'))?.note).toBe('');
        expect((await store.rosters.getCompanion('k1'))?.about).toBe('取号 A012');
        expect((await store.rosters.getCompanion('k3'))?.note).toBe('坐轮椅');
      });

      it('lists the follow-ups of one evening', async () => {
        const base = {
          community: 'c1',
          date: '2026-12-02',
          userId: null,
          name: '',
          phone: null,
          channel: 'call' as const,
          services: [],
          kind: 'first' as const,
          parentId: null,
          due: '2026-12-03',
          status: 'open' as const,
          attempts: [],
          result: null,
          closedReason: null,
          suggestionId: null,
          createdAt: NOW.toISOString(),
          closedAt: null,
        };
        await store.followUps.create({ ...base, id: 'e1', residentKey: 'a' });
        await store.followUps.create({ ...base, id: 'e2', residentKey: 'b', date: '2026-12-09' });
        expect((await store.followUps.ofEvening('c1', '2026-12-02')).map((t) => t.id)).toEqual([
          'e1',
        ]);
      });
    });

    describe('timer job state', () => {
      const data = { after: 'c1', finished: false, count: 3, note: null, evenings: ['2026-12-01'] };

      it('keeps nothing until the first save, then the data as given, as version 1', async () => {
        expect(await store.jobs.get('followups', '2026-12-03')).toBeNull();
        const saved = await store.jobs.save('followups', '2026-12-03', 0, data, NOW);
        const expected = {
          job: 'followups',
          key: '2026-12-03',
          version: 1,
          data,
          updatedAt: NOW.toISOString(),
        };
        expect(saved).toEqual(expected);
        expect(await store.jobs.get('followups', '2026-12-03')).toEqual(expected);
        // Other keys and other jobs are separate states.
        expect(await store.jobs.get('followups', '2026-12-04')).toBeNull();
        expect(await store.jobs.get('reminders', '2026-12-03')).toBeNull();
      });

      it('replaces the data whole from the current version, and refuses a stale one', async () => {
        await store.jobs.save('followups', 'c1', 0, data, NOW);
        expect(await store.jobs.save('followups', 'c1', 0, { after: 'x' }, NOW)).toBeNull();
        const next = await store.jobs.save('followups', 'c1', 1, { finished: true }, LATER);
        expect(next).toMatchObject({ version: 2, data: { finished: true } });
        expect(await store.jobs.save('followups', 'c1', 1, { after: 'stale' }, LATER)).toBeNull();
        expect(await store.jobs.get('followups', 'c1')).toEqual({
          job: 'followups',
          key: 'c1',
          version: 2,
          data: { finished: true },
          updatedAt: LATER.toISOString(),
        });
      });

      it('lets exactly one of two saves from the same version win', async () => {
        for (const version of [0, 1]) {
          const results = await Promise.all([
            store.jobs.save('followups', 'race', version, { after: 'a' }, NOW),
            store.jobs.save('followups', 'race', version, { after: 'b' }, NOW),
          ]);
          const winners = results.filter((r) => r !== null);
          expect(winners).toHaveLength(1);
          expect(await store.jobs.get('followups', 'race')).toEqual(winners[0]);
        }
        expect((await store.jobs.get('followups', 'race'))?.version).toBe(2);
      });
    });

    describe('alert log', () => {
      const sent = (over: Partial<SentAlert>): SentAlert => ({
        userId: 'r1',
        kind: 'your-turn',
        ref: 't-1',
        community: 'c1',
        queue: 'library',
        date: '2026-12-02',
        label: 'A001',
        at: NOW.toISOString(),
        ...over,
      });

      it("reads one line's alerts of one evening, newest first, last recorded first on a tie", async () => {
        await store.alerts.record(sent({ kind: 'three-ahead', label: 'A004' }));
        await store.alerts.record(sent({ label: 'A001' }));
        await store.alerts.record(sent({ label: 'A002', at: LATER.toISOString() }));
        // Other lines, evenings and communities, and a booking notice, are not this line's.
        await store.alerts.record(sent({ queue: 'health', label: 'B001' }));
        await store.alerts.record(sent({ date: '2026-12-03', label: 'A009' }));
        await store.alerts.record(sent({ community: 'c2', label: 'A008' }));
        await store.alerts.record(
          sent({ kind: 'booking-promoted', queue: 'paperwork', label: '政务服务 19:00' }),
        );
        expect(await store.alerts.recent('c1', 'library', '2026-12-02', 10)).toEqual([
          { kind: 'your-turn', label: 'A002', at: LATER.toISOString() },
          { kind: 'your-turn', label: 'A001', at: NOW.toISOString() },
          { kind: 'three-ahead', label: 'A004', at: NOW.toISOString() },
        ]);
        expect(
          (await store.alerts.recent('c1', 'library', '2026-12-02', 2)).map((a) => a.label),
        ).toEqual(['A002', 'A001']);
        expect(await store.alerts.recent('c1', 'library', '2026-12-04', 10)).toEqual([]);
      });

      it('forgets the alerts sent before a cutoff, oldest first, a bounded slice at a time', async () => {
        const before = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
        await store.alerts.record(sent({ label: 'A001', at: before(3_000) }));
        await store.alerts.record(sent({ label: 'A002', at: before(2_000), userId: 'r2' }));
        await store.alerts.record(sent({ label: 'A003', at: before(1_000), community: 'c2' }));
        await store.alerts.record(sent({ label: 'A004' }));
        await store.alerts.record(sent({ label: 'A005', at: LATER.toISOString() }));
        const cutoff = NOW.toISOString();
        expect(await store.alerts.forgetBefore(cutoff, 2)).toBe(2);
        expect(
          (await store.alerts.recent('c1', 'library', '2026-12-02', 10)).map((a) => a.label),
        ).toEqual(['A005', 'A004']);
        // The next slice finds the one left (another community's), then nothing: sent at the
        // cutoff is not before it.
        expect(await store.alerts.forgetBefore(cutoff, 2)).toBe(1);
        expect(await store.alerts.forgetBefore(cutoff, 2)).toBe(0);
        expect(await store.alerts.recent('c2', 'library', '2026-12-02', 10)).toEqual([]);
        expect(
          (await store.alerts.recent('c1', 'library', '2026-12-02', 10)).map((a) => a.label),
        ).toEqual(['A005', 'A004']);
      });

      it('erases every alert sent to one resident, and only theirs', async () => {
        await store.alerts.record(sent({ label: 'A001' }));
        await store.alerts.record(sent({ label: 'A002', userId: 'r2' }));
        await store.alerts.record(sent({ kind: 'booking-promoted', queue: 'paperwork' }));
        expect(await store.alerts.erase('r1')).toBe(2);
        expect(await store.alerts.erase('r1')).toBe(0);
        expect(
          (await store.alerts.recent('c1', 'library', '2026-12-02', 10)).map((a) => a.label),
        ).toEqual(['A002']);
      });
    });

    describe('uploads', () => {
      const upload = (ref: string, over: Partial<UploadRecord> = {}): UploadRecord => ({
        ref,
        community: 'c1',
        kind: 'photo',
        userId: 'r1',
        uploadedAt: NOW.toISOString(),
        attachedAt: null,
        ...over,
      });
      const FILE = 'cloud://env-1.bucket/suggestion-photos/c1/a1b2.jpg';

      it('keeps an upload as given, attaches it once, and finds the unattached by age', async () => {
        expect(await store.uploads.get(FILE)).toBeNull();
        await store.uploads.add(upload(FILE));
        await store.uploads.add(upload('/media/b.png', { kind: 'cover', userId: 's1' }));
        await store.uploads.add(upload('/media/late.png', { uploadedAt: LATER.toISOString() }));
        expect(await store.uploads.get(FILE)).toEqual(upload(FILE));
        const cutoff = new Date(LATER.getTime() - 1).toISOString();
        expect((await store.uploads.unattachedBefore(cutoff, 10)).map((u) => u.ref).sort()).toEqual(
          ['/media/b.png', FILE].sort(),
        );
        expect(await store.uploads.unattachedBefore(cutoff, 1)).toHaveLength(1);

        const at = LATER.toISOString();
        expect(await store.uploads.attach(FILE, at)).toEqual(upload(FILE, { attachedAt: at }));
        // A second attach (a retried submit) keeps the first instant.
        const again = new Date(LATER.getTime() + 60_000).toISOString();
        expect(await store.uploads.attach(FILE, again)).toEqual(upload(FILE, { attachedAt: at }));
        expect(await store.uploads.attach('/media/none.png', at)).toBeNull();
        expect((await store.uploads.unattachedBefore(cutoff, 10)).map((u) => u.ref)).toEqual([
          '/media/b.png',
        ]);
      });

      it('forgets only an unattached upload, once', async () => {
        await store.uploads.add(upload('/media/a.png'));
        await store.uploads.add(upload('/media/held.png'));
        await store.uploads.attach('/media/held.png', NOW.toISOString());
        expect(await store.uploads.forgetUnattached('/media/held.png')).toBe(false);
        expect(await store.uploads.get('/media/held.png')).not.toBeNull();
        expect(await store.uploads.forgetUnattached('/media/a.png')).toBe(true);
        expect(await store.uploads.forgetUnattached('/media/a.png')).toBe(false);
        expect(await store.uploads.get('/media/a.png')).toBeNull();
        expect(await store.uploads.attach('/media/a.png', NOW.toISOString())).toBeNull();
      });

      it('takes at most `max` uploads per person, kind and day, also when asked at once', async () => {
        const takes = await Promise.all(
          Array.from({ length: 5 }, () => store.uploads.take('r1', 'photo', '2026-12-02', 3)),
        );
        expect(takes.filter(Boolean)).toHaveLength(3);
        expect(await store.uploads.take('r1', 'photo', '2026-12-02', 3)).toBe(false);
        // Another day, kind or person counts apart.
        expect(await store.uploads.take('r1', 'photo', '2026-12-03', 3)).toBe(true);
        expect(await store.uploads.take('r1', 'cover', '2026-12-02', 3)).toBe(true);
        expect(await store.uploads.take('r2', 'photo', '2026-12-02', 3)).toBe(true);
      });
    });
  });
}
