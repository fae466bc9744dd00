/** 你说我做: an improvement made because of residents' suggestions, linked to them. */
import type { LogChangeInput } from '@/types/contract';
import { isCalendarDate } from './dates';

export const TITLE_MAX = 60;
export const DETAIL_MAX = 500;

export interface ChangeDraft {
  title: string;
  detail: string;
  /** Since when, "YYYY-MM-DD". */
  since: string;
}

export type ChangeField = 'title' | 'detail' | 'since' | 'suggestionIds';
export type ChangeErrors = Partial<Record<ChangeField, string>>;

export const emptyChange = (today: string): ChangeDraft => ({
  title: '',
  detail: '',
  since: today,
});

export function isChangeField(field: string | undefined | null): field is ChangeField {
  return field === 'title' || field === 'detail' || field === 'since' || field === 'suggestionIds';
}

function errorsOf(draft: ChangeDraft, ids: string[]): ChangeErrors {
  const errors: ChangeErrors = {};
  const title = draft.title.trim();
  const detail = draft.detail.trim();
  if (!title) errors.title = '请写改进的标题，如：周三晚增加康复理疗';
  else if (title.length > TITLE_MAX) errors.title = `标题最多 ${TITLE_MAX} 字`;
  if (!detail) errors.detail = '请写改进的内容';
  else if (detail.length > DETAIL_MAX) errors.detail = `内容最多 ${DETAIL_MAX} 字`;
  if (!isCalendarDate(draft.since)) errors.since = '请选择从哪天开始';
  if (ids.length === 0) errors.suggestionIds = '请先勾选这项改进回应的已采纳建议';
  return errors;
}

/** What `suggestion.logChange` takes, or what is wrong (input null). */
export function parseChange(
  community: string,
  draft: ChangeDraft,
  ids: string[],
): { input: LogChangeInput | null; errors: ChangeErrors } {
  const errors = errorsOf(draft, ids);
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      community,
      title: draft.title.trim(),
      detail: draft.detail.trim(),
      since: draft.since,
      suggestionIds: ids,
    },
    errors: {},
  };
}
