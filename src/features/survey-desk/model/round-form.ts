/** 开一轮点单: title, how many each resident may choose, the last day, and new services to propose. */
import type { AdoptedProposal, OpenRoundInput, ServiceKind } from '@/types/contract';
import { addDays, isCalendarDate } from '@/lib/calendar-date';

/** The menu has eight evening services; a resident may choose at most that many. */
export const MENU_SIZE = 8;
export const TITLE_MAX = 40;
export const NAME_MAX = 20;
export const DESCRIPTION_MAX = 60;
export const PROPOSALS_MAX = 16;

/** How a proposed service runs, in the words residents see on the tonight page. */
export const KIND_CHOICES: ReadonlyArray<{ value: ServiceKind; text: string }> = [
  { value: 'queue', text: '取号' },
  { value: 'booking', text: '预约' },
  { value: 'drop-in', text: '直接来' },
];

export interface ProposalDraft {
  /** Stable while rows are added and removed (React key, error key). */
  key: number;
  name: string;
  kind: ServiceKind | null;
  description: string;
  /** Added from an adopted suggestion: the link back, and its receipt to show. */
  suggestionId?: string;
  receipt?: string;
}

export interface RoundDraft {
  title: string;
  maxChoices: number;
  /** "YYYY-MM-DD", the last day of voting. */
  closesOn: string;
  proposals: ProposalDraft[];
}

export type ProposalErrors = Partial<Record<'name' | 'kind' | 'description', string>>;
export type RoundField = 'title' | 'maxChoices' | 'closesOn' | 'proposals';
export type RoundErrors = Partial<Record<RoundField, string>> & {
  /** Per proposal, by its key. */
  items?: Record<number, ProposalErrors>;
};

/** A new form: three choices each, a week to vote, no proposals yet. */
export function emptyRound(today: string): RoundDraft {
  return { title: '', maxChoices: 3, closesOn: addDays(today, 7), proposals: [] };
}

export function addProposal(draft: RoundDraft): RoundDraft {
  const key = draft.proposals.reduce((k, p) => Math.max(k, p.key), 0) + 1;
  return {
    ...draft,
    proposals: [...draft.proposals, { key, name: '', kind: null, description: '' }],
  };
}

/** One tap: an adopted suggestion becomes a proposal (once), linked back to it. */
export function addAdopted(draft: RoundDraft, adopted: AdoptedProposal): RoundDraft {
  if (isAdded(draft, adopted.suggestionId)) return draft;
  const key = draft.proposals.reduce((k, p) => Math.max(k, p.key), 0) + 1;
  const { name, kind, description, suggestionId } = adopted.proposal;
  const proposal = { key, name, kind, description, suggestionId, receipt: adopted.receipt };
  return { ...draft, proposals: [...draft.proposals, proposal] };
}

export const isAdded = (draft: RoundDraft, suggestionId: string) =>
  draft.proposals.some((p) => p.suggestionId === suggestionId);

export function removeProposal(draft: RoundDraft, key: number): RoundDraft {
  return { ...draft, proposals: draft.proposals.filter((p) => p.key !== key) };
}

export function editProposal(
  draft: RoundDraft,
  key: number,
  patch: Partial<Omit<ProposalDraft, 'key'>>,
): RoundDraft {
  return {
    ...draft,
    proposals: draft.proposals.map((p) => (p.key === key ? { ...p, ...patch } : p)),
  };
}

export function isRoundField(field: string | undefined | null): field is RoundField {
  return (
    field === 'title' || field === 'maxChoices' || field === 'closesOn' || field === 'proposals'
  );
}

function proposalErrors(p: ProposalDraft, names: string[]): ProposalErrors {
  const errors: ProposalErrors = {};
  const name = p.name.trim();
  if (!name) errors.name = '请写新服务的名称，如：手机使用课';
  else if (name.length > NAME_MAX) errors.name = `名称最多 ${NAME_MAX} 字`;
  else if (names.filter((n) => n === name).length > 1) errors.name = '新服务的名称重复了';
  if (!p.kind) errors.kind = '请选择服务方式';
  if (p.description.trim().length > DESCRIPTION_MAX) {
    errors.description = `说明最多 ${DESCRIPTION_MAX} 字`;
  }
  return errors;
}

function errorsOf(draft: RoundDraft, today: string): RoundErrors {
  const errors: RoundErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = '请写这轮点单的标题，如：2027 年上半年 服务点单';
  else if (title.length > TITLE_MAX) errors.title = `标题最多 ${TITLE_MAX} 字`;
  if (!Number.isInteger(draft.maxChoices) || draft.maxChoices < 1 || draft.maxChoices > MENU_SIZE) {
    errors.maxChoices = `每人可选 1–${MENU_SIZE} 项`;
  }
  if (!isCalendarDate(draft.closesOn)) errors.closesOn = '请选择截止日期';
  else if (draft.closesOn < today) errors.closesOn = '截止日期不能早于今天';
  if (draft.proposals.length > PROPOSALS_MAX) errors.proposals = `新服务最多 ${PROPOSALS_MAX} 项`;
  const names = draft.proposals.map((p) => p.name.trim());
  const items: Record<number, ProposalErrors> = {};
  for (const p of draft.proposals) {
    const found = proposalErrors(p, names);
    if (Object.keys(found).length > 0) items[p.key] = found;
  }
  if (Object.keys(items).length > 0) errors.items = items;
  return errors;
}

/** What `survey.open` takes, or what is wrong (input null). `today` is "YYYY-MM-DD". */
export function parseRound(
  community: string,
  draft: RoundDraft,
  today: string,
): { input: OpenRoundInput | null; errors: RoundErrors } {
  const errors = errorsOf(draft, today);
  if (Object.keys(errors).length > 0) return { input: null, errors };
  return {
    input: {
      community,
      title: draft.title.trim(),
      maxChoices: draft.maxChoices,
      closesOn: draft.closesOn,
      proposals: draft.proposals.map((p) => ({
        name: p.name.trim(),
        kind: p.kind!,
        description: p.description.trim(),
        ...(p.suggestionId ? { suggestionId: p.suggestionId } : {}),
      })),
    },
    errors: {},
  };
}
