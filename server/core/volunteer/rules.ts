/**
 * Volunteers (志愿者) and partner organisations, #16: who becomes a volunteer, what they may sign
 * up for, which hours count, what the tonight page and the CSV say. Plain functions of loaded
 * records; the stores call the ones that decide inside their transactions.
 */
import { stringify } from 'csv-stringify/sync';
import type { ServedBy } from '../../../contract/volunteer';
import { decideRedeem } from '../identity';
import type {
  CommunityRecord,
  RedeemResult,
  VolunteerInviteRecord,
  VolunteerRecord,
  VolunteerShiftRecord,
} from '../ports';

/** The most minutes one evening can count (staff confirm; the evening is about four hours). */
export const MAX_SHIFT_MINUTES = 600;

/** A volunteer invite as redeeming it decides: the membership it makes, or the refusal. */
export function decideVolunteerRedeem(
  invite: VolunteerInviteRecord | null,
  userId: string,
  now: Date,
): Extract<RedeemResult, { ok: false }> | { ok: true; community: string; member: VolunteerRecord } {
  const decided = decideRedeem(invite, now);
  if (!decided.ok) return decided;
  if (!invite) return { ok: false, reason: 'unknown' };
  return {
    ...decided,
    member: {
      userId,
      community: invite.community,
      org: invite.org,
      orgName: invite.orgName,
      name: invite.name,
      since: now.toISOString(),
    },
  };
}

export type SignUpRefusal = 'not-member' | 'past' | 'no-evening' | 'unknown-service' | 'logged';

export type SignUpDecision =
  { ok: true; shift: VolunteerShiftRecord } | { ok: false; reason: SignUpRefusal };

/**
 * A volunteer signs up for one service on one evening: a service evening from today on, a
 * service of the community. One sign-up per volunteer and evening: signing up again (or a retry)
 * keeps the earlier one's id and changes the service, unless staff already logged the hours. The
 * stores read `member` and `evening` in the transaction that writes: a revoked volunteer
 * (member null) is refused, and two racing sign-ups make one.
 */
export function decideVolunteerSignUp(
  community: CommunityRecord,
  member: VolunteerRecord | null,
  request: { date: string; service: string; id: string; today: string; now: Date },
  evening: readonly VolunteerShiftRecord[],
): SignUpDecision {
  if (!member) return { ok: false, reason: 'not-member' };
  if (request.date < request.today) return { ok: false, reason: 'past' };
  const weekday = new Date(`${request.date}T00:00:00Z`).getUTCDay();
  if (!community.evenings.some((e) => e.weekday === weekday)) {
    return { ok: false, reason: 'no-evening' };
  }
  if (!community.services.some((s) => s.id === request.service)) {
    return { ok: false, reason: 'unknown-service' };
  }
  const earlier = evening.find((s) => s.userId === member.userId);
  if (earlier?.minutes != null) return { ok: false, reason: 'logged' };
  return {
    ok: true,
    shift: {
      id: earlier?.id ?? request.id,
      community: community.id,
      date: request.date,
      service: request.service,
      userId: member.userId,
      name: member.name,
      orgName: member.orgName,
      minutes: null,
      loggedBy: null,
      createdAt: earlier?.createdAt ?? request.now.toISOString(),
    },
  };
}

export type CancelSignUpRefusal = 'unknown' | 'started' | 'logged';

export type CancelSignUpDecision =
  { ok: true; shift: VolunteerShiftRecord } | { ok: false; reason: CancelSignUpRefusal };

/**
 * A volunteer withdraws their own sign-up while the evening is still ahead (from the next day
 * on): on the evening itself staff count on them, so they tell staff instead. Someone else's
 * sign-up reads as unknown.
 */
export function decideCancelSignUp(
  shift: VolunteerShiftRecord | null,
  userId: string,
  today: string,
): CancelSignUpDecision {
  if (!shift || shift.userId !== userId || userId === '') return { ok: false, reason: 'unknown' };
  if (shift.minutes !== null) return { ok: false, reason: 'logged' };
  if (shift.date <= today) return { ok: false, reason: 'started' };
  return { ok: true, shift };
}

/**
 * Revoking a volunteer withdraws their sign-ups of evenings still ahead. Logged hours stay (the
 * volunteer platform's history), and so do tonight's and past sign-ups, whose hours staff may
 * still confirm.
 */
export const withdrawnOnRevoke = (shifts: readonly VolunteerShiftRecord[], today: string) =>
  shifts.filter((s) => s.date > today && s.minutes === null);

/** Hours count once the evening has come: staff confirm them that night or later. */
export function decideLogHours(
  shift: VolunteerShiftRecord,
  minutes: number,
  by: string,
  today: string,
): VolunteerShiftRecord | null {
  if (shift.date > today) return null;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_SHIFT_MINUTES) return null;
  return { ...shift, minutes, loggedBy: by };
}

/** The volunteer's sign-up tonight, if any: what they may serve. */
export const tonightShiftOf = (evening: readonly VolunteerShiftRecord[], userId: string) =>
  evening.find((s) => s.userId === userId) ?? null;

/**
 * Who serves what tonight, for the tonight page: per service, its organisations' names (an
 * individual volunteer counts as "志愿者"), services in the community's order.
 */
export function servedByOf(
  community: Pick<CommunityRecord, 'services'>,
  evening: readonly VolunteerShiftRecord[],
): ServedBy[] {
  return community.services.flatMap((service) => {
    const names = [
      ...new Set(evening.filter((s) => s.service === service.id).map((s) => s.orgName ?? '志愿者')),
    ];
    return names.length === 0
      ? []
      : [{ service: service.id, serviceName: service.name, by: names.join('、') }];
  });
}

/** Who used an invite, once that person is erased: still used (never redeemable again). */
export const ERASED_REDEEMER = 'erased';

/** Erasing a person: the hours stay as an anonymous count of the evening; who served goes. */
export const erasedVolunteerShift = (shift: VolunteerShiftRecord): VolunteerShiftRecord => ({
  ...shift,
  userId: '',
  name: '已删除',
  loggedBy: null,
});

const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * The CSV for the volunteer platform: one row per evening with confirmed hours. No phone or user
 * id: the platform matches the volunteer by name and organisation.
 */
export function hoursCsv(
  community: Pick<CommunityRecord, 'name' | 'services'>,
  shifts: readonly VolunteerShiftRecord[],
): string {
  const names = new Map(community.services.map((s) => [s.id, s.name]));
  const rows = shifts
    .filter((s) => s.minutes !== null && s.userId !== '')
    .map((s) => [
      s.date,
      cell(community.name),
      cell(names.get(s.service) ?? s.service),
      cell(s.name),
      cell(s.orgName ?? ''),
      s.minutes,
      ((s.minutes ?? 0) / 60).toFixed(1),
    ]);
  return stringify(rows, {
    bom: true,
    record_delimiter: 'windows',
    header: true,
    columns: [
      '日期',
      '社区',
      '服务项目',
      '志愿者',
      '所属组织',
      '服务时长（分钟）',
      '服务时长（小时）',
    ],
  });
}
