/**
 * What the community actions do: the tonight page (one call gives a resident everything it
 * shows) and the contact phone staff set.
 */
import type { BookingBrief, Tonight, TonightMine } from '../../../contract/community';
import type { ServedBy } from '../../../contract/volunteer';
import { servedByOf } from '../volunteer/rules';
import type { NoticeSummary } from '../../../contract/notice';
import { pendingOf } from '../followup/service';
import { currentNotices, summaryOf } from '../notice/service';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { CommunityRecord } from '../ports';
import { applyNumberLimit, ticketsOf } from '../queue/service';
import type { CommunityLimits, LimitsInput, ResidentLimits } from '../../../contract/community';
import { communityOrThrow } from '../kernel/community';
import { limitsOf } from './limits';
import { ARCHIVED_MESSAGE } from './setup';
import { type Calendar, cancelledAhead, eveningStatus } from '../kernel/schedule';
import { calendarOf } from '../kernel/calendar';
import { isoLocal, local } from '../kernel/time';

const byOrder = (a: { sort: number }, b: { sort: number }) => a.sort - b.sort;

/** Tonight as a resident sees it: one call gives the page everything it shows. */
export function composeTonight(
  community: CommunityRecord,
  calendar: Calendar,
  now: Date,
  demoClock: boolean,
  notices: NoticeSummary[] = [],
  mine: TonightMine | null = null,
  servedBy: ServedBy[] = [],
): Tonight {
  const status = eveningStatus(calendar, now);
  return {
    community: { id: community.id, name: community.name },
    date: status.date,
    weekday: status.weekday,
    serviceEvening: status.serviceEvening,
    open: status.open,
    opensAt: status.opensAt,
    closesAt: status.closesAt,
    nextOpening: status.nextOpening ? isoLocal(status.nextOpening) : null,
    cancelled: cancelledAhead(calendar, now),
    evenings: [...community.evenings].sort((a, b) => a.weekday - b.weekday),
    services: [...community.services]
      .sort(byOrder)
      .map(({ id, name, kind, description }) => ({ id, name, kind, description })),
    contactPhone: community.contactPhone,
    address: community.address === '' ? null : community.address,
    limits: limitsOf(community.limits),
    now: isoLocal(now),
    demoClock,
    notices,
    mine,
    servedBy,
  };
}

const LIVE_BOOKINGS: ReadonlySet<string> = new Set(['confirmed', 'waitlisted']);

/** My live bookings in this community from today on, soonest first, from one read. */
async function bookingsOf(
  deps: CoreDeps,
  community: CommunityRecord,
  userId: string,
  today: string,
): Promise<BookingBrief[]> {
  const names = new Map(community.services.map((s) => [s.id, s.name]));
  return (await deps.store.bookings.ofUser(userId))
    .filter((b) => b.community === community.id && b.date >= today && LIVE_BOOKINGS.has(b.status))
    .sort((a, b) => a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt))
    .map((b) => ({
      id: b.id,
      code: b.code,
      community: b.community,
      service: b.service,
      serviceName: names.get(b.service) ?? b.service,
      date: b.date,
      startsAt: b.startsAt,
      status: b.status,
      waitlistPosition: null,
    }));
}

/**
 * The caller's part of the tonight page: at most one read each for tickets (only on a service
 * evening with walk-in lines), bookings and follow-ups.
 */
async function mineOf(
  deps: CoreDeps,
  community: CommunityRecord,
  calendar: Calendar,
  userId: string,
  now: Date,
): Promise<TonightMine> {
  const status = eveningStatus(calendar, now);
  const hasLines = community.services.some((s) => s.kind === 'queue');
  const [tickets, bookings, followUps] = await Promise.all([
    status.serviceEvening && hasLines ? ticketsOf(deps, userId, now, community.id) : [],
    bookingsOf(deps, community, userId, local(now).format('YYYY-MM-DD')),
    pendingOf(deps, userId, now, community),
  ]);
  return { tickets, bookings, followUps };
}

/** The tonight page of a community, with the caller's own part when they are known. */
export async function tonightOf(
  deps: CoreDeps,
  communityId: string,
  userId: string | null,
  now: Date,
) {
  // The community and its notice board are one read.
  const page = await deps.store.communities.withBoard(communityId);
  if (!page) throw notFound('没有找到这个社区，请重新扫码或选择社区');
  const { community, board } = page;
  // Hidden from residents; NOT_FOUND so the page offers another community.
  if (community.archivedAt !== null) throw notFound(ARCHIVED_MESSAGE);
  const date = local(now).format('YYYY-MM-DD');
  const calendar = await calendarOf(deps, community, now);
  const [notices, mine, volunteers] = await Promise.all([
    Promise.all(currentNotices(board, now).map((n) => summaryOf(deps, n, date))),
    userId ? mineOf(deps, community, calendar, userId, now) : null,
    // Who serves tonight (#16): one indexed read of the evening's volunteer sign-ups.
    deps.store.volunteers.shifts(communityId, date),
  ]);
  const servedBy = servedByOf(community, volunteers);
  return composeTonight(community, calendar, now, deps.clock.demo, notices, mine, servedBy);
}

/** The phone residents can dial ('' clears it); it needs at least 7 digits. */
export async function setContactPhone(deps: CoreDeps, community: string, input: string) {
  const phone = input === '' ? null : input;
  if (phone !== null && phone.replace(/\D/g, '').length < 7) {
    throw new AppError('BAD_INPUT', '联系电话至少 7 位数字', 'phone');
  }
  if (!(await deps.store.communities.setContactPhone(community, phone))) {
    throw notFound('没有找到这个社区，请重新扫码或选择社区');
  }
  return { community, contactPhone: phone };
}

/**
 * Staff set the community's limits per resident. Bookings and sign-ups check them at once;
 * tonight's open lines take the new number limit from now on (their setup keeps it, so a join
 * reads no community). A client from before the sign-up limit leaves it out: it keeps its value.
 */
export async function setLimits(
  deps: CoreDeps,
  community: string,
  input: Omit<LimitsInput, 'community'>,
  now: Date,
): Promise<CommunityLimits> {
  const openSignUps =
    input.openSignUps ?? limitsOf((await communityOrThrow(deps, community)).limits).openSignUps;
  const limits: ResidentLimits = { ...input, openSignUps };
  if (!(await deps.store.communities.setLimits(community, limits))) {
    throw notFound('没有找到这个社区，请重新扫码或选择社区');
  }
  await applyNumberLimit(deps, community, limits.numbersPerEvening, now);
  return { community, limits };
}
