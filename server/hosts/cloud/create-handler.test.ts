import * as cloud from 'wx-server-sdk';
import type { QueueDesk, Ticket } from '../../../contract/queue';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from '../../stores/cloudbase';
import { createCloudBaseEmulator, type CloudBaseEmulator } from '../../testing/cloudbase-emulator';
import { fakeDateOnly } from '../../testing/cloud-world';
import { adminDigestOf } from '../../core/identity';
import { createHandler } from './create-handler';

// wx-server-sdk is mocked at its edge so tests can change what init and getWXContext do; its
// database is the CloudBase emulator, so everything behind it (dispatch, core, CloudBase store)
// runs for real against documents the tests can read back.
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
let emulator: CloudBaseEmulator;
let warn: jest.SpyInstance;
let error: jest.SpyInstance;
const TOKEN = 'a-long-enough-admin-token';

/** The emulator's admin view, for seeding and reading back (not through the handler). */
const db = () => emulator.database();

/** getWXContext answers `openid` from now on. */
const signedInAs = (openid: string) =>
  sdk.getWXContext.mockReturnValue({ OPENID: openid, APPID: 'wx123', ENV: 'test-env' });

beforeEach(() => {
  jest.clearAllMocks();
  emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
  sdk.database.mockReturnValue(emulator.database() as unknown as ReturnType<typeof cloud.database>);
  signedInAs('o-abc');
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
const event = (data: Record<string, unknown>, openId = 'o-abc') => ({
  ...data,
  userInfo: { appId: 'wx123', openId },
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
    await db()
      .collection('communities')
      .doc('c1')
      .set({ data: { name: '幸福里社区', evenings: [], services: [] } });
    const result = await createHandler('community')(event({ action: 'list' }));
    expect(result).toEqual({ ok: true, data: [{ id: 'c1', name: '幸福里社区' }] });
  });

  it('takes the caller from OPENID and ignores the userInfo WeChat adds', async () => {
    // staff.me's input schema is strict: a userInfo key reaching dispatch would be BAD_INPUT.
    const result = await createHandler('staff')(event({ action: 'me' }));
    expect(result).toEqual({
      ok: true,
      data: { userId: 'wx:o-abc', role: 'resident', communities: [] },
    });
    expect(emulator.dump('users')).toEqual([
      expect.objectContaining({ _id: 'wx:o-abc', adminDigest: null, staffOf: [] }),
    ]);
  });

  it('trusts OPENID over a forged userInfo', async () => {
    const forged = { action: 'me', userInfo: { appId: 'wx123', openId: 'o-victim' } };
    const result = await createHandler('staff')(forged);
    expect(result).toMatchObject({ ok: true, data: { userId: 'wx:o-abc' } });
    expect(emulator.dump('users').map((u) => u._id)).toEqual(['wx:o-abc']);
  });

  it('has no caller without OPENID (e.g. a timer or console call)', async () => {
    sdk.getWXContext.mockReturnValue({ ENV: 'test-env' });
    const result = await createHandler('staff')({ action: 'me' });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(emulator.dump('users')).toEqual([]);
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
    expect(emulator.counts().total).toEqual({ reads: 0, writes: 0 });
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
    const result = await createHandler('staff')(event({ action: 'redeem', code: TOKEN }));
    expect(result).toEqual({
      ok: true,
      data: { userId: 'wx:o-abc', role: 'admin', communities: [] },
    });
    expect(emulator.dump('users')).toEqual([
      // The token's digest, never the token: a new ADMIN_TOKEN makes this grant void.
      expect.objectContaining({ _id: 'wx:o-abc', adminDigest: adminDigestOf(TOKEN) }),
    ]);
    expect(JSON.stringify(emulator.dump('users'))).not.toContain(TOKEN);
    expect(warn).not.toHaveBeenCalled();
  });

  it('without ADMIN_TOKEN warns once and no code makes anyone admin', async () => {
    delete process.env.ADMIN_TOKEN;
    const main = createHandler('staff');
    for (const code of ['undefined', 'null', '    ', 'ABCDEFGH23']) {
      const result = await main(event({ action: 'redeem', code }));
      expect(result).toMatchObject({ ok: false });
    }
    expect(emulator.dump('users').filter((u) => u.adminDigest)).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toContain('ADMIN_TOKEN is not set');
  });

  it('treats a short ADMIN_TOKEN as unset', async () => {
    process.env.ADMIN_TOKEN = 'short';
    const result = await createHandler('staff')(event({ action: 'redeem', code: 'short' }));
    expect(result).toMatchObject({ ok: false });
    expect(emulator.dump('users').filter((u) => u.adminDigest)).toEqual([]);
    expect(warn.mock.calls[0]![0]).toContain('shorter than 16');
  });
});

describe('createHandler: queue lines and notifier', () => {
  beforeEach(async () => {
    // Only Date moves: the emulator's round trips and the adapter's retries need real timers.
    // Noon on a Wednesday in Suzhou, far from the line's last join and from midnight.
    fakeDateOnly(new Date('2026-12-02T04:00:00.000Z'));
    // A community with one queue line, open every evening, and the caller (o-abc) as its staff.
    await createCloudBaseStore(db() as unknown as CloudDatabase).communities.save({
      id: 'c1',
      name: '幸福里社区',
      evenings: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
        weekday,
        opensAt: '00:00',
        closesAt: '23:59',
      })),
      services: [{ id: 'library', name: '图书阅览', kind: 'queue', description: '', sort: 1 }],
    });
    await db()
      .collection('users')
      .doc('wx:o-abc')
      .set({ data: { admin: false, staffOf: ['c1'], createdAt: '2026-12-01T00:00:00.000Z' } });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  const line = { community: 'c1', queue: 'library' };

  /** A call of the queue function by `openid`, as WeChat makes it. */
  const queueCall = (openid: string, data: Record<string, unknown>) => {
    signedInAs(openid);
    return createHandler('queue')(event(data, openid));
  };

  /** Residents take numbers through the queue function, in order. */
  const join = async (...openids: string[]) => {
    const tickets: Ticket[] = [];
    for (const openid of openids) {
      const result = await queueCall(openid, {
        action: 'join',
        ...line,
        requestId: `join-${openid}`,
      });
      expect(result).toMatchObject({ ok: true });
      tickets.push((result as { data: Ticket }).data);
    }
    signedInAs('o-abc');
    return tickets;
  };

  const publicLine = async () =>
    (await db().collection('queue_lines').doc('c1:library').get()).data;

  it('publishes the paused line to queue_lines, without user ids, after a staff pause', async () => {
    await join('o-r1', 'o-r2');
    expect(await publicLine()).toMatchObject({ paused: false, waiting: 2 });
    // The private evening does hold the residents' ids: the public document must not.
    expect(JSON.stringify(emulator.dump('queue_evenings'))).toContain('wx:o-r1');

    const result = await queueCall('o-abc', { action: 'pause', ...line });
    expect(result).toMatchObject({ ok: true, data: { line: { paused: true } } });
    const published = await publicLine();
    expect(published).toMatchObject({
      community: 'c1',
      queue: 'library',
      name: '图书阅览',
      paused: true,
      accepting: false,
      waiting: 2,
    });
    expect(JSON.stringify(published)).not.toMatch(/o-r\d|o-abc|wx:/);
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('sends the called resident a subscription message through cloud.openapi', async () => {
    process.env.TMPL_QUEUE_YOUR_TURN = 'tmpl-turn';
    const [first] = await join('o-r1', 'o-r2');
    sendMessage.mockResolvedValueOnce({ errCode: 0 });
    const result = await queueCall('o-abc', { action: 'callNext', ...line });
    expect(result).toMatchObject({ ok: true });
    const desk = (result as { data: QueueDesk }).data;
    expect(desk.line).toMatchObject({ nowCalling: 'A001', waiting: 1 });
    expect(desk.tickets.map((t) => [t.number, t.status])).toEqual([
      [1, 'called'],
      [2, 'waiting'],
    ]);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith(
      expect.objectContaining({
        touser: 'o-r1',
        templateId: 'tmpl-turn',
        page: `pages/ticket/index?id=${first!.id}&c=c1`,
        miniprogramState: 'formal',
      }),
    );
  });

  it('a failing subscription message does not fail the action', async () => {
    process.env.TMPL_QUEUE_YOUR_TURN = 'tmpl-turn';
    await join('o-r1');
    sendMessage.mockRejectedValueOnce(Object.assign(new Error('refused'), { errCode: 43101 }));
    const result = await queueCall('o-abc', { action: 'callNext', ...line });
    expect(result).toMatchObject({ ok: true });
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('43101'));
    // The call itself stands: the resident is at the desk.
    expect(await publicLine()).toMatchObject({ nowCalling: 'A001', waiting: 0 });
  });

  it("lists tonight's alerts on the desk from the evening, and writes the log only when kept", async () => {
    await join('o-r1', 'o-r2');
    const call = (alertLog: boolean) => {
      signedInAs('o-abc');
      return createHandler('queue', { alertLog })(event({ action: 'callNext', ...line }));
    };
    const withLog = (await call(true)) as { data: QueueDesk };
    expect(withLog.data.alerts).toEqual([
      { kind: 'your-turn', label: 'A001', at: '2026-12-02T12:00:00+08:00' },
    ]);
    expect(emulator.dump('alert_log')).toEqual([
      expect.objectContaining({ userId: 'wx:o-r1', kind: 'your-turn', community: 'c1' }),
    ]);
    // As deployed (the per-call budget): nothing written, and the desk still sees both calls.
    const without = (await call(false)) as { data: QueueDesk };
    expect(without.data.alerts).toEqual([
      { kind: 'your-turn', label: 'A002', at: '2026-12-02T12:00:00+08:00' },
      { kind: 'your-turn', label: 'A001', at: '2026-12-02T12:00:00+08:00' },
    ]);
    expect(emulator.dump('alert_log')).toHaveLength(1);
  });
});
