/**
 * The admin's community form as plain data: a draft with evening rows (each with a key for
 * React), made from a community or empty, and turned into what the actions take. The server
 * checks every rule (core/community/setup.ts); the page shows its refusal next to the field.
 */
import type { CommunityFields, ManagedCommunity, ServiceEvening } from '@/types/contract';

export interface EveningDraft extends ServiceEvening {
  key: string;
}

export interface CommunityDraft {
  /** The short id: typed once when creating, fixed after. */
  id: string;
  name: string;
  address: string;
  contactPhone: string;
  evenings: EveningDraft[];
}

export const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** Monday first, as a calendar on the wall. */
export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

let nextKey = 0;
const keyed = (e: ServiceEvening): EveningDraft => ({ ...e, key: `e${(nextKey += 1)}` });

/** A new community: one Wednesday evening, 17:00–20:00, as the pilots began. */
export function emptyDraft(): CommunityDraft {
  return {
    id: '',
    name: '',
    address: '',
    contactPhone: '',
    evenings: [keyed({ weekday: 3, opensAt: '17:00', closesAt: '20:00' })],
  };
}

export function draftOf(c: ManagedCommunity): CommunityDraft {
  return {
    id: c.id,
    name: c.name,
    address: c.address,
    contactPhone: c.contactPhone ?? '',
    evenings: c.evenings.map(keyed),
  };
}

/** Another evening on the first weekday without one (Monday first), with the last row's hours. */
export function addEvening(draft: CommunityDraft): CommunityDraft {
  const used = new Set(draft.evenings.map((e) => e.weekday));
  const weekday = WEEKDAY_ORDER.find((d) => !used.has(d));
  if (weekday === undefined) return draft;
  const last = draft.evenings[draft.evenings.length - 1];
  const hours = last
    ? { opensAt: last.opensAt, closesAt: last.closesAt }
    : { opensAt: '17:00', closesAt: '20:00' };
  return { ...draft, evenings: [...draft.evenings, keyed({ weekday, ...hours })] };
}

export function removeEvening(draft: CommunityDraft, key: string): CommunityDraft {
  return { ...draft, evenings: draft.evenings.filter((e) => e.key !== key) };
}

export function changeEvening(
  draft: CommunityDraft,
  key: string,
  patch: Partial<ServiceEvening>,
): CommunityDraft {
  return {
    ...draft,
    evenings: draft.evenings.map((e) => (e.key === key ? { ...e, ...patch } : e)),
  };
}

/** What community.create and community.update take (the id apart). */
export function fieldsOf(draft: CommunityDraft): CommunityFields {
  return {
    name: draft.name,
    address: draft.address,
    contactPhone: draft.contactPhone,
    evenings: draft.evenings.map(({ weekday, opensAt, closesAt }) => ({
      weekday,
      opensAt: opensAt.trim(),
      closesAt: closesAt.trim(),
    })),
  };
}

/** Fields the form shows a refusal beside. */
export const FORM_FIELDS = new Set(['id', 'name', 'address', 'contactPhone', 'evenings']);
