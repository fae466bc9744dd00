/**
 * Picking an image in the mini-program: WeChat's media chooser, then straight to cloud storage
 * under `<cloudFolder>/<community>/`; the fileID is the image reference (the server checks the
 * image again). See image-picker.tsx for H5.
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ensureCloud } from '@/lib/cloud';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { imageCloudPath, imageSizeError } from './image-file';
import type { ImagePickerProps, ImagePickerSetup, PickedImage } from './image-picker-props';
import './image-picker.scss';

export type {
  ImagePickerProps,
  ImagePickerSetup,
  PickedImage,
  UploadBase64,
} from './image-picker-props';

/** Lets the user pick one photo and uploads it; null when they changed their mind. */
export async function chooseAndUploadImage(
  community: string,
  { messages, cloudFolder }: ImagePickerSetup,
): Promise<PickedImage | null> {
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
  const tooLarge = imageSizeError(file.size, messages.tooLarge);
  if (tooLarge) throw new GatewayError({ code: 'PAYLOAD_TOO_LARGE', message: tooLarge });
  ensureCloud();
  try {
    const { fileID } = await Taro.cloud.uploadFile({
      cloudPath: imageCloudPath(cloudFolder, community),
      filePath: file.tempFilePath,
    });
    return { ref: fileID, preview: file.tempFilePath };
  } catch {
    throw new GatewayError({ code: 'INTERNAL', message: messages.uploadFailed });
  }
}

export function ImagePicker({
  community,
  setup,
  hasImage,
  disabled,
  onPicked,
  onError,
}: ImagePickerProps) {
  const [busy, setBusy] = useState(false);
  const pick = async () => {
    onError(null);
    setBusy(true);
    try {
      const image = await chooseAndUploadImage(community, setup);
      if (image) onPicked(image);
    } catch (e: unknown) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bdb-image-picker">
      <BigButton variant="secondary" disabled={disabled || busy} onClick={() => void pick()}>
        {busy ? '正在上传…' : hasImage ? setup.labels.change : setup.labels.pick}
      </BigButton>
    </View>
  );
}
