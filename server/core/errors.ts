import type { ApiError, ErrorCode } from '../../contract/envelope';

/** A refusal the core means to give: its message is Chinese and safe to show a resident. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.field
      ? { code: this.code, message: this.message, field: this.field }
      : { code: this.code, message: this.message };
  }
}

/** HTTP status of each error code in the local host. */
export const httpStatus: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Shown for anything unexpected: the details go to the log, never to the resident. */
export const INTERNAL_MESSAGE = '服务器开小差了，请稍后再试';

/** Shown when the database refuses for load (quota, connections, timeout): a retry later helps. */
export const UNAVAILABLE_MESSAGE = '现在使用的人比较多，请稍等一会儿再试';

/**
 * The store could not be reached for load (quota, concurrent connections, timeout) or stayed
 * contended past the retry budget. Answered UNAVAILABLE; `cause` is logged, never shown.
 */
export class Unavailable extends AppError {
  constructor(readonly cause: unknown) {
    super('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    this.name = 'Unavailable';
  }
}

export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
