import * as cloud from 'wx-server-sdk';
import { mockDb, type MockDb } from '../../stores/cloudbase/mock-sdk';
import { createHandler } from './create-handler';

// wx-server-sdk is mocked at its edge: its first real database call would need credentials and
// raise an unhandled rejection. Everything behind it (dispatch, core, CloudBase store) is real.
jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  database: jest.fn(),
  getWXContext: jest.fn(),
  openapi: { subscribeMessage: { send: jest.fn() } },
}));

const sdk = jest.mocked(cloud);
const sendMessage = (cloud.openapi as { subscribeMessage: { send: jest.Mock } }).subscribeMessage
  .send;
let mock: MockDb;
let warn: jest.SpyInstance;
let error: jest.SpyInstance;
const TOKEN = 'a-long-enough-admin-token';

beforeEach(() => {
  jest.clearAllMocks();
  mock = mockDb();
  sdk.database.mockReturnValue(mock.db as unknown as ReturnType<typeof cloud.database>);
  sdk.getWXContext.mockReturnValue({ OPENID: 'o-abc', APPID: 'wx123', ENV: 'test-env' });
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  process.env.ADMIN_TOKEN = TOKEN;
});

afterEach(() => {
  warn.mockRestore();
  error.mockRestore();
  delete process.env.ADMIN_TOKEN;
  delete process.env.TMPL_QUEUE_YOUR_TURN;
});

/** What WeChat sends: the client's data plus the userInfo it adds. */
const event = (data: Record<string, unknown>) => ({
  ...data,
  userInfo: { appId: 'wx123', openId: 'o-abc' },
});

describe('createHandler', () => {
  it('initializes once with DYNAMIC_CURRENT_ENV and creates the store lazily', async () => {
    const main = createHandler('community');
    expect(sdk.init).not.toHaveBeenCalled();
    expect(sdk.database).not.toHaveBeenCalled();
    await main(event({ action: 'list' }));
    await main(event({ action: 'list' }));
    expect(sdk.init).toHaveBeenCalledTimes(1);
    expect(sdk.init).toHaveBeenCalledWith({ env: sdk.DYNAMIC_CURRENT_ENV });
    expect(sdk.database).toHaveBeenCalledTimes(1);
  });

  it('routes to the function it was created for and returns the envelope', async () => {
    mock.pages.push([{ _id: 'c1', name: '幸福里社区' }]);
    const result = await createHandler('community')(event({ action: 'list' }));
    expect(result).toEqual({ ok: true, data: [{ id: 'c1', name: '幸福里社区' }] });
    expect(mock.queries[0]!.collection).toBe('communities');
  });

  it('takes the caller from OPENID and ignores the userInfo WeChat adds', async () => {
    // staff.me's input schema is strict: a userInfo key reaching dispatch would be BAD_INPUT.
    const result = await createHandler('staff')(event({ action: 'me' }));
    expect(result).toEqual({
      ok: true,
      data: { userId: 'wx:o-abc', role: 'resident', communities: [] },
    });
    expect(mock.add('users')).toHaveBeenCalledWith({
      data: expect.objectContaining({ _id: 'wx:o-abc' }),
    });
  });

  it('trusts OPENID over a forged userInfo', async () => {
    const forged = { action: 'me', userInfo: { appId: 'wx123', openId: 'o-victim' } };
    const result = await createHandler('staff')(forged);
    expect(result).toMatchObject({ ok: true, data: { userId: 'wx:o-abc' } });
  });

  it('has no caller without OPENID (e.g. a timer or console call)', async () => {
    sdk.getWXContext.mockReturnValue({ ENV: 'test-env' });
    const result = await createHandler('staff')({ action: 'me' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(mock.add('users')).not.toHaveBeenCalled();
  });

  it('turns a thrown error into INTERNAL and logs it', async () => {
    sdk.getWXContext.mockImplementation(() => {
      throw new Error('context unavailable');
    });
    const result = await createHandler('community')(event({ action: 'list' }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' },
    });
    expect(error).toHaveBeenCalled();
  });

  it('answers INTERNAL when the database fails, and recovers on the next call', async () => {
    sdk.init.mockImplementationOnce(() => {
      throw new Error('init failed');
    });
    const main = createHandler('community');
    expect(await main(event({ action: 'list' }))).toMatchObject({ error: { code: 'INTERNAL' } });
    expect(await main(event({ action: 'list' }))).toEqual({ ok: true, data: [] });
  });

  it('answers a non-object event with BAD_INPUT, not an exception', async () => {
    expect(await createHandler('community')('list')).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
  });

  it('refuses an event over 64 KB with PAYLOAD_TOO_LARGE before touching the store', async () => {
    const main = createHandler('community');
    const result = await main(
      event({ action: 'tonight', community: 'jinse', pad: 'x'.repeat(70 * 1024) }),
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/太大/) },
    });
  });

  it('lets a cover upload past 64 KB (up to its own limit) but no other notice action', async () => {
    const main = createHandler('notice');
    const big = 'A'.repeat(100 * 1024);
    const save = await main(
      event({
        action: 'save',
        community: 'jinse',
        week: '2026-12-02',
        title: big,
        body: '',
        activities: [],
      }),
    );
    expect(save).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const upload = await main(event({ action: 'uploadCover', community: 'jinse', data: big }));
    expect(upload).not.toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    const huge = await main(
      event({ action: 'uploadCover', community: 'jinse', data: 'A'.repeat(2 * 1024 * 1024) }),
    );
    expect(huge).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('grants admin with ADMIN_TOKEN', async () => {
    // Canned reads: unknown on first sight, then the admin document the update produced.
    mock
      .doc('users', 'wx:o-abc')
      .get.mockResolvedValueOnce({ data: null })
      .mockResolvedValue({
        data: { admin: true, staffOf: [], createdAt: '2026-12-02T10:00:00.000Z' },
      });
    const result = await createHandler('staff')(event({ action: 'redeem', code: TOKEN }));
    expect(result).toEqual({
      ok: true,
      data: { userId: 'wx:o-abc', role: 'admin', communities: [] },
    });
    expect(mock.doc('users', 'wx:o-abc').update).toHaveBeenCalledWith({ data: { admin: true } });
    expect(warn).not.toHaveBeenCalled();
  });

  it('without ADMIN_TOKEN warns once and no code makes anyone admin', async () => {
    delete process.env.ADMIN_TOKEN;
    const main = createHandler('staff');
    for (const code of ['undefined', 'null', '    ', 'ABCDEFGH23']) {
      const result = await main(event({ action: 'redeem', code }));
      expect(result).toMatchObject({ ok: false });
    }
    expect(mock.doc('users', 'wx:o-abc').update).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('ADMIN_TOKEN is not set');
  });

  it('treats a short ADMIN_TOKEN as unset', async () => {
    process.env.ADMIN_TOKEN = 'short';
    const result = await createHandler('staff')(event({ action: 'redeem', code: 'short' }));
    expect(result).toMatchObject({ ok: false });
    expect(warn.mock.calls[0]![0]).toContain('shorter than 16');
  });
});

describe('createHandler: queue publisher and notifier', () => {
  /** A community with a queue line, open every evening, and the caller as its staff. */
  const cannedStaffLine = () => {
    mock.doc('users', 'wx:o-abc').get.mockResolvedValue({
      data: { admin: false, staffOf: ['c1'], createdAt: '2026-12-01T00:00:00.000Z' },
    });
    mock.doc('communities', 'c1').get.mockResolvedValue({
      data: {
        name: '幸福里社区',
        evenings: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
          weekday,
          opensAt: '00:00',
          closesAt: '23:59',
        })),
        services: [{ id: 'library', name: '图书阅览', kind: 'queue', description: '', sort: 1 }],
      },
    });
  };

  const waitingTicket = (fields: Record<string, unknown> = {}) => ({
    _id: 't1',
    community: 'c1',
    queue: 'library',
    date: '2026-12-02',
    number: 1,
    label: 'A001',
    status: 'waiting',
    userId: 'wx:o-resident',
    note: '',
    requestId: 'req-aaaaaaaa',
    sortKey: 1,
    createdAt: '2026-12-02T10:00:00.000Z',
    calledAt: null,
    missedAt: null,
    closedAt: null,
    serviceSeconds: null,
    alerted: true,
    ...fields,
  });

  it('publishes the line state to queue_lines after a staff change', async () => {
    cannedStaffLine();
    const result = await createHandler('queue')(
      event({ action: 'pause', community: 'c1', queue: 'library' }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(mock.txDoc('queue_lines', 'c1:library').set).toHaveBeenCalledWith({
      data: expect.objectContaining({ community: 'c1', queue: 'library', name: '图书阅览' }),
    });
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('sends the called resident a subscription message through cloud.openapi', async () => {
    process.env.TMPL_QUEUE_YOUR_TURN = 'tmpl-turn';
    cannedStaffLine();
    // callNext reads the line's summary (head, desk, recent), moves t1, reads the summary again,
    // and the console lists the line.
    const called = waitingTicket({ status: 'called' });
    mock.pages.push([waitingTicket()], [], [], [], [called], [called], [called]);
    mock.txDoc('tickets', 't1').get.mockResolvedValueOnce({ data: waitingTicket() });
    sendMessage.mockResolvedValueOnce({ errCode: 0 });
    const result = await createHandler('queue')(
      event({ action: 'callNext', community: 'c1', queue: 'library' }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith(
      expect.objectContaining({
        touser: 'o-resident',
        templateId: 'tmpl-turn',
        page: 'pages/ticket/index?id=t1',
        miniprogramState: 'formal',
      }),
    );
  });

  it('a failing subscription message does not fail the action', async () => {
    process.env.TMPL_QUEUE_YOUR_TURN = 'tmpl-turn';
    cannedStaffLine();
    const called = waitingTicket({ status: 'called' });
    mock.pages.push([waitingTicket()], [], [], [], [called], [called], [called]);
    mock.txDoc('tickets', 't1').get.mockResolvedValueOnce({ data: waitingTicket() });
    sendMessage.mockRejectedValueOnce(Object.assign(new Error('refused'), { errCode: 43101 }));
    const result = await createHandler('queue')(
      event({ action: 'callNext', community: 'c1', queue: 'library' }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('43101'));
  });
});
