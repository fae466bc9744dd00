import { weekdayName } from '@/lib/shanghai-time';
import type { BookingSettings, ConfigureBookingInput } from '@/types/contract';

/** The settings form of one service as typed (strings). */
export interface ServiceSettingsDraft {
  slotMinutes: string;
  seatsPerSlot: string;
  cutoffHours: string;
  /** "身份证、户口本": separated by commas or 顿号. */
  bring: string;
  /** Service evenings (weekday 0–6) ticked, ascending; none ticked = every evening. */
  weekdays: number[];
}

export type ServiceSettingsField = keyof ServiceSettingsDraft;
/** The fields typed as text. */
export type ServiceSettingsTextField = Exclude<ServiceSettingsField, 'weekdays'>;
export type ServiceSettingsErrors = Partial<Record<ServiceSettingsField, string>>;
export type ServiceSettingsPatch = Omit<ConfigureBookingInput, 'community' | 'service'>;

export const SERVICE_SETTINGS_LABELS: Record<ServiceSettingsField, string> = {
  slotMinutes: '每段分钟',
  seatsPerSlot: '每段名额',
  cutoffHours: '提前取消小时',
  bring: '需携带材料',
  weekdays: '服务的晚上',
};

/** Slot lengths the server accepts: they divide the evening into whole slots. */
export const SLOT_MINUTES = [10, 15, 20, 30, 45, 60] as const;
// Same bounds as the server's schema, so most mistakes are caught before sending.
const SEATS: [number, number] = [1, 50];
const CUTOFF: [number, number] = [0, 72];
const BRING_MAX_ITEMS = 10;
const BRING_MAX_CHARS = 20;

export function draftOf(settings: BookingSettings): ServiceSettingsDraft {
  return {
    slotMinutes: String(settings.slotMinutes),
    seatsPerSlot: String(settings.seatsPerSlot),
    cutoffHours: String(settings.cutoffHours),
    bring: settings.bring.join('、'),
    weekdays: sortWeekdays(settings.weekdays),
  };
}

const sortWeekdays = (weekdays: number[]) => [...new Set(weekdays)].sort((a, b) => a - b);

/** Ticks or unticks one evening; the list stays ascending. */
export function toggleWeekday(weekdays: number[], weekday: number): number[] {
  return weekdays.includes(weekday)
    ? weekdays.filter((d) => d !== weekday)
    : sortWeekdays([...weekdays, weekday]);
}

/** "身份证、户口本, 老年卡" → ["身份证", "户口本", "老年卡"]: commas (either width), 顿号, semicolons or new lines. */
export function splitBring(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

function inRange(value: number | null, [min, max]: [number, number]): value is number {
  return value !== null && value >= min && value <= max;
}

function bringError(items: string[]): string | null {
  if (items.length > BRING_MAX_ITEMS) return `需携带材料最多填 ${BRING_MAX_ITEMS} 项`;
  if (items.some((item) => item.length > BRING_MAX_CHARS)) {
    return `每项材料最多 ${BRING_MAX_CHARS} 个字`;
  }
  return null;
}

function weekdaysError(weekdays: number[], evenings: number[] | undefined): string | null {
  const stray = evenings ? weekdays.filter((d) => !evenings.includes(d)) : [];
  return stray.length > 0
    ? `${stray.map(weekdayName).join('、')}不是本社区的服务夜，请取消勾选`
    : null;
}

const sameList = <T>(a: T[], b: T[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Checks the form and returns only the settings that changed. Errors are Chinese sentences per
 * field, shown next to the field.
 */
export function parseServiceSettings(
  draft: ServiceSettingsDraft,
  current: BookingSettings,
  /** The community's service-evening weekdays, when known: other ticked evenings are refused. */
  evenings?: number[],
): { patch: ServiceSettingsPatch; errors: ServiceSettingsErrors } {
  const patch: ServiceSettingsPatch = {};
  const errors: ServiceSettingsErrors = {};

  const minutes = parseWhole(draft.slotMinutes);
  if (minutes === null || !(SLOT_MINUTES as readonly number[]).includes(minutes)) {
    errors.slotMinutes = `每段分钟请填 ${SLOT_MINUTES.join('、')} 中的一个`;
  } else if (minutes !== current.slotMinutes) {
    patch.slotMinutes = minutes;
  }

  const seats = parseWhole(draft.seatsPerSlot);
  if (!inRange(seats, SEATS)) {
    errors.seatsPerSlot = `每段名额请填 ${SEATS[0]} 到 ${SEATS[1]} 之间的整数`;
  } else if (seats !== current.seatsPerSlot) {
    patch.seatsPerSlot = seats;
  }

  const cutoff = parseWhole(draft.cutoffHours);
  if (!inRange(cutoff, CUTOFF)) {
    errors.cutoffHours = `提前取消小时请填 ${CUTOFF[0]} 到 ${CUTOFF[1]} 之间的整数`;
  } else if (cutoff !== current.cutoffHours) {
    patch.cutoffHours = cutoff;
  }

  const bring = splitBring(draft.bring);
  const invalidBring = bringError(bring);
  if (invalidBring) errors.bring = invalidBring;
  else if (!sameList(bring, current.bring)) patch.bring = bring;

  const weekdays = sortWeekdays(draft.weekdays);
  const invalidWeekdays = weekdaysError(weekdays, evenings);
  if (invalidWeekdays) errors.weekdays = invalidWeekdays;
  else if (!sameList(weekdays, sortWeekdays(current.weekdays))) patch.weekdays = weekdays;

  return { patch, errors };
}

export function isServiceSettingsField(field: string | undefined): field is ServiceSettingsField {
  return field !== undefined && field in SERVICE_SETTINGS_LABELS;
}
