import { monthDay } from '@/lib/shanghai-time';
import type { Choice } from '@/components/choice-group/choice-group';
import type { ResidentFollowUp, Satisfaction } from '@/types/contract';

/** What the server accepts for the note with a follow-up answer. */
export const NOTE_MAX = 500;

/** Was the resident satisfied with the service a follow-up asks about? */
export const SATISFACTION_CHOICES: Choice<Satisfaction>[] = [
  { id: 'satisfied', text: '满意' },
  { id: 'mostly', text: '基本满意' },
  { id: 'unsatisfied', text: '不满意' },
];

/** "关于 12月2日 的服务": what a suggestion made from a follow-up is about. */
export function followUpTopic(followUp: Pick<ResidentFollowUp, 'date'>): string {
  return `关于 ${monthDay(followUp.date)} 的服务`;
}

/** "政务服务 19:00、书法体验课", or null when the evening's services are not known. */
export function servicesText(followUp: Pick<ResidentFollowUp, 'services'>): string | null {
  return followUp.services.length > 0 ? followUp.services.join('、') : null;
}

/** Follow-ups that wait for the resident's answer in the app (invitations do not). */
export const asksOf = (pending: ResidentFollowUp[]) => pending.filter((f) => f.kind === 'ask');

/**
 * The tonight card's line about follow-ups: the questions waiting for an answer, else an
 * invitation after a call; null when there is nothing.
 */
export function pendingPrompt(pending: ResidentFollowUp[] | null): string | null {
  if (!pending || pending.length === 0) return null;
  const asks = asksOf(pending).length;
  return asks > 0 ? `您有 ${asks} 条回访待回复` : '社工回访过您，还有想法欢迎提建议';
}
