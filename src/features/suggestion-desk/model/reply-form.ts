/** The reply to one suggestion: a status, the words residents read, and why when not adopted. */
import type { ReplyInput, StaffSuggestion } from '@/types/contract';

export const REPLY_MAX = 500;
export const REASON_MAX = 300;

export type ReplyStatus = ReplyInput['status'];

/** The choices of the reply form, in the order shown. */
export const REPLY_STATUSES: ReadonlyArray<{ status: ReplyStatus; text: string }> = [
  { status: 'reviewing', text: '处理中' },
  { status: 'adopted', text: '已采纳' },
  { status: 'answered', text: '已答复' },
  { status: 'not-adopted', text: '暂不采纳' },
];

/** Ready-made replies; each also picks the status it goes with. */
export const REPLY_TEMPLATES: ReadonlyArray<{ text: string; status: ReplyStatus }> = [
  { text: '已收到，我们会在本周内研究', status: 'reviewing' },
  { text: '感谢建议，已经安排', status: 'adopted' },
  { text: '暂不具备条件，原因如下', status: 'not-adopted' },
];

export interface ReplyDraft {
  status: ReplyStatus | null;
  reply: string;
  reason: string;
}

export type ReplyField = 'status' | 'reply' | 'reason';
export type ReplyErrors = Partial<Record<ReplyField, string>>;

const isReplyStatus = (status: string): status is ReplyStatus =>
  REPLY_STATUSES.some((s) => s.status === status);

/** The form as the suggestion stands: its reply and reason to edit, its status when it has one. */
export function draftOf(s: Pick<StaffSuggestion, 'status' | 'reply' | 'reason'>): ReplyDraft {
  return {
    status: isReplyStatus(s.status) ? s.status : null,
    reply: s.reply ?? '',
    reason: s.reason ?? '',
  };
}

export function applyTemplate(draft: ReplyDraft, template: (typeof REPLY_TEMPLATES)[number]) {
  return { ...draft, status: template.status, reply: template.text };
}

export function isReplyField(field: string | undefined | null): field is ReplyField {
  return field === 'status' || field === 'reply' || field === 'reason';
}

function errorsOf(draft: ReplyDraft): ReplyErrors {
  const errors: ReplyErrors = {};
  const reply = draft.reply.trim();
  const reason = draft.reason.trim();
  if (!draft.status) errors.status = '请选择处理结果';
  if (!reply) errors.reply = '请写给居民的答复';
  else if (reply.length > REPLY_MAX) errors.reply = `答复最多 ${REPLY_MAX} 字`;
  if (draft.status === 'not-adopted' && !reason) errors.reason = '暂不采纳时请写明原因';
  else if (reason.length > REASON_MAX) errors.reason = `原因最多 ${REASON_MAX} 字`;
  return errors;
}

/** What `suggestion.reply` takes, or what is wrong (input null). */
export function parseReply(
  id: string,
  draft: ReplyDraft,
): { input: ReplyInput | null; errors: ReplyErrors } {
  const errors = errorsOf(draft);
  if (Object.keys(errors).length > 0) return { input: null, errors };
  const input: ReplyInput = { id, status: draft.status!, reply: draft.reply.trim() };
  const reason = draft.reason.trim();
  // A reason belongs to 暂不采纳 (or says what 已答复 means); others drop a leftover one.
  if (reason && (draft.status === 'not-adopted' || draft.status === 'answered')) {
    input.reason = reason;
  }
  return { input, errors: {} };
}
