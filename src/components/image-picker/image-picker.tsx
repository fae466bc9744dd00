/**
 * Picking an image in the browser (H5): a real file input, read as base64 and sent to the local
 * host with the feature's upload action. image-picker.weapp.tsx is the mini-program twin.
 */
import { View } from '@tarojs/components';
import { useState, type ChangeEvent } from 'react';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { base64OfDataUrl, imageSizeError } from './image-file';
import type {
  ImagePickerProps,
  ImagePickerSetup,
  PickedImage,
  UploadBase64,
} from './image-picker-props';
import './image-picker.scss';

export type {
  ImagePickerProps,
  ImagePickerSetup,
  PickedImage,
  RegisterFile,
  UploadBase64,
} from './image-picker-props';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Reads, checks and uploads one picked file; the preview is the file itself. */
export async function uploadImageFile(
  community: string,
  file: File,
  { messages }: ImagePickerSetup,
  upload: UploadBase64,
): Promise<PickedImage> {
  const tooLarge = imageSizeError(file.size, messages.tooLarge);
  if (tooLarge) throw new GatewayError({ code: 'PAYLOAD_TOO_LARGE', message: tooLarge });
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch {
    throw new GatewayError({ code: 'BAD_INPUT', message: messages.readFailed });
  }
  const ref = await upload(community, base64OfDataUrl(dataUrl));
  return { ref, preview: dataUrl };
}

export function ImagePicker({
  community,
  setup,
  upload,
  hasImage,
  disabled,
  onPicked,
  onError,
}: ImagePickerProps) {
  const [busy, setBusy] = useState(false);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared, so picking the same file again (after fixing it) still counts as a change.
    input.value = '';
    if (!file) return;
    onError(null);
    setBusy(true);
    try {
      onPicked(await uploadImageFile(community, file, setup, upload));
    } catch (e: unknown) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const { labels } = setup;
  const words = hasImage ? labels.change : labels.pick;
  return (
    <View className="bdb-image-picker">
      <label className={`bdb-image-picker__button${busy ? ' bdb-image-picker__button--busy' : ''}`}>
        <span>{busy ? '正在上传…' : words}</span>
        <input
          className="bdb-image-picker__input"
          type="file"
          accept="image/*"
          disabled={disabled || busy}
          aria-label={labels.input ?? words}
          onChange={(e) => void onChange(e)}
        />
      </label>
    </View>
  );
}
