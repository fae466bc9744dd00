/**
 * Communities as the admin makes them (community.create / update / archive): the rules on what a
 * community may be, as plain functions without a store. The stores only keep an id unique.
 */
import type {
  CommunityFields,
  CreateCommunityInput,
  ManagedCommunity,
  ServiceEvening,
} from '../../../contract/community';
import { AppError } from '../errors';
import type { CommunityChange, CommunityRecord, NewCommunity } from '../ports';
import { PILOT_SERVICES } from '../seed';

/**
 * The short id in QR codes and links (?c=shishan): lowercase letters and digits, starting with a
 * letter, so it reads aloud and never needs escaping. Set once: printed codes keep working.
 */
const COMMUNITY_ID = /^[a-z][a-z0-9]{1,15}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export const NAME_MAX = 30;
export const ADDRESS_MAX = 60;

/** Why an id cannot be a new community's, or null when it can. */
export function communityIdProblem(id: string): string | null {
  if (COMMUNITY_ID.test(id)) return null;
  return '社区编号要用 2–16 位小写英文字母或数字，并以字母开头，例如 shishan';
}

/** The refusal when another community (an archived one too) has the id. */
export const takenMessage = (id: string) => `社区编号 ${id} 已被其他社区使用，请换一个`;

/**
 * Why a week of evenings cannot be a community's, or null when it can: at least one evening,
 * each closing after it opens, and at most one a weekday (a queue, a booking day and a report
 * are per date, so two evenings on one day would share them: overlapping or not).
 */
export function eveningsProblem(evenings: readonly ServiceEvening[]): string | null {
  if (evenings.length === 0) return '请至少安排一个服务的晚上';
  const seen = new Set<number>();
  for (const e of evenings) {
    const day = WEEKDAY_NAMES[e.weekday];
    if (!Number.isInteger(e.weekday) || day === undefined) return '星期要在周日到周六之间';
    if (!HHMM.test(e.opensAt) || !HHMM.test(e.closesAt)) {
      return `${day}的时间要写成“时:分”，例如 17:00`;
    }
    if (e.closesAt <= e.opensAt) return `${day}的结束时间要晚于开始时间（${e.opensAt}）`;
    if (seen.has(e.weekday)) return `${day}排了两个时段：每周同一天只能安排一个服务的晚上`;
    seen.add(e.weekday);
  }
  return null;
}

/** Why a contact phone cannot be shown to residents, or null; '' (none) is fine. */
export function contactPhoneProblem(phone: string): string | null {
  if (phone === '') return null;
  if (!/^[0-9][0-9 -]*[0-9]$/.test(phone)) return '联系电话只能包含数字、空格和短横线';
  const digits = phone.replace(/\D/g, '').length;
  if (digits < 7) return '联系电话至少 7 位数字';
  if (digits > 15) return '联系电话最多 15 位数字';
  return null;
}

const refuse = (message: string | null, field: string) => {
  if (message !== null) throw new AppError('BAD_INPUT', message, field);
};

/** The admin's fields checked and tidied (trimmed, evenings by weekday), or BAD_INPUT. */
export function checkedFields(fields: CommunityFields): CommunityChange {
  const name = fields.name.trim();
  const address = fields.address.trim();
  const phone = fields.contactPhone.trim();
  if (name.length < 2 || name.length > NAME_MAX) {
    refuse(`社区名称要 2–${NAME_MAX} 个字`, 'name');
  }
  if (address.length > ADDRESS_MAX) refuse(`地址最多 ${ADDRESS_MAX} 个字`, 'address');
  refuse(contactPhoneProblem(phone), 'contactPhone');
  refuse(eveningsProblem(fields.evenings), 'evenings');
  return {
    name,
    address,
    contactPhone: phone === '' ? null : phone,
    evenings: [...fields.evenings]
      .map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt }))
      .sort((a, b) => a.weekday - b.weekday),
  };
}

/**
 * A new community from the admin's input, or BAD_INPUT. It starts with the pilot's eight
 * services (the evening survey's choice), which staff set up per line and per booking service.
 */
export function newCommunity(input: CreateCommunityInput): NewCommunity {
  const id = input.id.trim();
  refuse(communityIdProblem(id), 'id');
  return {
    id,
    ...checkedFields(input),
    services: PILOT_SERVICES.map((s) => ({ ...s })),
  };
}

/** What archiving (true) or restoring (false) writes: the instant, or null. Both repeat safely. */
export function archiveValue(current: CommunityRecord, archived: boolean, now: Date) {
  if (!archived) return null;
  return current.archivedAt ?? now.toISOString();
}

/** Residents reach an archived community no more: the words they see. */
export const ARCHIVED_MESSAGE = '这个社区的夜间服务已停用，请选择其他社区';

/** What a new number, booking or sign-up at an archived community is refused with. */
export const ARCHIVED_CLOSED = '这个社区的夜间服务已停用，不再取号、预约或报名活动';

/** New numbers, bookings and sign-ups stop at an archived community; its history stays. */
export function assertActive(community: CommunityRecord): void {
  if (community.archivedAt !== null) throw new AppError('CLOSED', ARCHIVED_CLOSED);
}

/** A community as the admin page lists it. */
export const managedOf = (c: CommunityRecord): ManagedCommunity => ({
  id: c.id,
  name: c.name,
  address: c.address,
  contactPhone: c.contactPhone,
  evenings: [...c.evenings].sort((a, b) => a.weekday - b.weekday),
  services: [...c.services].sort((a, b) => a.sort - b.sort).map((s) => s.name),
  archivedAt: c.archivedAt,
});
