/**
 * Picking an image in the mini-program: WeChat's media chooser, then straight to cloud storage
 * under `pending-uploads/<cloudFolder>/<community>/` (deleted after a day by a lifecycle rule);
 * then the server checks the file and keeps its clean copy (`register`), whose reference is what
 * a suggestion or notice may hold. See image-picker.tsx for H5.
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ensureCloud } from '@/lib/cloud';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { imageCloudPath, imageSizeError } from './image-file';
import type {
  ImagePickerProps,
  ImagePickerSetup,
  PickedImage,
  RegisterFile,
} from './image-picker-props';
import './image-picker.scss';

export type {
  ImagePickerProps,
  ImagePickerSetup,
  PickedImage,
  RegisterFile,
  UploadBase64,
} from './image-picker-props';

/**
 * Lets the user pick one photo, uploads it and has the server register it (without `register`,
 * the fileID as uploaded); null when they changed their mind.
 */
export async function chooseAndUploadImage(
  community: string,
  { messages, cloudFolder }: ImagePickerSetup,
  register?: RegisterFile,
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
  let fileID: string;
  try {
    ({ fileID } = await Taro.cloud.uploadFile({
      cloudPath: imageCloudPath(cloudFolder, community),
      filePath: file.tempFilePath,
    }));
  } catch {
    throw new GatewayError({ code: 'INTERNAL', message: messages.uploadFailed });
  }
  // The server's refusal (not an image, too large, the day's quota) reaches the form as it is.
  const ref = register ? await register(community, fileID) : fileID;
  return { ref, preview: file.tempFilePath };
}

export function ImagePicker({
  community,
  setup,
  register,
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
      const image = await chooseAndUploadImage(community, setup, register);
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
