/**
 * What a wx-server-sdk failure means for the caller, decided once at the adapter's edge:
 * - a transaction conflict is retried by `transact` (transaction.ts), nothing else is;
 * - quota, concurrent-connection and timeout errors (-501003, -501004, -501002, socket timeouts)
 *   become Unavailable at once: the resident is told to try again later, the cause is logged;
 * - a missing collection is a deployment mistake: it fails at once, naming the collection, and
 *   the action answers INTERNAL;
 * - anything else propagates unchanged (INTERNAL, logged by dispatch).
 *
 * The SDK reports a conflict raised by a write inside a transaction as -501001 with the
 * conflict only in its message (its wrapper maps the server's DATABASE_TRANSACTION_CONFLICT
 * code to SYS_ERR), and one raised at commit with `code: 'DATABASE_TRANSACTION_CONFLICT'`; both
 * are recognised.
 */
import { Unavailable } from '../../core/errors';

/** SERVER_TIMEOUT, EXCEED_REQUEST_LIMIT and EXCEED_CONCURRENT_REQUEST_LIMIT. */
const UNAVAILABLE_CODES: ReadonlySet<unknown> = new Set([-501002, -501003, -501004]);
const DATABASE_COLLECTION_NOT_EXIST = -502005;

const CONFLICT = /DATABASE_TRANSACTION_CONFLICT|transaction conflict|TransactionConflict/i;
const TIMEOUT = /ESOCKETTIMEDOUT|ETIMEDOUT|timed? ?out/i;

/** The message and errMsg of an SDK error (or the error itself, a string). */
export const textOf = (error: unknown): string => {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return '';
  const { message, errMsg } = error as { message?: unknown; errMsg?: unknown };
  return [message, errMsg].filter((t) => typeof t === 'string').join(' ');
};

const codeOf = (error: unknown) =>
  typeof error === 'object' && error !== null
    ? ((error as { errCode?: unknown; code?: unknown }).errCode ??
      (error as { code?: unknown }).code)
    : undefined;

export function isConflict(error: unknown): boolean {
  return codeOf(error) === 'DATABASE_TRANSACTION_CONFLICT' || CONFLICT.test(textOf(error));
}

function isUnavailable(error: unknown): boolean {
  return UNAVAILABLE_CODES.has(codeOf(error)) || TIMEOUT.test(textOf(error));
}

export class MissingCollection extends Error {
  constructor(cause: unknown) {
    super(
      `CloudBase collection missing (create every collection in database/README.md before deploying): ${textOf(cause)}`,
    );
    this.name = 'MissingCollection';
  }
}

/** The error the store lets out for an SDK failure: see the file comment. */
export function mapSdkError(error: unknown): unknown {
  if (error instanceof Unavailable || error instanceof MissingCollection) return error;
  if (isConflict(error)) return error;
  if (isUnavailable(error)) return new Unavailable(error);
  if (codeOf(error) === DATABASE_COLLECTION_NOT_EXIST) return new MissingCollection(error);
  return error;
}

const isThenable = (value: unknown): value is Promise<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Promise<unknown>).then === 'function';

/**
 * The database with every call's rejection passed through mapSdkError: builder calls return
 * guarded builders, promises reject with the mapped error. The transaction object handed to a
 * runTransaction callback is not wrapped: its failures reach `transact` through runTransaction's
 * own rejection, which is.
 */
export function guardDatabase<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof value !== 'function' || key === 'command') return value;
      return (...args: unknown[]) => {
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(object, args);
        if (isThenable(out))
          return out.then(undefined, (error: unknown) => {
            throw mapSdkError(error);
          });
        if (typeof out === 'object' && out !== null) return guardDatabase(out);
        return out;
      };
    },
  });
}
