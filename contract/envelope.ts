/**
 * The envelope every action returns, in both hosts (local HTTP and WeChat cloud functions).
 * Type-only: the client and the server share these with `import type`, never runtime code.
 */

/** Error codes with their HTTP status in the local host. */
export type ErrorCode =
  | 'BAD_INPUT' // 400
  | 'UNAUTHENTICATED' // 401
  | 'FORBIDDEN' // 403
  | 'NOT_FOUND' // 404
  | 'CONFLICT' // 409
  | 'CLOSED' // 409
  | 'PAYLOAD_TOO_LARGE' // 413
  | 'RATE_LIMITED' // 429
  | 'INTERNAL' // 500
  | 'UNAVAILABLE'; // 503: the database is over its quota or timed out; trying again later helps

export interface ApiError {
  code: ErrorCode;
  /** Chinese, fit to show a resident as is. */
  message: string;
  /** The offending input field, when one can be named. */
  field?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };
