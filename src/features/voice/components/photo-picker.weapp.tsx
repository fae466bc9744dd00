/**
 * Picking a photo in the mini-program: WeChat's media chooser, then straight to cloud storage
 * under `suggestion-photos/<community>/`; the fileID is the photo reference (the server checks the
 * image again). See photo-picker.tsx for H5.
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ensureCloud } from '@/lib/cloud';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { PHOTO_UPLOAD_FAILED, photoCloudPath, photoSizeError } from '../model/photo';
import type { PhotoPickerProps, PickedPhoto } from './photo-picker-props';
import './photo-picker.scss';

export type { PhotoPickerProps, PickedPhoto } from './photo-picker-props';

/** Lets the resident pick one photo and uploads it; null when they changed their mind. */
export async function chooseAndUploadPhoto(community: string): Promise<PickedPhoto | null> {
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
  const tooLarge = photoSizeError(file.size);
  if (tooLarge) throw new GatewayError({ code: 'PAYLOAD_TOO_LARGE', message: tooLarge });
  ensureCloud();
  try {
    const { fileID } = await Taro.cloud.uploadFile({
      cloudPath: photoCloudPath(community),
      filePath: file.tempFilePath,
    });
    return { ref: fileID, preview: file.tempFilePath };
  } catch {
    throw new GatewayError({ code: 'INTERNAL', message: PHOTO_UPLOAD_FAILED });
  }
}

export function PhotoPicker({
  community,
  hasPhoto,
  disabled,
  onPicked,
  onError,
}: PhotoPickerProps) {
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    onError(null);
    setBusy(true);
    try {
      const photo = await chooseAndUploadPhoto(community);
      if (photo) onPicked(photo);
    } catch (e: unknown) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bdb-voice-photo-picker">
      <BigButton variant="secondary" disabled={disabled || busy} onClick={() => void pick()}>
        {busy ? '正在上传…' : hasPhoto ? '换一张照片' : '添加照片'}
      </BigButton>
    </View>
  );
}
