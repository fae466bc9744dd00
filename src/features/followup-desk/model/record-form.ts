/**
 * The record form of one call: the outcome, and on 接通 the resident's verdict, a note and a
 * suggestion filed on their behalf. Checked here with the server's own words, so a missing answer
 * is said before anything is sent (the server checks the same).
 */
import type { CallOutcome, RecordCallInput, Satisfaction, Solved } from '@/types/contract';

export const NOTE_MAX = 500;
export const SUGGESTION_MAX = 500;

export interface RecordDraft {
  outcome: CallOutcome | null;
  satisfaction: Satisfaction | null;
  solved: Solved | null;
  note: string;
  /** A suggestion the resident made on the call. */
  suggestion: string;
  category: string | null;
}

export type RecordField =
  'outcome' | 'satisfaction' | 'solved' | 'note' | 'suggestion' | 'category';
export type RecordErrors = Partial<Record<RecordField, string>>;

const FIELDS: readonly RecordField[] = [
  'outcome',
  'satisfaction',
  'solved',
  'note',
  'suggestion',
  'category',
];

export const EMPTY_RECORD: RecordDraft = {
  outcome: null,
  satisfaction: null,
  solved: null,
  note: '',
  suggestion: '',
  category: null,
};

/** Is a server error's field one the form shows next to its input? */
export function isRecordField(field: string | undefined | null): field is RecordField {
  return FIELDS.includes(field as RecordField);
}

function reachedErrors(draft: RecordDraft): RecordErrors {
  const errors: RecordErrors = {};
  if (!draft.satisfaction) errors.satisfaction = '请选择满意度';
  if (!draft.solved) errors.solved = '请选择问题是否解决';
  if (draft.note.trim().length > NOTE_MAX) errors.note = `备注最多 ${NOTE_MAX} 字`;
  const suggestion = draft.suggestion.trim();
  if (suggestion.length > SUGGESTION_MAX) errors.suggestion = `建议最多 ${SUGGESTION_MAX} 字`;
  if (suggestion && !draft.category) errors.category = '请选择建议类别';
  return errors;
}

/** What `followup.record` takes, or what is wrong (input null). */
export function parseRecord(
  id: string,
  draft: RecordDraft,
): { input: RecordCallInput | null; errors: RecordErrors } {
  if (!draft.outcome) return { input: null, errors: { outcome: '请选择这次电话的结果' } };
  if (draft.outcome !== 'reached') return { input: { id, outcome: draft.outcome }, errors: {} };
  const errors = reachedErrors(draft);
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: RecordCallInput = {
    id,
    outcome: 'reached',
    satisfaction: draft.satisfaction!,
    solved: draft.solved!,
  };
  const note = draft.note.trim();
  if (note) input.note = note;
  const suggestion = draft.suggestion.trim();
  if (suggestion) {
    input.suggestion = suggestion;
    input.category = draft.category!;
  }
  return { input, errors: {} };
}

/** The words on the save button: what will be recorded. */
export function saveText(draft: RecordDraft): string {
  switch (draft.outcome) {
    case 'no-answer':
      return '记录：无人接听';
    case 'wrong-number':
      return '记录：号码错误（结束回访）';
    case 'declined':
      return '记录：不愿回访（结束回访）';
    default:
      return '保存回访结果';
  }
}
