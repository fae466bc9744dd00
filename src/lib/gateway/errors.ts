import type { ApiError, Envelope, ErrorCode } from '@/types/contract';

/** Shown when the request never got an answer (offline, timeout, function not reachable). */
export const NETWORK_MESSAGE = '网络不给力，请稍后再试';
/** Shown when an answer came back that is not an envelope (proxy error page, crash). */
export const BROKEN_MESSAGE = '服务暂时不可用，请稍后再试';

/** A failed action: `code` for logic, `message` (Chinese) fit to show the resident as is. */
export class GatewayError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'GatewayError';
    this.code = error.code;
    if (error.field !== undefined) this.field = error.field;
    // Down-levelled classes can lose the prototype of Error subclasses; keep instanceof working.
    Object.setPrototypeOf(this, GatewayError.prototype);
  }
}

export function networkError(): GatewayError {
  return new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (!isObject(value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !isObject(value.error)) return false;
  return typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

/**
 * Turns whatever came back into the action's data, or throws a GatewayError. The type parameter
 * is trusted: the server validates its output against the same contract.
 */
export function unwrap<T>(raw: unknown): T {
  if (!isEnvelope(raw)) throw new GatewayError({ code: 'INTERNAL', message: BROKEN_MESSAGE });
  if (!raw.ok) throw new GatewayError(raw.error);
  return raw.data as T;
}

/**
 * A failure after which the action may still have reached the server (no answer, a crash, the
 * rate limiter): a retry must reuse the action's requestId, so the server answers what it may
 * already have done instead of doing it twice.
 */
export function mayHaveReachedServer(error: unknown): boolean {
  return (
    !(error instanceof GatewayError) ||
    error.code === 'INTERNAL' ||
    error.code === 'RATE_LIMITED' ||
    error.code === 'UNAVAILABLE'
  );
}

/** The Chinese message for any thrown value, for inline error text. */
export function errorMessage(error: unknown): string {
  return error instanceof GatewayError ? error.message : BROKEN_MESSAGE;
}
