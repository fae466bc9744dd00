import { signerFactory } from '@fastify/cookie';
import { rememberingSigner, VERIFIED_KEPT } from './session-cookie';

describe('the remembering cookie signer', () => {
  const secret = 'a-secret-of-at-least-32-characters-0000';

  it('signs as @fastify/cookie does and verifies its own values, again and again', () => {
    const signer = rememberingSigner(secret);
    const signed = signer.sign('u_abc.0');
    expect(signed).toBe(signerFactory(secret).sign('u_abc.0'));
    for (let i = 0; i < 3; i += 1) {
      expect(signer.unsign(signed)).toEqual({ valid: true, renew: false, value: 'u_abc.0' });
    }
  });

  it('refuses a forged or altered value every time, also after the real one was kept', () => {
    const signer = rememberingSigner(secret);
    const signed = signer.sign('u_abc.0');
    signer.unsign(signed);
    const forged = rememberingSigner('another-secret-of-32-characters-00000').sign('u_abc.0');
    const altered = signed.replace('u_abc', 'u_abd');
    for (const bad of [forged, altered, 'u_abc.0', `${signed}x`]) {
      expect(signer.unsign(bad)).toEqual({ valid: false, renew: false, value: null });
      expect(signer.unsign(bad).valid).toBe(false);
    }
  });

  it('keeps no more than VERIFIED_KEPT values and still verifies after dropping them', () => {
    const signer = rememberingSigner(secret);
    const first = signer.sign('u_first.0');
    signer.unsign(first);
    for (let i = 0; i < VERIFIED_KEPT + 5; i += 1) signer.unsign(signer.sign(`u_${i}.0`));
    expect(signer.unsign(first)).toEqual({ valid: true, renew: false, value: 'u_first.0' });
  });

  it('does not let a caller change what it answers next', () => {
    const signer = rememberingSigner(secret);
    const signed = signer.sign('u_abc.0');
    const answer = signer.unsign(signed) as { value: string | null };
    expect(() => {
      answer.value = 'u_admin.0';
    }).toThrow();
    expect(signer.unsign(signed).value).toBe('u_abc.0');
  });
});
