/**
 * Largest request body for an action that declares no maxBodyBytes (only photo uploads do);
 * larger ones are refused with PAYLOAD_TOO_LARGE.
 */
export const BODY_LIMIT = 64 * 1024;

export const PAYLOAD_TOO_LARGE_MESSAGE = '提交的内容太大了（文字最多 64 KB，图片最多 1 MB）';
