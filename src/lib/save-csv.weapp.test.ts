import Taro from '@tarojs/taro';
import { GatewayError } from '@/lib/gateway';
import { resetTaroDouble, showToast } from '../../tests/doubles/taro';
import { saveCsv } from './save-csv.weapp';

// The shared Taro double has no file system or file sharing: added here for the weapp twin.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const extra = { getFileSystemManager: jest.fn(), shareFileMessage: jest.fn() };
  return { __esModule: true, ...actual, ...extra, default: { ...actual.default, ...extra } };
});

const writeFileSync = jest.fn();
const share = jest.mocked(Taro.shareFileMessage);
const attendance = { filename: '签到表-2026-11-30-本周活动.csv', csv: '\uFEFF活动,姓名\r\n' };
const report = { filename: '金色里程-2026-12-02-服务汇总.csv', csv: '服务,服务人数\r\n' };
const path = (filename: string) => `wxfile://usr/${filename}`;

beforeEach(() => {
  resetTaroDouble();
  writeFileSync.mockReset();
  share.mockReset();
  jest.mocked(Taro.getFileSystemManager).mockReturnValue({
    writeFileSync,
  } as unknown as Taro.FileSystemManager);
  Object.assign(globalThis, { wx: { env: { USER_DATA_PATH: 'wxfile://usr' } } });
});

describe('CSV in the mini-program', () => {
  it('writes the CSV (its one BOM kept) to user data and offers it to a chat', async () => {
    share.mockResolvedValue({ errMsg: 'shareFileMessage:ok' });
    await expect(saveCsv(attendance, { sheet: '签到表' })).resolves.toBe(
      '已打开分享：签到表-2026-11-30-本周活动.csv',
    );
    expect(writeFileSync).toHaveBeenCalledWith(
      path(attendance.filename),
      '\uFEFF活动,姓名\r\n',
      'utf8',
    );
    expect(share).toHaveBeenCalledWith({
      filePath: path(attendance.filename),
      fileName: attendance.filename,
    });
    expect(showToast).not.toHaveBeenCalled();
  });

  it('adds the BOM when the CSV has none', async () => {
    share.mockResolvedValue({ errMsg: 'shareFileMessage:ok' });
    await expect(saveCsv(report, { sheet: '报表' })).resolves.toBe(
      '已打开分享：金色里程-2026-12-02-服务汇总.csv',
    );
    expect(writeFileSync).toHaveBeenCalledWith(
      path(report.filename),
      '\uFEFF服务,服务人数\r\n',
      'utf8',
    );
  });

  it('says nothing when staff close the share sheet', async () => {
    share.mockRejectedValue({ errMsg: 'shareFileMessage:fail cancel' });
    await expect(saveCsv(attendance, { sheet: '签到表' })).resolves.toBeNull();
    expect(showToast).not.toHaveBeenCalled();
  });

  it('falls back to a toast naming the sheet when sharing fails or WeChat cannot share files', async () => {
    share.mockRejectedValue({ errMsg: 'shareFileMessage:fail not supported' });
    await expect(saveCsv(report, { sheet: '报表' })).resolves.toBeNull();
    expect(showToast).toHaveBeenCalledTimes(1);
    expect(showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({
        title: '报表已存到手机；当前微信版本不能直接分享，请升级微信后再试',
        icon: 'none',
      }),
    );

    const saved = Taro.shareFileMessage;
    Object.assign(Taro, { shareFileMessage: undefined });
    try {
      await expect(saveCsv(attendance, { sheet: '签到表' })).resolves.toBeNull();
    } finally {
      Object.assign(Taro, { shareFileMessage: saved });
    }
    expect(writeFileSync).toHaveBeenCalledTimes(2);
    expect(showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({
        title: '签到表已存到手机；当前微信版本不能直接分享，请升级微信后再试',
        icon: 'none',
      }),
    );
  });

  it.each([
    ['签到表', '签到表保存失败，请清理手机空间后再试'],
    ['报表', '报表保存失败，请清理手机空间后再试'],
  ])('explains a failed write of the %s', async (sheet, message) => {
    writeFileSync.mockImplementation(() => {
      throw new Error('writeFileSync:fail the maximum size of the file storage limit is exceeded');
    });
    const error: unknown = await saveCsv(report, { sheet }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ message });
    expect(share).not.toHaveBeenCalled();
  });
});
