/**
 * The action map the typed client gateway is checked against: `<function>.<action>` → input and
 * output. The server's registry declares the same names with runtime schemas; a test keeps the
 * two in step.
 */
import type { CommunitySummary, Tonight, TonightInput } from './community';
import type { Identity, Invite, InviteInput, RedeemInput } from './staff';

type Empty = Record<string, never>;

export interface ActionMap {
  'community.list': { input: Empty; output: CommunitySummary[] };
  'community.tonight': { input: TonightInput; output: Tonight };
  'staff.redeem': { input: RedeemInput; output: Identity };
  'staff.invite': { input: InviteInput; output: Invite };
  'staff.me': { input: Empty; output: Identity };
}

export type ActionName = keyof ActionMap;
export type ActionInput<A extends ActionName> = ActionMap[A]['input'];
export type ActionOutput<A extends ActionName> = ActionMap[A]['output'];
