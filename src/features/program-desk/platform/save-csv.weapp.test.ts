import Taro from '@tarojs/taro';
import { GatewayError } from '@/lib/gateway';
import { resetTaroDouble, showToast } from '../../../../tests/doubles/taro';
import { saveCsv } from './save-csv.weapp';

// The shared Taro double has no file system or file sharing: added here for the weapp twin.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const extra = { getFileSystemManager: jest.fn(), shareFileMessage: jest.fn() };
  return { __esModule: true, ...actual, ...extra, default: { ...actual.default, ...extra } };
});

const writeFileSync = jest.fn();
const share = jest.mocked(Taro.shareFileMessage);
const sheet = { filename: '金色里程-2026-12-02-服务汇总.csv', csv: '\uFEFF服务,服务人数\r\n' };
const path = 'wxfile://usr/金色里程-2026-12-02-服务汇总.csv';

beforeEach(() => {
  resetTaroDouble();
  writeFileSync.mockReset();
  share.mockReset();
  jest.mocked(Taro.getFileSystemManager).mockReturnValue({
    writeFileSync,
  } as unknown as Taro.FileSystemManager);
  Object.assign(globalThis, { wx: { env: { USER_DATA_PATH: 'wxfile://usr' } } });
});

describe('report CSV in the mini-program', () => {
  it('writes the CSV (its one BOM kept) to user data and offers it to a chat', async () => {
    share.mockResolvedValue({ errMsg: 'shareFileMessage:ok' });
    await expect(saveCsv(sheet)).resolves.toBe('已打开分享：金色里程-2026-12-02-服务汇总.csv');
    expect(writeFileSync).toHaveBeenCalledWith(path, '\uFEFF服务,服务人数\r\n', 'utf8');
    expect(share).toHaveBeenCalledWith({ filePath: path, fileName: sheet.filename });
  });

  it('says nothing when staff close the share sheet, and explains a failed share', async () => {
    share.mockRejectedValueOnce({ errMsg: 'shareFileMessage:fail cancel' });
    await expect(saveCsv(sheet)).resolves.toBeNull();
    expect(showToast).not.toHaveBeenCalled();
    share.mockRejectedValueOnce({ errMsg: 'shareFileMessage:fail not supported' });
    await expect(saveCsv(sheet)).resolves.toBeNull();
    expect(showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: expect.stringContaining('请升级微信'), icon: 'none' }),
    );
  });

  it('explains a failed write', async () => {
    writeFileSync.mockImplementation(() => {
      throw new Error('writeFileSync:fail the maximum size of the file storage limit is exceeded');
    });
    const error: unknown = await saveCsv(sheet).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ message: '报表保存失败，请清理手机空间后再试' });
    expect(share).not.toHaveBeenCalled();
  });
});
