import type { ConfigureInput, LineConfig } from '@/types/contract';

/** The settings form as typed (strings), one field per setting. */
export interface SettingsDraft {
  capacity: string;
  lastJoin: string;
  graceMinutes: string;
  defaultServiceMinutes: string;
}

export type SettingsField = keyof SettingsDraft;
export type SettingsErrors = Partial<Record<SettingsField, string>>;
export type SettingsPatch = Omit<ConfigureInput, 'community' | 'queue'>;

export const SETTINGS_LABELS: Record<SettingsField, string> = {
  capacity: '名额',
  lastJoin: '截止取号时间',
  graceMinutes: '过号保留分钟',
  defaultServiceMinutes: '每位预计分钟',
};

export function draftOf(config: LineConfig): SettingsDraft {
  return {
    capacity: String(config.capacity),
    lastJoin: config.lastJoin,
    graceMinutes: String(config.graceMinutes),
    defaultServiceMinutes: String(config.defaultServiceMinutes),
  };
}

// Same bounds as the server's schema, so most mistakes are caught before sending.
const NUMBER_RULES: Record<Exclude<SettingsField, 'lastJoin'>, [number, number]> = {
  capacity: [1, 999],
  graceMinutes: [0, 60],
  defaultServiceMinutes: [1, 60],
};

function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}

/** "19:30", "19：30" (Chinese colon), "9:05" or "1930" → "19:30"; anything else → null. */
export function normaliseHhmm(text: string): string | null {
  const match = /^(\d{1,2})[:：]?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * Checks the form and returns only the settings that changed. Errors are Chinese sentences per
 * field, shown next to the field.
 */
export function parseSettings(
  draft: SettingsDraft,
  config: LineConfig,
): { patch: SettingsPatch; errors: SettingsErrors } {
  const patch: SettingsPatch = {};
  const errors: SettingsErrors = {};
  for (const field of ['capacity', 'graceMinutes', 'defaultServiceMinutes'] as const) {
    const [min, max] = NUMBER_RULES[field];
    const value = parseWhole(draft[field]);
    if (value === null || value < min || value > max) {
      errors[field] = `${SETTINGS_LABELS[field]}请填 ${min} 到 ${max} 之间的整数`;
    } else if (value !== config[field]) {
      patch[field] = value;
    }
  }
  const lastJoin = normaliseHhmm(draft.lastJoin);
  if (lastJoin === null) {
    errors.lastJoin = '截止取号时间请按 19:30 这样的格式填写';
  } else if (lastJoin !== config.lastJoin) {
    patch.lastJoin = lastJoin;
  }
  return { patch, errors };
}

export function isSettingsField(field: string | undefined): field is SettingsField {
  return field !== undefined && field in SETTINGS_LABELS;
}
