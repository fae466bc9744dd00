/**
 * Routes the gateway's `call` to per-action handlers, typed against the contract. The test file
 * mocks the module itself (jest.mock is hoisted per file):
 *   jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));
 */
import { call } from '@/lib/gateway';
import type { ActionInput, ActionName, ActionOutput } from '@/types/contract';

export type Handlers = {
  [A in ActionName]?: (input: ActionInput<A>) => Promise<ActionOutput<A>>;
};

export const callMock = call as jest.MockedFunction<typeof call>;

export function routeCalls(handlers: Handlers): void {
  const route = (action: ActionName, input: unknown): Promise<unknown> => {
    const handler = handlers[action] as ((i: unknown) => Promise<unknown>) | undefined;
    if (!handler) return Promise.reject(new Error(`unexpected action ${action}`));
    return handler(input);
  };
  callMock.mockImplementation(route as typeof call);
}

/** The inputs `call` got for one action, in order. */
export function callsOf<A extends ActionName>(action: A): ActionInput<A>[] {
  return callMock.mock.calls
    .filter(([a]) => a === action)
    .map(([, input]) => input as ActionInput<A>);
}
