/**
 * Saves a CSV in the mini-program: written to the user data folder, then offered to a chat
 * (文件传输助手 opens it on a computer). See save-csv.ts for H5.
 */
import Taro from '@tarojs/taro';
import { GatewayError } from '@/lib/gateway';
import type { CsvFile, CsvWording } from './csv-file';
import { withBom } from './csv-file';

export type { CsvFile, CsvWording } from './csv-file';

declare const wx: { env: { USER_DATA_PATH: string } };

const isCancel = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  /cancel/.test(String((error as { errMsg?: unknown }).errMsg ?? ''));

/** Writes the file and opens the share sheet; resolves to what to tell staff, or null. */
export async function saveCsv(
  { filename, csv }: CsvFile,
  { sheet }: CsvWording,
): Promise<string | null> {
  const noShare = `${sheet}已存到手机；当前微信版本不能直接分享，请升级微信后再试`;
  const filePath = `${wx.env.USER_DATA_PATH}/${filename}`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, withBom(csv), 'utf8');
  } catch {
    throw new GatewayError({ code: 'INTERNAL', message: `${sheet}保存失败，请清理手机空间后再试` });
  }
  if (typeof Taro.shareFileMessage !== 'function') {
    void Taro.showToast({ title: noShare, icon: 'none', duration: 3000 });
    return null;
  }
  try {
    await Taro.shareFileMessage({ filePath, fileName: filename });
    return `已打开分享：${filename}`;
  } catch (error: unknown) {
    if (!isCancel(error)) void Taro.showToast({ title: noShare, icon: 'none', duration: 3000 });
    return null;
  }
}
