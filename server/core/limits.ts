/** Largest request body either host accepts; larger ones are refused with PAYLOAD_TOO_LARGE. */
export const BODY_LIMIT = 64 * 1024;

export const PAYLOAD_TOO_LARGE_MESSAGE = '提交的内容太大了（最多 64 KB）';
