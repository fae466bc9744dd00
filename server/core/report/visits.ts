/** Every visit of one evening, as the report counts them and its raw CSV lists them. */
import type { BookingStatus } from '../../../contract/booking';
import type { CoreDeps } from '../deps';
import { ACTIVITY_RULE } from '../followup/service';
import { attendedOn } from '../notice/service';
import type { CommunityRecord, TicketRecord } from '../ports';
import { round1 } from './rules';

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60000;

/** One visit, as the raw CSV lists it. */
export interface Visit {
  kind: '取号' | '预约' | '活动';
  service: string;
  serviceName: string;
  ref: string;
  resident: string;
  /**
   * Who, for counting people (人) rather than visits (人次): the resident's account, else the name
   * staff wrote for someone without a phone (a walk-in's note, a booking or check-in by staff).
   */
  person: string;
  /** In Chinese words, as the subdistrict reads it (已完成, 过号未到…). */
  status: string;
  at: string;
  calledAt: string | null;
  closedAt: string | null;
  waitMinutes: number | null;
  serviceMinutes: number | null;
  served: boolean;
  noShow: boolean;
}

const whoOf = (userId: string | null, name: string, fallback: string) =>
  name || (userId ? `居民（尾号 ${userId.slice(-4)}）` : fallback);

/** The counting key of a visit's resident: the account, else the written name, else the record. */
const personOf = (userId: string | null, name: string, record: string) =>
  userId ? `user:${userId}` : name.trim() ? `name:${name.trim()}` : `record:${record}`;

/** Ticket, booking and check-in states in the words the report's readers use. */
export const TICKET_STATUS_WORDS: Record<TicketRecord['status'], string> = {
  waiting: '等候中',
  called: '已叫号',
  missed: '过号未到',
  done: '已完成',
  cancelled: '已取消',
};
export const BOOKING_STATUS_WORDS: Record<BookingStatus, string> = {
  confirmed: '已预约',
  waitlisted: '候补中',
  'checked-in': '已签到',
  completed: '已完成',
  'no-show': '未到',
  cancelled: '已取消',
};
const ATTENDED = '已到场';

const ticketVisit = (t: TicketRecord, service: string, serviceName: string): Visit => ({
  kind: '取号',
  service,
  serviceName,
  ref: t.label,
  resident: t.userId ? whoOf(t.userId, '', '') : `现场 ${t.note}`.trim(),
  person: personOf(t.userId, t.note, t.id),
  status: TICKET_STATUS_WORDS[t.status],
  at: t.createdAt,
  calledAt: t.calledAt,
  closedAt: t.closedAt,
  waitMinutes: t.calledAt ? round1(minutesBetween(t.createdAt, t.calledAt)) : null,
  serviceMinutes: t.serviceSeconds !== null ? round1(t.serviceSeconds / 60) : null,
  served: t.status === 'done',
  noShow: t.status === 'missed',
});

/** Every ticket of one evening, every walk-in line, as visits. */
async function ticketVisits(deps: CoreDeps, c: CommunityRecord, date: string) {
  const visits: Visit[] = [];
  for (const s of c.services.filter((x) => x.kind === 'queue')) {
    const evening = await deps.store.queues.getEvening(c.id, s.id, date);
    for (const t of evening?.tickets ?? []) visits.push(ticketVisit(t, s.id, s.name));
  }
  return visits;
}

/** Every visit of one evening: tickets, bookings and activity sign-ups. */
export async function visitsOn(deps: CoreDeps, c: CommunityRecord, date: string): Promise<Visit[]> {
  const visits: Visit[] = await ticketVisits(deps, c, date);
  for (const b of await deps.store.bookings.listForDate(c.id, date)) {
    if (b.status === 'cancelled' || b.status === 'waitlisted') continue;
    const name = c.services.find((s) => s.id === b.service)?.name ?? b.service;
    visits.push({
      kind: '预约',
      service: b.service,
      serviceName: name,
      ref: b.startsAt,
      resident: whoOf(b.userId, b.name, '代客预约'),
      person: personOf(b.userId, b.name, b.id),
      status: BOOKING_STATUS_WORDS[b.status],
      at: b.createdAt,
      calledAt: b.checkedInAt,
      closedAt: b.closedAt,
      waitMinutes: null,
      serviceMinutes: null,
      served: b.status === 'completed',
      noShow: b.status === 'no-show',
    });
  }
  for (const { activity: a, signUp: s } of await attendedOn(deps, c.id, date)) {
    visits.push({
      kind: '活动',
      service: ACTIVITY_RULE,
      serviceName: a.name,
      ref: a.startsAt,
      resident: whoOf(s.userId, s.name, '现场登记'),
      person: personOf(s.userId, s.name, s.id),
      status: ATTENDED,
      at: s.createdAt,
      calledAt: s.attendedAt,
      closedAt: null,
      waitMinutes: null,
      serviceMinutes: null,
      served: true,
      noShow: false,
    });
  }
  return visits;
}
