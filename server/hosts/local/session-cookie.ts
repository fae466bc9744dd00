import crypto from 'node:crypto';
import { signerFactory, type CookieSerializeOptions } from '@fastify/cookie';

/** The signed, httpOnly cookie that carries a browser's resident identity. */
export const USER_COOKIE = 'bdb_uid';

export const newUserId = () => `u_${crypto.randomBytes(12).toString('base64url')}`;

export const cookieOptions = (secure: boolean): CookieSerializeOptions => ({
  signed: true,
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure,
  maxAge: SESSION_DAYS * 24 * 3600,
});

/**
 * How long a browser nobody opens stays signed in. Every visit (GET /api/session, which the app
 * calls on start) renews it, so residents who come weekly and workers on duty never notice; a
 * lost phone or a departed worker's browser left alone for 90 days is signed out.
 */
export const SESSION_DAYS = 90;

/**
 * The cookie's value: the user id and the session version it was minted at ("u_….0"). Sign-out
 * bumps the user's version, which ends every cookie minted before. Ids never contain a dot.
 */
export const cookieValue = (userId: string, sessionVersion: number) =>
  `${userId}.${sessionVersion}`;

/**
 * The session a (verified) cookie value carries. A value from before versions were kept is the
 * id alone, at version 0; anything unreadable is no session.
 */
export function sessionOf(value: string): { userId: string; sessionVersion: number } | null {
  const match = /^([A-Za-z0-9_-]{1,64})(?:\.(\d{1,9}))?$/.exec(value);
  if (!match) return null;
  return { userId: match[1]!, sessionVersion: Number(match[2] ?? 0) };
}

/** How many verified cookie values the signer remembers: a busy evening's residents and staff. */
export const VERIFIED_KEPT = 20_000;

type Unsigned =
  { valid: true; renew: boolean; value: string } | { valid: false; renew: false; value: null };

/**
 * @fastify/cookie's signer (HMAC-SHA256), remembering the values it has verified: every API call
 * verifies its cookie, and the HMAC (a fresh key schedule each time) was a fixed cost of each.
 * Only valid signatures are kept, so forged cookies cannot push real ones out; the memory is
 * dropped whole when full. The same signed value always verifies the same way, so a kept answer
 * is the answer.
 */
export function rememberingSigner(secret: string) {
  const signer = signerFactory(secret);
  const verified = new Map<string, Unsigned>();
  return {
    sign: (value: string): string => signer.sign(value),
    unsign(signed: string): Unsigned {
      const kept = verified.get(signed);
      if (kept) return kept;
      const result = signer.unsign(signed) as Unsigned;
      if (result.valid) {
        if (verified.size >= VERIFIED_KEPT) verified.clear();
        verified.set(signed, Object.freeze(result));
      }
      return result;
    },
  };
}
