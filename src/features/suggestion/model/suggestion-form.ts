import type { SubmitSuggestionInput } from '@/types/contract';
import { TEXT_MAX } from './suggestion-text';

/** A photo picked for a suggestion. */
export interface PickedPhoto {
  /** What `suggestion.submit` takes: a local-host media path or a cloud fileID. */
  ref: string;
  /** What the form shows meanwhile. */
  preview: string;
}

export interface SuggestionDraft {
  category: string | null;
  text: string;
  photo: PickedPhoto | null;
}

export const EMPTY_DRAFT: SuggestionDraft = { category: null, text: '', photo: null };

export type SuggestionErrors = Partial<Record<'category' | 'text', string>>;

export const CATEGORY_REQUIRED = '请选择建议是关于哪一类的';
export const TEXT_REQUIRED = '请写下您的建议';
export const TEXT_TOO_LONG = `建议最多 ${TEXT_MAX} 字，请精简一些`;

/** What is missing or too long, in Chinese, by field; empty when the draft may be sent. */
export function checkDraft(draft: SuggestionDraft): SuggestionErrors {
  const errors: SuggestionErrors = {};
  if (!draft.category) errors.category = CATEGORY_REQUIRED;
  const text = draft.text.trim();
  if (!text) errors.text = TEXT_REQUIRED;
  else if (text.length > TEXT_MAX) errors.text = TEXT_TOO_LONG;
  return errors;
}

export const hasErrors = (errors: SuggestionErrors) => Object.keys(errors).length > 0;

/**
 * What makes two taps the same suggestion: a retry of an unchanged draft reuses its requestId
 * (so one that reached the server is not filed twice); an edited draft is a new suggestion.
 */
export function draftSubject(
  community: string,
  followupId: string | null,
  draft: SuggestionDraft,
): string {
  return JSON.stringify([
    community,
    followupId,
    draft.category,
    draft.text.trim(),
    draft.photo?.ref ?? null,
  ]);
}

/** The `suggestion.submit` input for a checked draft. */
export function suggestionInput(
  community: string,
  followupId: string | null,
  draft: SuggestionDraft,
  requestId: string,
): SubmitSuggestionInput {
  return {
    community,
    category: draft.category ?? '',
    text: draft.text.trim(),
    ...(draft.photo ? { photo: draft.photo.ref } : {}),
    ...(followupId ? { followupId } : {}),
    requestId,
  };
}
