import * as z from 'zod';
import type { DeskMove } from '../../../contract/booking';
import { defineAction, userOf, type ActionContext, inCommunity } from '../action';
import type { CoreDeps } from '../deps';
import {
  bookFor,
  bookSeat,
  cancelBooking,
  configureService,
  deskMove,
  eveningList,
  myBookings,
  rescheduleBooking,
} from '../booking/requests';
import { services, slots } from '../booking/service';
import { parseSlotId } from '../booking/slots';
import { ids, text } from '../validation';

const bookingRef = z.object({ bookingId: ids.record }).strict();
/** Chinese mobile and landline numbers, digits with optional hyphens. */
const phone = z
  .string()
  .trim()
  .regex(/^[0-9-]{7,20}$/);
const date = ids.date;
const slot = z.string().regex(/^[a-z0-9_-]{10,80}$/);
/** The 称呼 a resident may give for the desk ("王阿姨"): short, never required. */
const residentName = text(20);

const bookingCommunity = async (input: { bookingId: string }, deps: CoreDeps) =>
  (await deps.store.bookings.getBooking(input.bookingId))?.community ?? null;

/** Staff moves on an evening's list: check in, complete, mark no-show, undo a no-show. */
const staffMove = (move: DeskMove) =>
  defineAction({
    id: `booking.${move}`,
    role: 'staff',
    input: bookingRef,
    example: { bookingId: 'booking-1' },
    community: bookingCommunity,
    handler: async (ctx: ActionContext, input) =>
      deskMove(ctx.deps, move, input.bookingId, ctx.now),
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
    handler: async (ctx, input) => bookSeat(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'booking.cancel',
    role: 'resident',
    input: bookingRef,
    example: { bookingId: 'booking-1' },
    handler: async (ctx, input) =>
      cancelBooking(ctx.deps, userOf(ctx).id, input.bookingId, ctx.now),
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
    handler: async (ctx, input) => rescheduleBooking(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'booking.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => myBookings(ctx.deps, userOf(ctx).id, ctx.now),
  }),
  inCommunity({
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
        bring: z
          .array(text(20, { min: 1 }))
          .max(10)
          .optional(),
        weekdays: z.array(z.number().int().min(0).max(6)).max(7).optional(),
      })
      .strict(),
    example: { community: 'jinse', service: 'paperwork', seatsPerSlot: 3, bring: ['身份证'] },
    handler: async (ctx, input) => configureService(ctx.deps, input, ctx.now),
  }),
  inCommunity({
    id: 'booking.list',
    role: 'staff',
    input: z.object({ community: ids.community, date, service: ids.service.optional() }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    handler: async (ctx, input) => eveningList(ctx.deps, input, ctx.now),
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
        name: text(40, { min: 1 }),
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
    handler: async (ctx, input) => bookFor(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
];
