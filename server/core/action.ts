import type { z } from 'zod';
import type { ActionInput, ActionName, ActionOutput } from '../../contract/actions';
import type { Caller, CoreDeps } from './deps';
import type { UserRecord } from './ports';

/**
 * Who may call an action:
 * - public: anyone, even without an identity (the TV board, the tonight page)
 * - resident: any identified caller
 * - volunteer: a volunteer of the community named by the input (#16; staff and admins are not,
 *   unless invited as volunteers: a volunteer's actions act as that volunteer)
 * - staff: staff of the community named by the input (admins too)
 * - admin: admins only
 */
export type AccessRole = 'public' | 'resident' | 'volunteer' | 'staff' | 'admin';

export interface ActionContext {
  deps: CoreDeps;
  caller: Caller;
  /**
   * Null for public actions. For resident actions only the caller's id is known (a plain
   * resident record, nothing read); staff and admin actions get the stored record.
   */
  user: UserRecord | null;
  now: Date;
}

export interface ActionDef<A extends ActionName = ActionName> {
  /** `<function>.<action>`: the function is the cloud function and the `/api/<function>` route. */
  id: A;
  role: AccessRole;
  /** Strict object schema: unknown fields are refused, not ignored. */
  input: z.ZodType<ActionInput<A>>;
  /** A valid input: documents the action and seeds the registry-driven abuse tests. */
  example: ActionInput<A>;
  /**
   * For roles 'staff' and 'volunteer': which community the input acts on (looked up for inputs that name a record
   * rather than a community; null when that record does not exist).
   */
  community?: (input: ActionInput<A>, deps: CoreDeps) => string | null | Promise<string | null>;
  handler: (ctx: ActionContext, input: ActionInput<A>) => Promise<ActionOutput<A>>;
  /** Request bodies larger than this are refused before parsing (default BODY_LIMIT). */
  maxBodyBytes?: number;
}

/** Type-checks one action against the shared contract. */
export const defineAction = <A extends ActionName>(def: ActionDef<A>): ActionDef<A> => def;

/** The actions whose input names the community they act on. */
type CommunityScoped = {
  [A in ActionName]: ActionInput<A> extends { community: string } ? A : never;
}[ActionName];

/**
 * An action on the community its input names (`input.community`): dispatch checks the caller's
 * role in that community. Everything else is declared as defineAction takes it.
 */
export const inCommunity = <A extends CommunityScoped>(def: Omit<ActionDef<A>, 'community'>) =>
  defineAction<A>({
    ...def,
    // A is constrained to inputs with a community, which TypeScript cannot see through ActionInput<A>.
    community: (input) => (input as { community: string }).community,
  });

/** The caller's record in a non-public action (dispatch loads it before the handler runs). */
export const userOf = (ctx: ActionContext): UserRecord => {
  if (!ctx.user) throw new Error(`Action needs a user but none was loaded`);
  return ctx.user;
};
