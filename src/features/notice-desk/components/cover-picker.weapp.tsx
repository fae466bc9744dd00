/**
 * Picking a cover in the mini-program: WeChat's media chooser, then straight to cloud storage; the
 * fileID is the cover reference (the server checks the image again). See cover-picker.tsx for H5.
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ensureCloud } from '@/lib/cloud';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { coverSizeError } from '../model/cover';
import type { CoverPickerProps, PickedCover } from './cover-picker-props';
import './cover-picker.scss';

export type { CoverPickerProps, PickedCover } from './cover-picker-props';

const UPLOAD_FAILED = '封面上传失败，请检查网络后再试';

/** `notice-covers/<community>/<random>.jpg`: letters and digits only, as the server expects. */
export function coverCloudPath(community: string): string {
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return `notice-covers/${community}/${random}.jpg`;
}

/** Lets staff pick one photo and uploads it; null when they changed their mind. */
export async function chooseAndUploadCover(community: string): Promise<PickedCover | null> {
  let file: { tempFilePath: string; size: number } | undefined;
  try {
    const picked = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['album', 'camera'],
    });
    file = picked.tempFiles[0];
  } catch {
    return null; // cancelled
  }
  if (!file) return null;
  const tooLarge = coverSizeError(file.size);
  if (tooLarge) throw new GatewayError({ code: 'PAYLOAD_TOO_LARGE', message: tooLarge });
  ensureCloud();
  try {
    const { fileID } = await Taro.cloud.uploadFile({
      cloudPath: coverCloudPath(community),
      filePath: file.tempFilePath,
    });
    return { ref: fileID, preview: file.tempFilePath };
  } catch {
    throw new GatewayError({ code: 'INTERNAL', message: UPLOAD_FAILED });
  }
}

export function CoverPicker({
  community,
  hasCover,
  disabled,
  onPicked,
  onError,
}: CoverPickerProps) {
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    onError(null);
    setBusy(true);
    try {
      const cover = await chooseAndUploadCover(community);
      if (cover) onPicked(cover);
    } catch (e: unknown) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bdb-cover-picker">
      <BigButton variant="secondary" disabled={disabled || busy} onClick={() => void pick()}>
        {busy ? '正在上传…' : hasCover ? '换一张封面' : '选择封面图片'}
      </BigButton>
    </View>
  );
}
