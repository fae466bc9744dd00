import * as cloud from 'wx-server-sdk';
import { COLLECTIONS } from '../../stores/cloudbase';
import { createCloudBaseEmulator, type CloudBaseEmulator } from '../../testing/cloudbase-emulator';
import { createContentChecker, type MsgSecCheck, type MsgSecCheckRequest } from './content-check';
import { createHandler } from './create-handler';

// Only for the wiring test at the end (its database is the CloudBase emulator): the checker
// itself takes msgSecCheck as a function.
jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  database: jest.fn(),
  getWXContext: jest.fn(),
  openapi: { subscribeMessage: { send: jest.fn() }, security: { msgSecCheck: jest.fn() } },
}));

/** What WeChat answers (v2): errCode 0 and a verdict, with a label and a trace id. */
const answer = (suggest: string, label = 100) => ({
  errCode: 0,
  errMsg: 'openapi.security.msgSecCheck:ok',
  result: { suggest, label },
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label }],
  traceId: 'trace-123',
});

let check: jest.Mock<ReturnType<MsgSecCheck>, [MsgSecCheckRequest]>;
const log = { warn: jest.fn(), error: jest.fn() };
const checker = () => createContentChecker(check, { log });
const TEXT = '希望周五晚上也能开放';

beforeEach(() => {
  check = jest.fn(async (_request: MsgSecCheckRequest): Promise<unknown> => answer('pass'));
  log.warn.mockReset();
  log.error.mockReset();
});

describe('createContentChecker', () => {
  it('checks the text as a comment against the author\'s openid (our id without "wx:")', async () => {
    expect(await checker().check(TEXT, 'wx:o-resident')).toBe('pass');
    expect(check).toHaveBeenCalledWith({
      openid: 'o-resident',
      scene: 2,
      version: 2,
      content: TEXT,
    });
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('blocks what WeChat finds risky, logging the label and trace but not the text', async () => {
    check.mockResolvedValueOnce(answer('risky', 20001));
    expect(await checker().check(TEXT, 'wx:o-resident')).toBe('block');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('label 20001, trace trace-123');
  });

  it('lets a text WeChat is unsure about through, logging it for review', async () => {
    check.mockResolvedValueOnce(answer('review', 20006));
    expect(await checker().check(TEXT, 'wx:o-resident')).toBe('pass');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]![0]).toContain('review');
    expect(log.warn.mock.calls[0]![0]).toContain('trace-123');
  });

  it('fails open: a rejected call, an error code or no verdict lets the text through, logged', async () => {
    check.mockRejectedValueOnce(new Error('network down'));
    expect(await checker().check(TEXT, 'wx:o-resident')).toBe('pass');
    // 61010: the resident has not used the mini-program in the last two hours.
    check.mockResolvedValueOnce({ errCode: 61010, errMsg: 'user in invalid status' });
    expect(await checker().check(TEXT, 'wx:o-resident')).toBe('pass');
    check.mockResolvedValueOnce({ errCode: 0 });
    expect(await checker().check(TEXT, 'wx:o-resident')).toBe('pass');
    check.mockResolvedValueOnce(undefined);
    expect(await checker().check(TEXT, 'wx:o-resident')).toBe('pass');
    expect(log.error).toHaveBeenCalledTimes(4);
    expect(log.error.mock.calls[0]![1]).toEqual(new Error('network down'));
    expect(log.error.mock.calls[1]![0]).toContain('61010');
    for (const [line] of [...log.warn.mock.calls, ...log.error.mock.calls]) {
      expect(line).not.toContain('o-resident');
      expect(line).not.toContain(TEXT);
    }
  });

  it('passes, without asking WeChat, an author who is not a WeChat identity', async () => {
    expect(await checker().check(TEXT, 'u_local123')).toBe('pass');
    expect(await checker().check(TEXT, 'wx:')).toBe('pass');
    expect(check).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledTimes(2);
  });
});

describe('createHandler: content check', () => {
  const sdk = jest.mocked(cloud);
  const msgSecCheck = (cloud.openapi as { security: { msgSecCheck: jest.Mock } }).security
    .msgSecCheck;
  let emulator: CloudBaseEmulator;
  let warn: jest.SpyInstance;

  beforeEach(async () => {
    jest.clearAllMocks();
    emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
    sdk.database.mockReturnValue(
      emulator.database() as unknown as ReturnType<typeof cloud.database>,
    );
    sdk.getWXContext.mockReturnValue({ OPENID: 'o-abc', APPID: 'wx123', ENV: 'test-env' });
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.ADMIN_TOKEN = 'a-long-enough-admin-token';
    await emulator
      .database()
      .collection('communities')
      .doc('c1')
      .set({ data: { name: '幸福里社区', evenings: [], services: [] } });
  });

  afterEach(() => {
    warn.mockRestore();
    delete process.env.ADMIN_TOKEN;
  });

  // Each submission its own requestId: a repeated one would answer the first filing unchecked.
  const submit = (requestId: string) =>
    createHandler('suggestion')({
      action: 'submit',
      community: 'c1',
      category: 'hours',
      text: TEXT,
      requestId,
      userInfo: { appId: 'wx123', openId: 'o-abc' },
    });

  it("checks a resident's suggestion through cloud.openapi and refuses a risky one unstored", async () => {
    msgSecCheck.mockResolvedValueOnce(answer('risky', 20001));
    expect(await submit('suggest-req-0001')).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/安全/) }),
    });
    expect(msgSecCheck).toHaveBeenCalledWith({
      openid: 'o-abc',
      scene: 2,
      version: 2,
      content: TEXT,
    });
    expect(emulator.counts().transactions.started).toBe(0);
    expect(emulator.dump('suggestions')).toEqual([]);
  });

  it('files the suggestion when WeChat passes it, or cannot be asked', async () => {
    msgSecCheck.mockResolvedValueOnce(answer('pass'));
    expect(await submit('suggest-req-0001')).toMatchObject({
      ok: true,
      data: { receipt: expect.any(String) },
    });
    msgSecCheck.mockRejectedValueOnce(new Error('no permission: security.msgSecCheck'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await submit('suggest-req-0002')).toMatchObject({ ok: true });
    expect(error).toHaveBeenCalledWith(expect.stringContaining('content check'), expect.any(Error));
    error.mockRestore();
    expect(msgSecCheck).toHaveBeenCalledTimes(2);
    expect(emulator.dump('suggestions')).toEqual([
      expect.objectContaining({ community: 'c1', text: TEXT }),
      expect.objectContaining({ community: 'c1', text: TEXT }),
    ]);
  });
});
