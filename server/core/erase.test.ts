/**
 * What erasing a resident leaves of each record: the erasedX rules without a store, then one
 * resident played through the core on each store (SQLite and the CloudBase emulator), erased,
 * and looked for in every table or collection.
 */
import type Database from 'better-sqlite3';
import type { Booking } from '../../contract/booking';
import type { CallList } from '../../contract/followup';
import type { Envelope } from '../../contract/envelope';
import type { Notice } from '../../contract/notice';
import type { Ticket } from '../../contract/queue';
import type { Round } from '../../contract/survey';
import { COLLECTIONS } from '../stores/cloudbase';
import { coreHarness } from '../testing/core-harness';
import { addDays, todayOf } from './kernel/week';
import { memoryMedia } from '../testing/media';
import { erasedBooking } from './booking/decisions';
import { forgettableUser } from './identity';
import { erasedSignUp } from './notice/decisions';
import type { BookingRecord, EveningRecord, SignUpRecord, TicketRecord, VoteRecord } from './ports';
import { erasedEvening, erasedTicket } from './queue/evening';
import { erasedVote } from './survey/rules';

const ticket = (fields: Partial<TicketRecord>): TicketRecord => ({
  id: 'K-1',
  community: 'c1',
  queue: 'library',
  date: '2026-12-02',
  number: 1,
  label: 'A001',
  status: 'done',
  userId: 'u1',
  note: '',
  requestId: 'req-1',
  sortKey: 1,
  createdAt: '2026-12-02T10:00:00.000Z',
  calledAt: '2026-12-02T10:05:00.000Z',
  missedAt: null,
  closedAt: '2026-12-02T10:10:00.000Z',
  serviceSeconds: 300,
  alerted: true,
  alertedAt: null,
  ...fields,
});

describe('erasing a resident', () => {
  it('leaves a ticket without owner, note or request id; its number and times stay', () => {
    expect(erasedTicket(ticket({ note: '红外套' }))).toEqual(
      ticket({ userId: null, note: '', requestId: null }),
    );
  });

  it("erases only the resident's tickets of an evening, and nothing when they hold none", () => {
    const evening = {
      community: 'c1',
      queue: 'library',
      date: '2026-12-02',
      key: 'K',
      setup: null,
      paused: false,
      lastNumber: 2,
      version: 3,
      tickets: [ticket({}), ticket({ id: 'K-2', number: 2, userId: 'u2' })],
    } satisfies EveningRecord;
    const next = erasedEvening(evening, 'u1');
    expect(next?.tickets.map((t) => t.userId)).toEqual([null, 'u2']);
    expect(next?.tickets[1]).toBe(evening.tickets[1]);
    expect(erasedEvening(evening, 'u9')).toBeNull();
  });

  it('leaves a booking without owner, 称呼 or phone; seat, code and status stay', () => {
    const booking = {
      id: 'b1',
      userId: 'u1',
      name: '王阿姨',
      phone: '13812345678',
      requestId: 'r-1',
      code: 'K7MP',
      status: 'confirmed',
    } as BookingRecord;
    expect(erasedBooking(booking)).toEqual({
      ...booking,
      userId: null,
      name: '',
      phone: null,
      requestId: 'erased:b1',
    });
  });

  it('leaves a sign-up without owner or name; status and attendance stay', () => {
    const signUp = {
      id: 's1',
      userId: 'u1',
      name: '3栋 王阿姨',
      requestId: 'r-1',
      status: 'signed',
      attendedAt: '2026-12-02T11:00:00.000Z',
    } as SignUpRecord;
    expect(erasedSignUp(signUp)).toEqual({
      ...signUp,
      userId: null,
      name: '',
      requestId: 'erased:s1',
    });
  });

  it('keeps a ballot’s choices under a key that does not name the voter', () => {
    const vote: VoteRecord = {
      roundId: 'r1',
      voterKey: 'u1',
      choices: ['library'],
      paper: false,
      updatedAt: '2026-12-02T10:00:00.000Z',
      voidedAt: null,
      voidedBy: null,
    };
    expect(erasedVote(vote, 'x9')).toEqual({ ...vote, voterKey: 'erased:x9' });
  });

  it('forgets a resident’s user record, never an admin’s or a staff member’s', () => {
    const user = { id: 'u1', adminDigest: null, staffOf: [], sessionVersion: 0 };
    expect(forgettableUser(user)).toBe(true);
    // Even an admin of an old ADMIN_TOKEN keeps their record: staff data, not a resident's.
    expect(forgettableUser({ ...user, id: 'a1', adminDigest: 'old-digest' })).toBe(false);
    expect(forgettableUser({ ...user, id: 's1', staffOf: ['c1'] })).toBe(false);
    expect(forgettableUser(null)).toBe(false);
  });
});

const USER = 'wx:o-zhen-test-0001';
const NAME = '甄测试';
const PHONE = '13912345678';
const NOTE = '听力障碍测试';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const ok = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
  return envelope.data;
};

describe.each(['sqlite', 'cloudbase'] as const)('erasing a played resident on %s', (kind) => {
  it('leaves no trace of them in any table or collection, and deletes their photo', async () => {
    const { media, files } = memoryMedia();
    const h = await coreHarness('2026-12-02T18:00:00+08:00', { store: kind, media });
    try {
      const me = h.as(USER);
      const ticket = ok(
        await me<Ticket>('queue.join', {
          community: 'jinse',
          queue: 'library',
          requestId: 'erase-join-0001',
        }),
      );
      ok(await me('roster.requestCompanion', { kind: 'ticket', ref: ticket.id, note: NOTE }));
      const booking = ok(
        await me<Booking>('booking.book', {
          slotId: 'jinse_paperwork_20261202_1900',
          requestId: 'erase-book-0001',
          name: NAME,
          phone: PHONE,
          consent: true,
        }),
      );
      const draft = ok(
        await h.staff<Notice>('notice.save', {
          community: 'jinse',
          week: '2026-12-02',
          title: '本周三晚',
          body: '',
          activities: [
            {
              name: '书法体验课',
              date: '2026-12-02',
              startsAt: '19:00',
              endsAt: '20:00',
              place: '二楼',
              capacity: 5,
              signUp: true,
            },
          ],
        }),
      );
      const notice = ok(await h.staff<Notice>('notice.publish', { id: draft.id }));
      ok(
        await me('notice.signUp', {
          activityId: notice.activities[0]!.id,
          requestId: 'erase-signup-0001',
          name: NAME,
        }),
      );
      const round = ok(
        await h.staff<Round>('survey.open', {
          community: 'jinse',
          title: '点单',
          maxChoices: 3,
          closesOn: '2026-12-16',
          proposals: [],
        }),
      );
      ok(await me('survey.vote', { roundId: round.id, choices: ['library'] }));
      const { photo } = ok(
        await me<{ photo: string }>('suggestion.uploadPhoto', { community: 'jinse', data: PNG }),
      );
      ok(
        await me('suggestion.submit', {
          community: 'jinse',
          category: 'other',
          text: '希望多一些椅子',
          photo,
          requestId: 'erase-suggest-0001',
        }),
      );
      h.clock.set('2026-12-02T18:30:00+08:00');
      ok(await h.staff('queue.callNext', { community: 'jinse', queue: 'library' }));
      ok(await h.staff('booking.complete', { bookingId: booking.id }));
      h.clock.set('2026-12-03T09:00:00+08:00');
      ok(await h.staff('followup.run'));
      const calls = ok(await h.staff<CallList>('followup.due', { community: 'jinse' }));
      const task = calls.dueToday.find((t) => t.phone === PHONE)!;
      ok(
        await h.staff('followup.record', {
          id: task.id,
          outcome: 'reached',
          satisfaction: 'mostly',
          solved: 'partly',
          note: NOTE,
        }),
      );

      const everything = () =>
        h.emulator
          ? JSON.stringify(COLLECTIONS.map((c) => [c, h.emulator!.dump(c)]))
          : JSON.stringify(
              (h.store as unknown as { db: Database.Database }).db
                .prepare<[], { name: string }>(
                  "SELECT name FROM sqlite_master WHERE type = 'table'",
                )
                .all()
                .map(({ name }) => [
                  name,
                  (h.store as unknown as { db: Database.Database }).db
                    .prepare(`SELECT * FROM "${name}"`)
                    .all(),
                ]),
            );
      const needles = [USER, 'o-zhen-test', NAME, PHONE, NOTE];
      expect(needles.filter((n) => everything().includes(n))).toEqual(needles);
      expect(files.has(photo)).toBe(true);
      // Yesterday's counter too (the morning job has not swept it before 09:00).
      const yesterday = addDays(todayOf(h.clock.now()), -1);
      expect(await h.store.uploads.take(USER, 'cover', yesterday, 1)).toBe(true);

      expect(ok(await me<{ erased: number }>('followup.erase')).erased).toBeGreaterThan(0);
      expect(needles.filter((n) => everything().includes(n))).toEqual([]);
      expect(files.has(photo)).toBe(false);
      // The daily counters went too (CloudBase's ids are digests: found by user, kind and day).
      expect(await h.store.uploads.take(USER, 'photo', '2026-12-02', 1)).toBe(true);
      expect(await h.store.uploads.take(USER, 'cover', yesterday, 1)).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('erasing a photo another resident also sent', () => {
  // Stored files have random names (core/upload), so the same picture sent twice is two files:
  // erasing one resident deletes theirs and leaves the other's.
  it('deletes the erased resident’s file and keeps the other’s', async () => {
    const { media, files } = memoryMedia();
    const h = await coreHarness('2026-12-02T18:00:00+08:00', { media });
    try {
      const send = async (user: string) => {
        const { photo } = ok(
          await h.as(user)<{ photo: string }>('suggestion.uploadPhoto', {
            community: 'jinse',
            data: PNG,
          }),
        );
        ok(
          await h.as(user)('suggestion.submit', {
            community: 'jinse',
            category: 'other',
            text: '椅子不够',
            photo,
            requestId: `photo-${user}-0001`,
          }),
        );
        return photo;
      };
      const first = await send('u1');
      const second = await send('u2');
      expect(second).not.toBe(first);
      ok(await h.as('u1')('followup.erase'));
      expect([files.has(first), files.has(second)]).toEqual([false, true]);
      ok(await h.as('u2')('followup.erase'));
      expect(files.has(second)).toBe(false);
    } finally {
      await h.close();
    }
  });
});
