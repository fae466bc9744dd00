/**
 * Retention (#13) as every store must do it: records a year past their evening are anonymised
 * by the erase rules, bounded and idempotent, counts kept; past days' upload counters go, and
 * erase removes a resident's counters of the days it is given. Each adapter's contract test calls
 * describeRetentionContract with the opener it gives describeStoreContract.
 */
import type {
  ActivityRecord,
  BookRequest,
  CompanionRecord,
  FollowUpRecord,
  NoticeRecord,
  SignUpRequest,
  Store,
  SuggestionRecord,
} from '../../core/ports';
import { decideCallNext, decideJoin, openEvening } from '../../core/queue/evening';
import { cutoffInstant, retentionCutoff } from '../../core/retention/rules';
import { sampleCommunity, sampleLineSetup } from './store-contract';
import { uncapped } from './uncapped';

const NOW = new Date('2026-12-02T10:00:00.000Z');
/** 400 and 10 days before NOW's day (2026-12-02, Asia/Shanghai). */
const OLD = '2025-10-28';
const RECENT = '2026-11-22';
const at = (date: string) => new Date(`${date}T19:00:00+08:00`);
const CUTOFF = retentionCutoff(NOW);
const CUTOFF_AT = cutoffInstant(CUTOFF);

const booking = (date: string, userId: string | null, requestId: string): BookRequest => ({
  slotId: `c1_paperwork_${date.replace(/-/g, '')}_1900`,
  community: 'c1',
  service: 'paperwork',
  date,
  startsAt: '19:00',
  userId,
  name: '王阿姨',
  phone: '13812345678',
  requestId,
  seats: 3,
  waitlist: true,
  codes: [requestId.replace(/[^A-Za-z0-9]/g, '').toUpperCase()],
  now: at(date),
});

const activity = (id: string, date: string): ActivityRecord => ({
  id,
  noticeId: `n-${id}`,
  community: 'c1',
  name: `活动${id}`,
  date,
  startsAt: '18:30',
  endsAt: '19:30',
  place: '二楼活动室',
  capacity: 5,
  signUp: true,
  code: 'K7P2Q9',
  sort: 0,
});

const notice = (a: ActivityRecord, week: string): NoticeRecord => ({
  id: a.noticeId,
  community: 'c1',
  week,
  title: '本周活动',
  body: '',
  cover: null,
  status: 'published',
  pinned: false,
  createdBy: 'staff-1',
  createdAt: at(a.date).toISOString(),
  updatedAt: at(a.date).toISOString(),
  publishedAt: at(a.date).toISOString(),
  editedAt: null,
  activities: [a],
});

const signUp = (activityId: string, userId: string, date: string): SignUpRequest => ({
  activityId,
  community: 'c1',
  userId,
  name: '甄测试',
  requestId: `s-${activityId}-${userId}`,
  capacity: 5,
  now: at(date),
});

const task = (id: string, date: string): FollowUpRecord => ({
  id,
  community: 'c1',
  date,
  residentKey: 'u1',
  userId: 'u1',
  name: '王阿姨',
  phone: '13812345678',
  channel: 'call',
  services: ['政务服务 19:00'],
  kind: 'first',
  parentId: null,
  due: date,
  status: 'done',
  attempts: [{ outcome: 'reached', at: at(date).toISOString(), by: '李社工' }],
  result: { satisfaction: 'satisfied', solved: 'yes', note: '腿脚不便，下次上门' },
  closedReason: null,
  suggestionId: null,
  createdAt: at(date).toISOString(),
  closedAt: at(date).toISOString(),
});

const suggestion = (id: string, date: string): Omit<SuggestionRecord, 'receipt'> => ({
  id,
  community: 'c1',
  userId: 'u1',
  name: '王阿姨',
  category: 'hours',
  text: '希望周五也开放',
  photo: `cloud://env-1.bucket/suggestion-photos/c1/${id}.jpg`,
  followUpId: null,
  source: 'resident',
  status: 'received',
  reply: null,
  reason: null,
  mergedInto: null,
  changeId: null,
  solved: null,
  requestId: `req-${id}`,
  createdAt: at(date).toISOString(),
  updatedAt: at(date).toISOString(),
  answeredAt: null,
});

const LINE = sampleLineSetup;

export function describeRetentionContract(name: string, open: () => Promise<Store>): void {
  describe(`retention contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
      await store.communities.save(sampleCommunity('c1'));
    });
    afterEach(async () => {
      await store?.close();
    });

    it('the cutoff is a year before today in Asia/Shanghai', () => {
      expect(CUTOFF).toBe('2025-12-02');
      expect(CUTOFF_AT).toBe('2025-12-01T16:00:00.000Z');
    });

    it('anonymises a booking 400 days old, leaves one 10 days old; seats stay; twice is once', async () => {
      const old = await store.bookings.book(booking(OLD, 'u1', 'r-old'));
      const staffMade = await store.bookings.book(booking(OLD, null, 'staff:r-walk'));
      const recent = await store.bookings.book(booking(RECENT, 'u1', 'r-new'));
      if (old.kind !== 'created' || staffMade.kind !== 'created' || recent.kind !== 'created') {
        throw new Error('booking refused');
      }
      const countsBefore = await store.bookings.slotCounts('c1', 'paperwork', OLD);
      expect(await store.bookings.anonymiseBefore(CUTOFF, 10)).toBe(2);
      expect(await store.bookings.getBooking(old.booking.id)).toEqual({
        ...old.booking,
        userId: null,
        name: '',
        phone: null,
        requestId: `erased:${old.booking.id}`,
      });
      expect(await store.bookings.getBooking(staffMade.booking.id)).toMatchObject({
        name: '',
        phone: null,
        status: 'confirmed',
      });
      expect(await store.bookings.getBooking(recent.booking.id)).toEqual(recent.booking);
      expect(await store.bookings.slotCounts('c1', 'paperwork', OLD)).toEqual(countsBefore);
      expect((await store.bookings.ofUser('u1')).map((b) => b.id)).toEqual([recent.booking.id]);
      expect(await store.bookings.anonymiseBefore(CUTOFF, 10)).toBe(0);
    });

    it('does at most `limit` bookings a call, the rest on the next', async () => {
      for (const n of [1, 2, 3]) await store.bookings.book(booking(OLD, `u${n}`, `r-${n}`));
      expect(await store.bookings.anonymiseBefore(CUTOFF, 2)).toBe(2);
      expect(await store.bookings.anonymiseBefore(CUTOFF, 2)).toBe(1);
      expect(await store.bookings.anonymiseBefore(CUTOFF, 2)).toBe(0);
    });

    it('anonymises old activity sign-ups; counts and attendance stay; twice is once', async () => {
      const [a, b] = [activity('a-old', OLD), activity('a-new', RECENT)];
      await store.notices.save(notice(a, '2025-10-27'));
      await store.notices.save(notice(b, '2026-11-16'));
      const old = await uncapped(store.notices).signUp(signUp(a.id, 'u1', OLD));
      await uncapped(store.notices).signUp(signUp(a.id, 'u2', OLD));
      await store.notices.setAttended(old.signUp.id, at(OLD).toISOString());
      const recent = await uncapped(store.notices).signUp(signUp(b.id, 'u1', RECENT));
      const counts = await store.notices.counts([a.id, b.id]);
      expect(await store.notices.anonymiseSignUpsBefore(CUTOFF_AT, 10)).toBe(2);
      expect(await store.notices.getSignUp(old.signUp.id)).toMatchObject({
        userId: null,
        name: '',
        status: 'signed',
        requestId: `erased:${old.signUp.id}`,
      });
      expect((await store.notices.getSignUp(old.signUp.id))?.attendedAt).not.toBeNull();
      expect(await store.notices.getSignUp(recent.signUp.id)).toEqual(recent.signUp);
      expect(await store.notices.counts([a.id, b.id])).toEqual(counts);
      expect((await store.notices.signUpsOfUser('u1')).map((s) => s.id)).toEqual([
        recent.signUp.id,
      ]);
      expect(await store.notices.anonymiseSignUpsBefore(CUTOFF_AT, 10)).toBe(0);
    });

    it('anonymises old follow-up tasks (name, phone, note); the result stays; twice is once', async () => {
      await store.followUps.create(task('f-old', OLD));
      await store.followUps.create(task('f-new', RECENT));
      const recent = await store.followUps.get('f-new');
      expect(await store.followUps.anonymiseBefore(CUTOFF, 10)).toBe(1);
      expect(await store.followUps.get('f-old')).toMatchObject({
        residentKey: 'erased:f-old',
        userId: null,
        name: '',
        phone: null,
        status: 'done',
        result: { satisfaction: 'satisfied', solved: 'yes', note: '' },
      });
      expect(await store.followUps.get('f-new')).toEqual(recent);
      expect((await store.followUps.ofUser('u1')).map((t) => t.id)).toEqual(['f-new']);
      expect((await store.followUps.ofEvening('c1', OLD)).map((t) => t.id)).toEqual(['f-old']);
      expect(await store.followUps.anonymiseBefore(CUTOFF, 10)).toBe(0);
    });

    it('anonymises old suggestions and hands back their photos; the text stays; twice is once', async () => {
      const old = await store.suggestions.submit(suggestion('s-old', OLD), 'JS-1028', null);
      const recent = await store.suggestions.submit(suggestion('s-new', RECENT), 'JS-1122', null);
      if (old.kind !== 'created' || recent.kind !== 'created') throw new Error('not filed');
      expect(await store.suggestions.anonymiseBefore(CUTOFF_AT, 10)).toEqual({
        changed: 1,
        photos: [{ community: 'c1', ref: suggestion('s-old', OLD).photo }],
      });
      expect(await store.suggestions.get('s-old')).toEqual({
        ...old.record,
        userId: null,
        name: '',
        photo: null,
      });
      expect(await store.suggestions.get('s-new')).toEqual(recent.record);
      expect((await store.suggestions.list('c1')).length).toBe(2);
      expect(await store.suggestions.anonymiseBefore(CUTOFF_AT, 10)).toEqual({
        changed: 0,
        photos: [],
      });
      // The old request no longer leads to the anonymised suggestion: filed again, it is new.
      const again = await store.suggestions.submit(
        { ...suggestion('s-again', RECENT), requestId: 'req-s-old' },
        'JS-1122',
        null,
      );
      expect(again.kind).toBe('created');
    });

    it('anonymises old companion requests as erase does: untaken ones go; twice is once', async () => {
      const request = (id: string, date: string, worker: string | null): CompanionRecord => ({
        id,
        community: 'c1',
        date,
        userId: 'u1',
        subject: `ticket:t-${id}`,
        about: '取号 A012',
        note: '',
        worker,
        workerName: worker ? '李社工' : null,
        status: worker ? 'assigned' : 'waiting',
        createdAt: at(date).toISOString(),
      });
      await store.rosters.addCompanion(request('k-taken', OLD, 'w1'));
      await store.rosters.addCompanion(request('k-untaken', OLD, null));
      await store.rosters.addCompanion(request('k-new', RECENT, 'w1'));
      const recent = await store.rosters.getCompanion('k-new');
      expect(await store.rosters.anonymiseCompanionsBefore(CUTOFF, 10)).toBe(2);
      expect(await store.rosters.getCompanion('k-taken')).toMatchObject({
        userId: '',
        subject: 'erased:k-taken',
        about: '',
        worker: 'w1',
        status: 'assigned',
      });
      expect(await store.rosters.getCompanion('k-untaken')).toBeNull();
      expect(await store.rosters.companionOf('ticket:t-k-taken')).toBeNull();
      expect(await store.rosters.getCompanion('k-new')).toEqual(recent);
      expect(await store.rosters.companionOf('ticket:t-k-new')).toEqual(recent);
      expect(await store.rosters.anonymiseCompanionsBefore(CUTOFF, 10)).toBe(0);
    });

    describe('queue evenings', () => {
      /** A number taken as the core does, a resident's counted (their numbers of the evening). */
      const join = (queue: string, date: string, userId: string | null, note = '') =>
        store.queues.change(
          'c1',
          queue,
          date,
          (current, taken) => {
            const key = `K${queue}${date.replace(/-/g, '')}`;
            const evening =
              current ?? openEvening({ community: 'c1', queue, date, key, setup: LINE });
            const req = { userId, requestId: userId && `r-${userId}`, note, byStaff: !userId };
            return { ...decideJoin(evening, LINE, req, at(date), taken), line: null };
          },
          userId,
        );
      const callNext = (queue: string, date: string, minutes: number) =>
        store.queues.change('c1', queue, date, (current) => ({
          next: decideCallNext(current!, new Date(at(date).getTime() + minutes * 60_000)).next,
          line: null,
          result: null,
        }));
      /** The ids of `userId`'s numbers of the evening, as a join by them counts them. */
      const takenBy = (userId: string, date: string) =>
        store.queues.change(
          'c1',
          'library',
          date,
          (_, taken) => ({
            next: null,
            line: null,
            result: taken,
          }),
          userId,
        );

      it('anonymises old evenings’ tickets, times and counts kept; recent ones stay; twice is once', async () => {
        await join('library', OLD, 'u1');
        await join('library', OLD, null, '王阿姨 代办社保');
        await join('library', OLD, 'u2');
        await callNext('library', OLD, 5);
        await callNext('library', OLD, 15);
        await join('library', RECENT, 'u1');
        const before = (await store.queues.getEvening('c1', 'library', OLD))!;
        const recent = await store.queues.getEvening('c1', 'library', RECENT);
        expect(await takenBy('u1', OLD)).toHaveLength(1);
        expect(await store.queues.anonymiseBefore(CUTOFF, 10)).toBe(1);
        const after = await store.queues.getEvening('c1', 'library', OLD);
        expect(after).toEqual({
          ...before,
          tickets: before.tickets.map((t) => ({ ...t, userId: null, note: '', requestId: null })),
        });
        expect(after?.tickets.map((t) => t.status)).toEqual(['done', 'called', 'waiting']);
        expect(after?.tickets[0]?.serviceSeconds).toBe(600);
        expect(await store.queues.eveningsOfUser('u1', OLD)).toEqual([]);
        // The numbers a resident's join counted on the old evening name them no more.
        expect(await takenBy('u1', OLD)).toEqual([]);
        expect(await store.queues.getEvening('c1', 'library', RECENT)).toEqual(recent);
        expect(await store.queues.eveningsOfUser('u1', RECENT)).toHaveLength(1);
        expect(await store.queues.anonymiseBefore(CUTOFF, 10)).toBe(0);
      });

      it('does at most `limit` evenings a call, the rest on the next', async () => {
        for (const queue of ['library', 'health', 'legal']) await join(queue, OLD, 'u1');
        expect(await store.queues.anonymiseBefore(CUTOFF, 2)).toBe(2);
        expect(await store.queues.anonymiseBefore(CUTOFF, 2)).toBe(1);
        expect(await store.queues.anonymiseBefore(CUTOFF, 2)).toBe(0);
        for (const queue of ['library', 'health', 'legal']) {
          const evening = await store.queues.getEvening('c1', queue, OLD);
          expect(evening?.tickets.map((t) => t.userId)).toEqual([null]);
        }
      });
    });

    it('forgets residents’ photo uploads made before the cutoff, attached or not; covers stay', async () => {
      const upload = (ref: string, kind: 'photo' | 'cover', date: string) => ({
        ref,
        community: 'c1',
        kind,
        userId: 'u1',
        uploadedAt: at(date).toISOString(),
        attachedAt: at(date).toISOString(),
      });
      await store.uploads.add(upload('cloud://e.b/suggestion-photos/c1/old1.jpg', 'photo', OLD));
      await store.uploads.add({
        ...upload('cloud://e.b/suggestion-photos/c1/old2.jpg', 'photo', OLD),
        attachedAt: null,
      });
      await store.uploads.add(upload('cloud://e.b/notice-covers/c1/old3.jpg', 'cover', OLD));
      await store.uploads.add(upload('cloud://e.b/suggestion-photos/c1/new.jpg', 'photo', RECENT));
      expect(await store.uploads.forgetPhotosBefore(CUTOFF_AT, 1)).toBe(1);
      expect(await store.uploads.forgetPhotosBefore(CUTOFF_AT, 10)).toBe(1);
      expect(await store.uploads.forgetPhotosBefore(CUTOFF_AT, 10)).toBe(0);
      expect(await store.uploads.get('cloud://e.b/suggestion-photos/c1/old1.jpg')).toBeNull();
      expect(await store.uploads.get('cloud://e.b/suggestion-photos/c1/old2.jpg')).toBeNull();
      expect(await store.uploads.get('cloud://e.b/notice-covers/c1/old3.jpg')).not.toBeNull();
      expect(await store.uploads.get('cloud://e.b/suggestion-photos/c1/new.jpg')).not.toBeNull();
    });

    it('sweeps upload counters of days before today, bounded, and keeps today’s', async () => {
      expect(await store.uploads.take('u1', 'photo', '2026-11-30', 1)).toBe(true);
      expect(await store.uploads.take('u1', 'cover', '2026-12-01', 1)).toBe(true);
      expect(await store.uploads.take('u2', 'photo', '2026-12-01', 1)).toBe(true);
      expect(await store.uploads.take('u1', 'photo', '2026-12-02', 1)).toBe(true);
      expect(await store.uploads.forgetCountsBefore('2026-12-02', 2)).toBe(2);
      expect(await store.uploads.forgetCountsBefore('2026-12-02', 2)).toBe(1);
      expect(await store.uploads.forgetCountsBefore('2026-12-02', 2)).toBe(0);
      // Swept: a day's counter starts again; today's is kept (its quota of 1 is used).
      expect(await store.uploads.take('u2', 'photo', '2026-12-01', 1)).toBe(true);
      expect(await store.uploads.take('u1', 'photo', '2026-12-02', 1)).toBe(false);
    });

    it("erase removes the resident's counters of the days given, and no one else's", async () => {
      for (const kind of ['photo', 'cover'] as const) {
        expect(await store.uploads.take('u1', kind, '2026-12-02', 1)).toBe(true);
        expect(await store.uploads.take('u1', kind, '2026-12-01', 1)).toBe(true);
      }
      expect(await store.uploads.take('u2', 'photo', '2026-12-02', 1)).toBe(true);
      expect(await store.uploads.eraseUploader('u1', ['2026-12-02', '2026-12-01'])).toEqual([]);
      for (const kind of ['photo', 'cover'] as const) {
        expect(await store.uploads.take('u1', kind, '2026-12-02', 1)).toBe(true);
        expect(await store.uploads.take('u1', kind, '2026-12-01', 1)).toBe(true);
      }
      expect(await store.uploads.take('u2', 'photo', '2026-12-02', 1)).toBe(false);
    });
  });
}
