/**
 * The one way the client talks to the server. `call('community.tonight', { community })` is
 * checked against the contract's action map; the platform transport is picked by Taro's file
 * suffix (transport.weapp.ts in the mini-program, transport.ts in H5 and tests).
 */
import type { ActionInput, ActionName, ActionOutput } from '@/types/contract';
import { unwrap } from './errors';
import { send } from './transport';

export { GatewayError, errorMessage, mayHaveReachedServer, NETWORK_MESSAGE } from './errors';
export { getSession } from './transport';
export { showActionError } from './show-error';

export async function call<A extends ActionName>(
  action: A,
  input: ActionInput<A>,
): Promise<ActionOutput<A>> {
  const dot = action.indexOf('.');
  const fn = action.slice(0, dot);
  const name = action.slice(dot + 1);
  const raw = await send(fn, { action: name, ...input });
  return unwrap<ActionOutput<A>>(raw);
}
