import * as z from 'zod';
import type { BookingStatus, DeskMove } from '../../../contract/booking';
import { defineAction, userOf, type ActionContext } from '../action';
import { communityOrThrow } from '../kernel/community';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { parseSlotId } from '../booking/slots';
import {
  announcePromotion,
  assertChangeable,
  book,
  bookingView,
  figuresOf,
  ownBooking,
  services,
  settingsFor,
  slots,
  staffView,
  companionsByBooking,
  STATUS_WORDS,
} from '../booking/service';
import { bookingCodes, deskMoves, isLive } from '../booking/rules';
import { bookableDates, bookableService, resolveSlot } from '../booking/slots';
import type { BookingPatch, BookingRecord } from '../ports';
import { ids } from '../validation';

const bookingRef = z.object({ bookingId: ids.record }).strict();
/** Chinese mobile and landline numbers, digits with optional hyphens. */
const phone = z
  .string()
  .trim()
  .regex(/^[0-9-]{7,20}$/);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const slot = z.string().regex(/^[a-z0-9_-]{10,80}$/);
/** The 称呼 a resident may give for the desk ("王阿姨"): short, never required. */
const residentName = z.string().trim().max(20);

const bookingCommunity = async (input: { bookingId: string }, deps: CoreDeps) =>
  (await deps.store.bookings.getBooking(input.bookingId))?.community ?? null;

/** A phone is kept only with the resident's explicit consent. */
const consentedPhone = (input: { phone?: string; consent?: boolean }) => {
  if (input.phone === undefined || input.phone === '') return null;
  if (input.consent !== true)
    throw new AppError('BAD_INPUT', '请先勾选同意社工联系您，再留电话', 'consent');
  return input.phone;
};

/** Each desk move: the statuses it starts from, where it goes, and what it records. */
const DESK_MOVES: Record<DeskMove, { from: BookingStatus[]; patch: (at: string) => BookingPatch }> =
  {
    checkIn: { from: ['confirmed'], patch: (at) => ({ status: 'checked-in', checkedInAt: at }) },
    complete: {
      from: ['confirmed', 'checked-in'],
      patch: (at) => ({ status: 'completed', closedAt: at }),
    },
    noShow: { from: ['confirmed'], patch: (at) => ({ status: 'no-show', closedAt: at }) },
    undoNoShow: { from: ['no-show'], patch: () => ({ status: 'confirmed', closedAt: null }) },
  };

/** Why the rule (deskMoves) refuses a move, in the desk's words. */
function refusal(move: DeskMove, b: BookingRecord): AppError {
  if (!DESK_MOVES[move].from.includes(b.status)) {
    return new AppError('CONFLICT', `这条预约${STATUS_WORDS[b.status]}，不能这样操作`);
  }
  if (move === 'noShow') {
    return new AppError('CLOSED', `时段 ${b.startsAt} 开始后才能标记未到`);
  }
  if (move === 'undoNoShow') return new AppError('CLOSED', '只能在当晚撤销未到');
  return new AppError('CLOSED', '还没到这条预约的日子');
}

/**
 * Undoing 未到 gives the resident their booking back: refused if they hold another live booking
 * in the slot meanwhile (one live booking per resident and slot, as booking keeps it).
 */
async function assertUndoable(ctx: ActionContext, b: BookingRecord) {
  if (!b.userId) return;
  const other = (await ctx.deps.store.bookings.ofUser(b.userId)).find(
    (x) => x.id !== b.id && x.slotId === b.slotId && (isLive(x) || x.status === 'checked-in'),
  );
  if (other) throw new AppError('CONFLICT', '这位居民在这个时段已有另一条预约，不能撤销');
}

/** Staff moves on an evening's list: check in, complete, mark no-show, undo a no-show. */
const staffMove = (move: DeskMove) =>
  defineAction({
    id: `booking.${move}`,
    role: 'staff',
    input: bookingRef,
    example: { bookingId: 'booking-1' },
    community: bookingCommunity,
    handler: async (ctx: ActionContext, input) => {
      const current = await ctx.deps.store.bookings.getBooking(input.bookingId);
      if (!current) throw notFound('没有找到这条预约');
      if (!deskMoves(current, ctx.now).includes(move)) throw refusal(move, current);
      if (move === 'undoNoShow') await assertUndoable(ctx, current);
      const { from, patch } = DESK_MOVES[move];
      const updated = await ctx.deps.store.bookings.update(
        input.bookingId,
        from,
        patch(ctx.now.toISOString()),
      );
      if (!updated) throw new AppError('CONFLICT', '这条预约刚刚被处理过了，请刷新后再试');
      return staffView(ctx.deps, updated, ctx.now);
    },
  });

export const bookingActions = [
  defineAction({
    id: 'booking.services',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async (ctx, input) => services(ctx.deps, input.community, ctx.now),
  }),
  defineAction({
    id: 'booking.slots',
    role: 'public',
    input: z.object({ community: ids.community, service: ids.service, date }).strict(),
    example: { community: 'jinse', service: 'paperwork', date: '2026-12-02' },
    handler: async (ctx, input) => slots(ctx.deps, input, ctx.now),
  }),
  defineAction({
    id: 'booking.book',
    role: 'resident',
    input: z
      .object({
        slotId: slot,
        requestId: ids.requestId,
        name: residentName.optional(),
        phone: phone.optional(),
        consent: z.boolean().optional(),
      })
      .strict(),
    example: {
      slotId: 'jinse_paperwork_20261202_1900',
      requestId: 'book-req-0001',
      name: '王阿姨',
      phone: '13812345678',
      consent: true,
    },
    handler: async (ctx, input) => {
      const user = userOf(ctx);
      const { booking } = await book(
        ctx.deps,
        {
          slotId: input.slotId,
          userId: user.id,
          name: input.name ?? '',
          phone: consentedPhone(input),
          requestId: input.requestId,
        },
        ctx.now,
      );
      return bookingView(ctx.deps, booking, ctx.now);
    },
  }),
  defineAction({
    id: 'booking.cancel',
    role: 'resident',
    input: bookingRef,
    example: { bookingId: 'booking-1' },
    handler: async (ctx, input) => {
      const current = await ownBooking(ctx.deps, userOf(ctx).id, input.bookingId);
      await assertChangeable(ctx.deps, current, ctx.now, '取消');
      const result = await ctx.deps.store.bookings.cancel(
        current.id,
        ['confirmed', 'waitlisted'],
        ctx.now,
      );
      if (!result) throw new AppError('CONFLICT', '这条预约刚刚被处理过了，请刷新后再试');
      await announcePromotion(ctx.deps, result.promoted, ctx.now);
      return bookingView(ctx.deps, result.cancelled, ctx.now);
    },
  }),
  defineAction({
    id: 'booking.reschedule',
    role: 'resident',
    input: z.object({ bookingId: ids.record, slotId: slot, requestId: ids.requestId }).strict(),
    example: {
      bookingId: 'booking-1',
      slotId: 'jinse_paperwork_20261202_1930',
      requestId: 'move-req-0001',
    },
    handler: async (ctx, input) => {
      const user = userOf(ctx);
      const current = await ownBooking(ctx.deps, user.id, input.bookingId);
      await assertChangeable(ctx.deps, current, ctx.now, '改约');
      const ref = parseSlotId(input.slotId);
      if (!ref || ref.community !== current.community || ref.service !== current.service) {
        throw new AppError('BAD_INPUT', '只能改到同一项服务的其他时段', 'slotId');
      }
      const community = await communityOrThrow(ctx.deps, ref.community);
      const settings = await settingsFor(ctx.deps, community.id, ref.service);
      resolveSlot(community, ref, settings, ctx.now);
      const result = await ctx.deps.store.bookings.reschedule(current.id, {
        slotId: input.slotId,
        ...ref,
        userId: user.id,
        name: current.name,
        phone: current.phone,
        requestId: input.requestId,
        seats: settings.seatsPerSlot,
        // A move is for a seat: the store never puts it on a waitlist.
        waitlist: false,
        codes: bookingCodes(),
        now: ctx.now,
      });
      if (result.kind === 'full') throw new AppError('CONFLICT', '新时段已满，原预约保留不变');
      if (result.kind === 'stale')
        throw new AppError('CONFLICT', '这条预约刚刚被处理过了，请刷新后再试');
      await announcePromotion(ctx.deps, result.promoted, ctx.now);
      return bookingView(ctx.deps, result.booking, ctx.now);
    },
  }),
  defineAction({
    id: 'booking.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => {
      const records = await ctx.deps.store.bookings.ofUser(userOf(ctx).id);
      return Promise.all(records.map((b) => bookingView(ctx.deps, b, ctx.now)));
    },
  }),
  defineAction({
    id: 'booking.configure',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        service: ids.service,
        slotMinutes: z
          .union([
            z.literal(10),
            z.literal(15),
            z.literal(20),
            z.literal(30),
            z.literal(45),
            z.literal(60),
          ])
          .optional(),
        seatsPerSlot: z.number().int().min(1).max(50).optional(),
        cutoffHours: z.number().int().min(0).max(72).optional(),
        bring: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
        weekdays: z.array(z.number().int().min(0).max(6)).max(7).optional(),
      })
      .strict(),
    example: { community: 'jinse', service: 'paperwork', seatsPerSlot: 3, bring: ['身份证'] },
    community: (input) => input.community,
    handler: async (ctx, input) => {
      const community = await communityOrThrow(ctx.deps, input.community);
      const service = bookableService(community, input.service);
      const current = await settingsFor(ctx.deps, community.id, service.id);
      const evenings = community.evenings.map((e) => e.weekday);
      if (input.weekdays?.some((d) => !evenings.includes(d))) {
        throw new AppError('BAD_INPUT', '只能选择本社区的服务夜', 'weekdays');
      }
      const next = {
        slotMinutes: input.slotMinutes ?? current.slotMinutes,
        seatsPerSlot: input.seatsPerSlot ?? current.seatsPerSlot,
        cutoffHours: input.cutoffHours ?? current.cutoffHours,
        bring: input.bring ?? current.bring,
        weekdays: input.weekdays
          ? [...new Set(input.weekdays)].sort((a, b) => a - b)
          : current.weekdays,
      };
      await ctx.deps.store.bookings.saveSettings(community.id, service.id, next);
      return {
        id: service.id,
        name: service.name,
        description: service.description,
        ...next,
        dates: bookableDates(community, ctx.now, next.weekdays),
      };
    },
  }),
  defineAction({
    id: 'booking.list',
    role: 'staff',
    input: z.object({ community: ids.community, date, service: ids.service.optional() }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    community: (input) => input.community,
    handler: async (ctx, input) => {
      await communityOrThrow(ctx.deps, input.community);
      const records = await ctx.deps.store.bookings.listForDate(
        input.community,
        input.date,
        input.service,
      );
      const companions = await companionsByBooking(ctx.deps, input.community, input.date);
      return {
        date: input.date,
        bookings: await Promise.all(
          records.map((b) => staffView(ctx.deps, b, ctx.now, companions)),
        ),
        figures: figuresOf(records),
      };
    },
  }),
  staffMove('checkIn'),
  staffMove('complete'),
  staffMove('noShow'),
  staffMove('undoNoShow'),
  defineAction({
    id: 'booking.bookFor',
    role: 'staff',
    input: z
      .object({
        slotId: slot,
        name: z.string().trim().min(1).max(40),
        phone: phone.optional(),
        consent: z.boolean().optional(),
        requestId: ids.requestId,
      })
      .strict(),
    example: {
      slotId: 'jinse_paperwork_20261202_1900',
      name: '王阿姨（电话预约）',
      requestId: 'staff-req-0001',
    },
    community: (input) => parseSlotId(input.slotId)?.community ?? null,
    handler: async (ctx, input) => {
      const staff = userOf(ctx).id;
      const { booking } = await book(
        ctx.deps,
        {
          slotId: input.slotId,
          userId: null,
          name: input.name,
          phone: consentedPhone(input),
          // Scoped to the staff member, so two workers' request ids never collide.
          requestId: `${staff}:${input.requestId}`,
        },
        ctx.now,
      );
      return staffView(ctx.deps, booking, ctx.now);
    },
  }),
];
