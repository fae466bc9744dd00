/**
 * What the booking actions do, one function each: a resident's booking, cancel, move and list,
 * and the desk's booking for a resident, evening list, moves and settings. The rules they apply
 * are in rules.ts and decisions.ts; the actions (actions/booking.ts) only declare input, role
 * and community.
 */
import type {
  BookableService,
  BookingList,
  BookingSettings,
  BookingStatus,
  DeskMove,
  StaffBooking,
} from '../../../contract/booking';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { communityOrThrow } from '../kernel/community';
import { assertActive } from '../community/setup';
import { calendarOf } from '../kernel/calendar';
import type { BookingPatch, BookingRecord } from '../ports';
import { bookingCodes, deskMoves, isLive } from './rules';
import { bookingLimitMessage } from '../community/limits';
import {
  announcePromotion,
  assertChangeable,
  book,
  bookedView,
  bookingView,
  calendarThrough,
  companionsByBooking,
  figuresOf,
  ownBooking,
  residentCaps,
  settingsFor,
  staffView,
  STATUS_WORDS,
} from './service';
import { bookableDates, bookableService, closedDate, parseSlotId, resolveSlot } from './slots';

const STALE = '这条预约刚刚被处理过了，请刷新后再试';

/** A phone is kept only with the resident's explicit consent. */
const consentedPhone = (input: { phone?: string; consent?: boolean }) => {
  if (input.phone === undefined || input.phone === '') return null;
  if (input.consent !== true)
    throw new AppError('BAD_INPUT', '请先勾选同意社工联系您，再留电话', 'consent');
  return input.phone;
};

interface SeatInput {
  slotId: string;
  requestId: string;
  phone?: string;
  consent?: boolean;
}

/** A resident books a seat (or a waitlist place) in a slot. */
export async function bookSeat(
  deps: CoreDeps,
  userId: string,
  input: SeatInput & { name?: string },
  now: Date,
) {
  const booked = await book(
    deps,
    {
      slotId: input.slotId,
      userId,
      name: input.name ?? '',
      phone: consentedPhone(input),
      requestId: input.requestId,
    },
    now,
  );
  return bookedView(deps, booked, now);
}

/** Staff book for a resident without the app (a phone call, at the desk). */
export async function bookFor(
  deps: CoreDeps,
  staff: string,
  input: SeatInput & { name: string },
  now: Date,
) {
  const { booking } = await book(
    deps,
    {
      slotId: input.slotId,
      userId: null,
      name: input.name,
      phone: consentedPhone(input),
      // Scoped to the staff member, so two workers' request ids never collide.
      requestId: `${staff}:${input.requestId}`,
    },
    now,
  );
  return staffView(deps, booking, now);
}

/** A resident cancels their own booking or waitlist place; the freed seat is promoted. */
export async function cancelBooking(deps: CoreDeps, userId: string, bookingId: string, now: Date) {
  const current = await ownBooking(deps, userId, bookingId);
  await assertChangeable(deps, current, now, '取消');
  const result = await deps.store.bookings.cancel(current.id, ['confirmed', 'waitlisted'], now);
  if (!result) throw new AppError('CONFLICT', STALE);
  await announcePromotion(deps, result.promoted, now);
  return bookingView(deps, result.cancelled, now);
}

/** A resident moves a booking to another slot of the same service: a seat, or nothing changes. */
export async function rescheduleBooking(
  deps: CoreDeps,
  userId: string,
  input: { bookingId: string; slotId: string; requestId: string },
  now: Date,
) {
  const current = await ownBooking(deps, userId, input.bookingId);
  await assertChangeable(deps, current, now, '改约');
  const ref = parseSlotId(input.slotId);
  if (!ref || ref.community !== current.community || ref.service !== current.service) {
    throw new AppError('BAD_INPUT', '只能改到同一项服务的其他时段', 'slotId');
  }
  const community = await communityOrThrow(deps, ref.community);
  // A move is a new booking of the new slot: none at an archived community.
  assertActive(community);
  const settings = await settingsFor(deps, community.id, ref.service);
  resolveSlot(community, await calendarThrough(deps, community, now, ref.date), ref, settings, now);
  const result = await deps.store.bookings.reschedule(current.id, {
    slotId: input.slotId,
    ...ref,
    userId,
    name: current.name,
    phone: current.phone,
    requestId: input.requestId,
    seats: settings.seatsPerSlot,
    // A move is for a seat: the store never puts it on a waitlist.
    waitlist: false,
    codes: bookingCodes(),
    caps: residentCaps(community, now),
    now,
  });
  if (result.kind === 'closed') throw closedDate(ref.date, result.reason);
  if (result.kind === 'full') throw new AppError('CONFLICT', '新时段已满，原预约保留不变');
  if (result.kind === 'limited') {
    throw new AppError('CONFLICT', `${bookingLimitMessage(result)}。原预约保留不变`);
  }
  if (result.kind === 'stale') throw new AppError('CONFLICT', STALE);
  await announcePromotion(deps, result.promoted, now);
  return bookingView(deps, result.booking, now);
}

export async function myBookings(deps: CoreDeps, userId: string, now: Date) {
  const records = await deps.store.bookings.ofUser(userId);
  return Promise.all(records.map((b) => bookingView(deps, b, now)));
}

/** Staff change a service's slots, seats, cut-off, materials or evenings; unset fields stay. */
export async function configureService(
  deps: CoreDeps,
  input: { community: string; service: string } & Partial<BookingSettings>,
  now: Date,
): Promise<BookableService> {
  const community = await communityOrThrow(deps, input.community);
  const service = bookableService(community, input.service);
  const current = await settingsFor(deps, community.id, service.id);
  const evenings = community.evenings.map((e) => e.weekday);
  if (input.weekdays?.some((d) => !evenings.includes(d))) {
    throw new AppError('BAD_INPUT', '只能选择本社区的服务夜', 'weekdays');
  }
  const next: BookingSettings = {
    slotMinutes: input.slotMinutes ?? current.slotMinutes,
    seatsPerSlot: input.seatsPerSlot ?? current.seatsPerSlot,
    cutoffHours: input.cutoffHours ?? current.cutoffHours,
    bring: input.bring ?? current.bring,
    weekdays: input.weekdays
      ? [...new Set(input.weekdays)].sort((a, b) => a - b)
      : current.weekdays,
  };
  await deps.store.bookings.saveSettings(community.id, service.id, next);
  return {
    id: service.id,
    name: service.name,
    description: service.description,
    ...next,
    dates: bookableDates(await calendarOf(deps, community, now), now, next.weekdays),
  };
}

/** The desk's list of an evening: every booking with its companion request, and the figures. */
export async function eveningList(
  deps: CoreDeps,
  input: { community: string; date: string; service?: string },
  now: Date,
): Promise<BookingList> {
  await communityOrThrow(deps, input.community);
  const records = await deps.store.bookings.listForDate(input.community, input.date, input.service);
  const companions = await companionsByBooking(deps, input.community, input.date);
  return {
    date: input.date,
    bookings: await Promise.all(records.map((b) => staffView(deps, b, now, companions))),
    figures: figuresOf(records),
  };
}

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
async function assertUndoable(deps: CoreDeps, b: BookingRecord) {
  if (!b.userId) return;
  const other = (await deps.store.bookings.ofUser(b.userId)).find(
    (x) => x.id !== b.id && x.slotId === b.slotId && (isLive(x) || x.status === 'checked-in'),
  );
  if (other) throw new AppError('CONFLICT', '这位居民在这个时段已有另一条预约，不能撤销');
}

/** The desk checks a booking in, completes it, marks it 未到 or undoes that: only as deskMoves allows. */
export async function deskMove(
  deps: CoreDeps,
  move: DeskMove,
  bookingId: string,
  now: Date,
): Promise<StaffBooking> {
  const current = await deps.store.bookings.getBooking(bookingId);
  if (!current) throw notFound('没有找到这条预约');
  if (!deskMoves(current, now).includes(move)) throw refusal(move, current);
  if (move === 'undoNoShow') await assertUndoable(deps, current);
  const { from, patch } = DESK_MOVES[move];
  const updated = await deps.store.bookings.update(bookingId, from, patch(now.toISOString()));
  if (!updated) throw new AppError('CONFLICT', STALE);
  return staffView(deps, updated, now);
}
