/**
 * Retention (#13): a resident's personal fields on bookings, activity sign-ups, follow-up tasks,
 * suggestions, companion requests and walk-in tickets are kept for RETENTION_DAYS after their evening, then
 * anonymised by the very rules erase applies (erasedBooking, erasedSignUp, erasedTask,
 * erasedSuggestion, erasedCompanion, erasedTicket), so old evenings
 * keep their anonymous counts and lose names, phones, notes, authors and photos. The alert log
 * (what was sent to whom) is deleted after the same time: no count needs it. The rules are
 * pure; the morning job (service.ts) applies them in bounded slices.
 */
import { erasedBooking } from '../booking/decisions';
import { erasedTask } from '../followup/rules';
import { addDays, todayOf } from '../kernel/week';
import { erasedSignUp } from '../notice/decisions';
import type {
  BookingRecord,
  CompanionRecord,
  EveningRecord,
  FollowUpRecord,
  SignUpRecord,
  SuggestionRecord,
  TicketRecord,
} from '../ports';
import { erasedTicket } from '../queue/evening';
import { erasedCompanion } from '../roster/rules';
import { erasedSuggestion } from '../suggestion/rules';

/**
 * Days after its evening that a record keeps the resident's name, phone and notes. A year covers
 * what staff look back on (the same evening last year, a follow-up thread, a reopened
 * suggestion: REOPEN_DAYS is 30) and the yearly report to the subdistrict; after that only the
 * anonymous counts are needed.
 */
export const RETENTION_DAYS = 365;

/**
 * The first evening ("YYYY-MM-DD", Asia/Shanghai) still kept in full on the day of `now`:
 * a record of an evening before it is past retention.
 */
export const retentionCutoff = (now: Date, days: number = RETENTION_DAYS) =>
  addDays(todayOf(now), -days);

/**
 * The cutoff as an instant (ISO, UTC): where the cutoff day starts in Asia/Shanghai. Sign-ups
 * and suggestions carry no evening of their own (a sign-up's activity is on another record), so
 * theirs is the day they were made.
 */
export const cutoffInstant = (cutoff: string) => new Date(`${cutoff}T00:00:00+08:00`).toISOString();

/** True when a record of `date` ("YYYY-MM-DD") is past retention under `cutoff`. */
export const pastRetention = (date: string, cutoff: string) => date < cutoff;

/**
 * The fields each erase rule blanks, with the blank value it leaves: what still names a resident.
 * A store finds what is left to anonymise by these (SQLite's WHERE, CloudBase's `neq` queries).
 */
export const PERSONAL_FIELDS = {
  bookings: { userId: null, name: '', phone: null },
  signUps: { userId: null, name: '' },
  followUps: { userId: null, name: '', phone: null },
  suggestions: { userId: null, name: '', photo: null },
  companions: { userId: '' },
} as const;

const holdsPersonal = (record: object, blanks: Record<string, string | null>) =>
  Object.entries(blanks).some(
    ([field, blank]) => (record as Record<string, unknown>)[field] !== blank,
  );

/** erasedBooking over a booking past retention that still names someone; null otherwise. */
export const retainedBooking = (b: BookingRecord, cutoff: string): BookingRecord | null =>
  pastRetention(b.date, cutoff) && holdsPersonal(b, PERSONAL_FIELDS.bookings)
    ? erasedBooking(b)
    : null;

/** erasedSignUp over a sign-up made before `cutoffAt` (ISO) that still names someone. */
export const retainedSignUp = (s: SignUpRecord, cutoffAt: string): SignUpRecord | null =>
  s.createdAt < cutoffAt && holdsPersonal(s, PERSONAL_FIELDS.signUps) ? erasedSignUp(s) : null;

/** erasedTask over a task about an evening past retention that still names someone or has a note. */
export const retainedTask = (t: FollowUpRecord, cutoff: string): FollowUpRecord | null =>
  pastRetention(t.date, cutoff) &&
  (holdsPersonal(t, PERSONAL_FIELDS.followUps) || (t.result?.note ?? '') !== '')
    ? erasedTask(t)
    : null;

/**
 * erasedCompanion over a companion request of an evening past retention that still names its
 * resident ('delete' when nobody took it up); its note went the morning after (erasedNote).
 */
export const retainedCompanion = (
  c: CompanionRecord,
  cutoff: string,
): CompanionRecord | 'delete' | null =>
  pastRetention(c.date, cutoff) && c.userId !== '' ? erasedCompanion(c) : null;

/** erasedSuggestion over a suggestion filed before `cutoffAt` (ISO) that still names someone. */
export const retainedSuggestion = (
  s: SuggestionRecord,
  cutoffAt: string,
): SuggestionRecord | null =>
  s.createdAt < cutoffAt && holdsPersonal(s, PERSONAL_FIELDS.suggestions)
    ? erasedSuggestion(s)
    : null;

/** A walk-in ticket still names someone: its owner, a staff note, or the owner's request id. */
export const namesSomeone = (t: TicketRecord) =>
  t.userId !== null || t.note !== '' || t.requestId !== null;

/**
 * A queue evening past retention with every ticket that still names someone erasedTicket'd
 * (numbers, statuses and times stay: served counts and waiting times are anonymous); null when
 * the evening is recent or names nobody.
 */
export function retainedEvening(evening: EveningRecord, cutoff: string): EveningRecord | null {
  if (!pastRetention(evening.date, cutoff) || !evening.tickets.some(namesSomeone)) return null;
  return {
    ...evening,
    tickets: evening.tickets.map((t) => (namesSomeone(t) ? erasedTicket(t) : t)),
  };
}
