import type { ActionName } from '../../contract/actions';
import type { ActionDef } from './action';
import { BODY_LIMIT } from './limits';
import { bookingActions } from './actions/booking';
import { communityActions } from './actions/community';
import { calendarActions } from './actions/calendar';
import { followupActions } from './actions/followup';
import { noticeActions } from './actions/notice';
import { reportActions } from './actions/report';
import { rosterActions } from './actions/roster';
import { surveyActions } from './actions/survey';
import { suggestionActions } from './actions/suggestion';
import { queueActions } from './actions/queue';
import { staffActions } from './actions/staff';
import { volunteerActions } from './actions/volunteer';

/** Every action of every function, declared once: routing, validation and authorization read this. */
const declared = [
  ...communityActions,
  ...staffActions,
  ...queueActions,
  ...bookingActions,
  ...noticeActions,
  ...followupActions,
  ...suggestionActions,
  ...surveyActions,
  ...reportActions,
  ...rosterActions,
  ...volunteerActions,
  ...calendarActions,
];

// Compile-time check that the contract's ActionMap and the registry name the same actions.
type Undeclared = Exclude<ActionName, (typeof declared)[number]['id']>;
const everyContractActionIsDeclared: [Undeclared] extends [never] ? true : Undeclared = true;
void everyContractActionIsDeclared;

export const actions: ReadonlyArray<ActionDef> = declared as ReadonlyArray<ActionDef>;

const byId = new Map<string, ActionDef>();
for (const action of actions) {
  if (byId.has(action.id)) throw new Error(`Duplicate action ${action.id}`);
  if ((action.role === 'staff' || action.role === 'volunteer') && !action.community) {
    throw new Error(`Action ${action.id} (${action.role}) must say which community it acts on`);
  }
  byId.set(action.id, action);
}

export const findAction = (fn: string, name: string): ActionDef | undefined =>
  byId.get(`${fn}.${name}`);

/** Distinct function names, in declaration order: one cloud function and one HTTP route each. */
export const functionNames = (): string[] => [...new Set(actions.map((a) => a.id.split('.')[0]!))];

export const splitId = (id: string) => {
  const [fn, name] = id.split('.') as [string, string];
  return { fn, name };
};

/** The largest body an action accepts: BODY_LIMIT unless it declares more (photo uploads). */
export const bodyLimitFor = (fn: string, action: unknown): number =>
  (typeof action === 'string' ? findAction(fn, action)?.maxBodyBytes : undefined) ?? BODY_LIMIT;
