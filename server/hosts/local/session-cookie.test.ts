import { fastifyCookie } from '@fastify/cookie';
import { cookieValue, SESSIONS_KEPT, sessionCookies, USER_COOKIE } from './session-cookie';

describe('the session cookie', () => {
  const secret = 'a-secret-of-at-least-32-characters-0000';
  /** The Cookie header a browser sends back for a Set-Cookie value, with another site cookie. */
  const header = (setCookie: string) => `theme=dark; ${setCookie.split(';')[0]}`;

  it('reads back the session it wrote, again and again', () => {
    const cookies = sessionCookies(secret);
    const sent = header(cookies.setCookie(cookieValue('u_abc', 3), false));
    for (let i = 0; i < 3; i += 1) {
      expect(cookies.sessionOf(sent)).toEqual({ userId: 'u_abc', sessionVersion: 3 });
    }
  });

  it('writes a signed, httpOnly cookie, Secure only when asked', () => {
    const cookies = sessionCookies(secret);
    const plain = cookies.setCookie(cookieValue('u_abc', 0), false);
    expect(plain).toMatch(new RegExp(`^${USER_COOKIE}=u_abc\\.0\\.[^;]+;`));
    expect(plain).toContain('HttpOnly');
    expect(plain).toContain('SameSite=Lax');
    expect(plain).not.toContain('Secure');
    expect(cookies.setCookie(cookieValue('u_abc', 0), true)).toContain('Secure');
  });

  it('refuses a forged, altered or unsigned cookie every time, also after the real one', () => {
    const cookies = sessionCookies(secret);
    const real = cookies.setCookie(cookieValue('u_abc', 0), false);
    cookies.sessionOf(header(real));
    const forged = sessionCookies('another-secret-of-32-characters-00000').setCookie(
      cookieValue('u_abc', 0),
      false,
    );
    const signed = fastifyCookie.parse(real)[USER_COOKIE]!;
    for (const bad of [
      header(forged),
      `${USER_COOKIE}=${signed.replace('u_abc', 'u_abd')}`,
      `${USER_COOKIE}=u_abc.0`,
      `${USER_COOKIE}=${signed}x`,
      'theme=dark',
      '',
      undefined,
    ]) {
      expect(cookies.sessionOf(bad)).toEqual({ userId: null });
      expect(cookies.sessionOf(bad)).toEqual({ userId: null });
    }
  });

  it('keeps no more than SESSIONS_KEPT sessions and still reads one after dropping them', () => {
    const cookies = sessionCookies(secret);
    const first = header(cookies.setCookie(cookieValue('u_first', 0), false));
    cookies.sessionOf(first);
    for (let i = 0; i < SESSIONS_KEPT + 5; i += 1)
      cookies.sessionOf(header(cookies.setCookie(cookieValue(`u_${i}`, 0), false)));
    expect(cookies.sessionOf(first)).toEqual({ userId: 'u_first', sessionVersion: 0 });
  });

  it('does not let a caller change the session it answers next', () => {
    const cookies = sessionCookies(secret);
    const sent = header(cookies.setCookie(cookieValue('u_abc', 0), false));
    const session = cookies.sessionOf(sent) as { userId: string };
    expect(() => {
      session.userId = 'u_admin';
    }).toThrow();
    expect(cookies.sessionOf(sent).userId).toBe('u_abc');
  });
});
