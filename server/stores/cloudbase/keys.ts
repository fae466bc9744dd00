/**
 * Keys made of arbitrary strings (user ids, request ids, resident keys) in stored documents: as a
 * map key in a field (fieldKey, requestKey) or as part of an `_id` (digest).
 */
import crypto from 'node:crypto';

/** Field names must not contain '.' (a path) or start with '$' (an operator). */
const SAFE_KEY_CHAR = /[A-Za-z0-9_:-]/;

/**
 * A user or request id as a map key in a stored document: characters outside [A-Za-z0-9_:-]
 * (including '.', '$', '%' and '|') become %XX of their UTF-8 bytes. Today's ids ('wx:<openid>',
 * 'u_…', request ids) pass unchanged; the encoding is injective, so keys never collide.
 */
export function fieldKey(raw: string): string {
  let key = '';
  for (const ch of raw) {
    key += SAFE_KEY_CHAR.test(ch)
      ? ch
      : [...Buffer.from(ch, 'utf8')]
          .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
          .join('');
  }
  return key;
}

/** '|' never survives fieldKey, so it separates the two parts unambiguously. */
export const requestKey = (userId: string | null, requestId: string) =>
  `${fieldKey(userId ?? '')}|${fieldKey(requestId)}`;

/** Only [A-Za-z0-9-]: the readable parts of an `_id`, for the console. */
export const readable = (part: string) => part.replace(/[^A-Za-z0-9-]/g, '-');

/**
 * 22 URL-safe characters (132 bits of SHA-256) standing for `parts`: a deterministic `_id` part
 * for keys made of arbitrary strings. JSON keeps the parts apart, so ("a:b", "c") and ("a", "b:c")
 * differ.
 */
export function digest(...parts: string[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 22);
}
