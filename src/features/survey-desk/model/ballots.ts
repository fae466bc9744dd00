/** 录入纸质票 and 发布菜单: which candidates are ticked, and whether that may be sent. */
import type { PaperVotesInput, Round } from '@/types/contract';
import { MENU_SIZE } from './round-form';

export const COPIES_MAX = 200;

/** Ticks or unticks one id, keeping the others in their order. */
export function toggleId(ids: string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
}

/** The ids in the round's ranking order (the order the menu is published in). */
export function inRankingOrder(round: Round, ids: string[]): string[] {
  return round.ranking.map((c) => c.id).filter((id) => ids.includes(id));
}

export type PaperErrors = Partial<Record<'choices' | 'copies', string>>;

export function isPaperField(field: string | undefined | null): field is keyof PaperErrors {
  return field === 'choices' || field === 'copies';
}

/**
 * A stack of identical paper ballots: the ticked candidates and how many ballots. The requestId
 * is added by the caller (one per stack, reused when the same stack is sent again).
 */
export function parsePaper(
  round: Round,
  choices: string[],
  copiesText: string,
): { input: Omit<PaperVotesInput, 'requestId'> | null; errors: PaperErrors } {
  const errors: PaperErrors = {};
  if (choices.length === 0) errors.choices = '请至少选一项';
  else if (choices.length > round.maxChoices) {
    errors.choices = `每张选票最多 ${round.maxChoices} 项，现在选了 ${choices.length} 项`;
  }
  const text = copiesText.trim();
  const copies = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!(copies >= 1 && copies <= COPIES_MAX)) errors.copies = `张数请填 1–${COPIES_MAX}`;
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: { roundId: round.id, choices: inRankingOrder(round, choices), copies },
    errors: {},
  };
}

/** What the publish form starts with: every proposed candidate (more than eight on a tie). */
export function initialMenu(round: Round): string[] {
  return round.ranking.filter((c) => c.proposed).map((c) => c.id);
}

/** The menu to publish in ranking order, or why it cannot be published yet. */
export function parseMenu(
  round: Round,
  ticked: string[],
): { menu: string[] | null; error: string | null } {
  const menu = inRankingOrder(round, ticked);
  if (menu.length === 0) return { menu: null, error: '请至少选一项服务' };
  if (menu.length > MENU_SIZE) {
    return {
      menu: null,
      error: `菜单最多 ${MENU_SIZE} 项，现在选了 ${menu.length} 项，请取消勾选几项`,
    };
  }
  return { menu, error: null };
}

/** The confirm step's warning: publishing replaces the community's services. */
export function publishWarning(count: number): string {
  return `发布后，社区的服务项目会换成这 ${count} 项`;
}
