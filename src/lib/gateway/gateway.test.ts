import { call, GatewayError, getSession, NETWORK_MESSAGE } from './index';
import { resetSessionForTests } from './transport';

interface FakeResponse {
  ok: boolean;
  status: number;
  json: () => Promise<unknown>;
}

function answer(body: unknown, status = 200): FakeResponse {
  return { ok: status < 400, status, json: async () => body };
}

const identity = { userId: 'web:1', role: 'resident', communities: [] };
const fetchMock = jest.fn<Promise<FakeResponse>, [string, RequestInit]>();

beforeEach(() => {
  resetSessionForTests();
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

function routeFetch(
  handler: (url: string, init: RequestInit) => FakeResponse | Promise<FakeResponse>,
) {
  fetchMock.mockImplementation(async (url, init) => handler(url, init));
}

describe('gateway over HTTP', () => {
  it('gets the session once, then posts the action to its function', async () => {
    routeFetch((url) =>
      url === '/api/session'
        ? answer({ ok: true, data: identity })
        : answer({ ok: true, data: [{ id: 'jinse', name: '金色里程' }] }),
    );

    await expect(call('community.list', {})).resolves.toEqual([{ id: 'jinse', name: '金色里程' }]);
    await call('community.tonight', { community: 'jinse' });

    const urls = fetchMock.mock.calls.map(([url]) => url);
    expect(urls).toEqual(['/api/session', '/api/community', '/api/community']);
    const [, init] = fetchMock.mock.calls[2];
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('include');
    expect(JSON.parse(String(init.body))).toEqual({ action: 'tonight', community: 'jinse' });
  });

  it('returns the identity from the session endpoint', async () => {
    routeFetch(() => answer({ ok: true, data: identity }));
    await expect(getSession()).resolves.toEqual(identity);
  });

  it('throws the envelope error with its code, message and field', async () => {
    routeFetch((url) =>
      url === '/api/session'
        ? answer({ ok: true, data: identity })
        : answer(
            { ok: false, error: { code: 'BAD_INPUT', message: '验证码不对', field: 'code' } },
            400,
          ),
    );
    const error: unknown = await call('staff.redeem', { code: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: '验证码不对', field: 'code' });
  });

  it('turns a network failure into INTERNAL with a Chinese message, and retries the session', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(call('staff.me', {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: NETWORK_MESSAGE,
    });

    routeFetch(() => answer({ ok: true, data: identity }));
    await expect(call('staff.me', {})).resolves.toEqual(identity);
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/api/session',
      '/api/session',
      '/api/staff',
    ]);
  });

  it('treats an answer that is not an envelope as a server failure', async () => {
    routeFetch((url) =>
      url === '/api/session' ? answer({ ok: true, data: identity }) : answer('<html>', 502),
    );
    await expect(call('staff.me', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
