/** Unknown addresses on the local host: a page opened in a browser, or anything else. */
import { startTestHost, type TestHost } from './testing';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost();
});

afterAll(async () => {
  await host?.destroy();
});

describe('an unknown address', () => {
  it('sends a browser page to the app’s Chinese page not found', async () => {
    const response = await host.client().raw('GET', '/jinse/library', {
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/#/package-misc/pages/not-found/index');
  });

  it('answers anything else with a plain 404, in Chinese', async () => {
    const script = await host.client().raw('GET', '/js/gone.12345678.js', {
      headers: { accept: '*/*' },
    });
    expect(script.status).toBe(404);
    expect(await script.text()).toBe('没有找到');
    const post = await host.client().raw('POST', '/nope', { headers: { accept: 'text/html' } });
    expect(post.status).toBe(404);
  });

  it('keeps unknown /api paths in the envelope', async () => {
    const response = await host.client().raw('GET', '/api/nope', {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
