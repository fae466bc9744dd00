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
  // Residents come back weekly; a year keeps "my tickets" and staff roles across visits.
  maxAge: 365 * 24 * 3600,
});
