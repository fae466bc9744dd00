/**
 * Errors shaped as wx-server-sdk 4 rejects with them (see its utils/error toSDKError): an Error
 * whose message is "<api>:fail <errCode> <text>. <errMsg>", with `errCode` and `errMsg` set.
 *
 * The server's own codes (e.g. "DATABASE_TRANSACTION_CONFLICT") are mapped to numbers through
 * TCB_ERR_CODE; codes missing from that table become -501001 (SYS_ERR). A transaction conflict
 * raised by a write inside a transaction therefore reaches the caller as -501001 with the
 * conflict only in the message — which is why the SDK's own runTransaction retry (it looks for
 * `error.code === 'DATABASE_TRANSACTION_CONFLICT'`) does not see it, and the adapter must.
 */

export const ERR = {
  SYS_ERR: -501001,
  SERVER_TIMEOUT: -501002,
  EXCEED_REQUEST_LIMIT: -501003,
  EXCEED_CONCURRENT_REQUEST_LIMIT: -501004,
  INVALID_PARAM: -501007,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
} as const;

const TEXT: Record<number, string> = {
  [-501001]: 'resource system error',
  [-501002]: 'resource server timeout',
  [-501003]: 'exceed request limit',
  [-501004]: 'exceed concurrent request limit',
  [-501007]: 'invalid parameters',
  [-502001]: 'database request fail',
  [-502003]: 'database permission denied',
  [-502005]: 'database collection not exists',
};

export interface SdkError extends Error {
  errCode: number;
  errMsg: string;
}

/** An error of the server, before the SDK names the API it came through. */
export class ServerError extends Error {
  constructor(
    readonly errCode: number,
    readonly serverMessage: string,
  ) {
    super(serverMessage);
  }
}

export const invalidParam = (message: string) => new ServerError(ERR.INVALID_PARAM, message);

export const conflictError = () =>
  new ServerError(ERR.SYS_ERR, '[DATABASE_TRANSACTION_CONFLICT] database transaction conflict');

export const missingCollection = (name: string) =>
  new ServerError(
    ERR.DATABASE_COLLECTION_NOT_EXIST,
    `[ResourceNotFound] Db or Table not exist: ${name}`,
  );

export const duplicateKey = (collection: string, id: string) =>
  new ServerError(
    ERR.DATABASE_REQUEST_FAILED,
    `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
  );

export const permissionDenied = (collection: string) =>
  new ServerError(ERR.DATABASE_PERMISSION_DENIED, `Permission denied: ${collection}`);

/** As toSDKError words it: "<api>:fail <code> <text>. <server message>". */
export function toSdkError(error: unknown, api: string): SdkError {
  if (error instanceof ServerError) {
    const message = `${api}:fail ${error.errCode} ${TEXT[error.errCode] ?? ''}. ${error.serverMessage}`;
    return Object.assign(new Error(message), { errCode: error.errCode, errMsg: message });
  }
  if (error instanceof Error && 'errCode' in error) return error as SdkError;
  const text = error instanceof Error ? error.message : String(error);
  const message = `${api}:fail ${text}`;
  return Object.assign(new Error(message), { errCode: -1, errMsg: message });
}

/** The string the SDK throws (and wraps) for a missing document when throwOnNotFound is on. */
export const notFoundMessage = (id: string) => `document with _id ${id} does not exist`;
