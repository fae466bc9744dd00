import crypto from 'node:crypto';
import { fastifyCookie, type SerializeOptions } from '@fastify/cookie';

const { parse, serialize, signerFactory } = fastifyCookie;

/** The signed, httpOnly cookie that carries a browser's resident identity. */
export const USER_COOKIE = 'bdb_uid';

export const newUserId = () => `u_${crypto.randomBytes(12).toString('base64url')}`;

/** The cookie's attributes; its value is signed by sessionCookies(). */
export const cookieOptions = (secure: boolean): SerializeOptions => ({
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

/** How many cookie headers the host remembers the session of: a busy evening's residents and staff. */
export const SESSIONS_KEPT = 20_000;

export type CookieSession = { userId: string; sessionVersion: number } | { userId: null };

const NO_SESSION: CookieSession = Object.freeze({ userId: null });

/**
 * The host's cookie: signed with @fastify/cookie's signer (HMAC-SHA256), parsed and written with
 * its `cookie` functions. Every API call reads its caller from the Cookie header; parsing it and
 * checking the HMAC were a fixed cost of each, so the session of a header that verified is
 * remembered (a header is read again exactly as it was). Only verified sessions are kept, so
 * forged cookies cannot push real ones out; the memory is dropped whole when full.
 */
export function sessionCookies(secret: string) {
  const signer = signerFactory(secret);
  const known = new Map<string, CookieSession>();
  const read = (header: string): CookieSession => {
    const raw = parse(header)[USER_COOKIE];
    const unsigned = raw ? signer.unsign(raw) : null;
    const session = unsigned?.valid && unsigned.value ? sessionOf(unsigned.value) : null;
    return session ? Object.freeze(session) : NO_SESSION;
  };
  return {
    /** The session a request's Cookie header carries; a forged, unreadable or missing one is none. */
    sessionOf(header: string | undefined): CookieSession {
      if (!header) return NO_SESSION;
      const kept = known.get(header);
      if (kept) return kept;
      const session = read(header);
      if (session.userId !== null) {
        if (known.size >= SESSIONS_KEPT) known.clear();
        known.set(header, session);
      }
      return session;
    },
    /** The Set-Cookie header's value for this session's cookie. */
    setCookie: (value: string, secure: boolean): string =>
      serialize(USER_COOKIE, signer.sign(value), cookieOptions(secure)),
  };
}
