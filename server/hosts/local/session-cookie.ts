import crypto from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';

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
