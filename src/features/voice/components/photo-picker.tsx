/**
 * Picking a photo in the browser (H5): a real file input, read as base64 and sent to the local
 * host with `suggestion.uploadPhoto`. photo-picker.weapp.tsx is the mini-program twin.
 */
import { View } from '@tarojs/components';
import { useState, type ChangeEvent } from 'react';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { uploadSuggestionPhoto } from '../api/suggestions';
import { base64OfDataUrl, photoSizeError } from '../model/photo';
import type { PhotoPickerProps } from './photo-picker-props';
import './photo-picker.scss';

export type { PhotoPickerProps, PickedPhoto } from './photo-picker-props';

const READ_FAILED = '读不出这张照片，请换一张再试';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Reads, checks and uploads one picked file; the preview is the file itself. */
export async function uploadPhotoFile(community: string, file: File) {
  const tooLarge = photoSizeError(file.size);
  if (tooLarge) throw new GatewayError({ code: 'PAYLOAD_TOO_LARGE', message: tooLarge });
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch {
    throw new GatewayError({ code: 'BAD_INPUT', message: READ_FAILED });
  }
  const ref = await uploadSuggestionPhoto(community, base64OfDataUrl(dataUrl));
  return { ref, preview: dataUrl };
}

export function PhotoPicker({
  community,
  hasPhoto,
  disabled,
  onPicked,
  onError,
}: PhotoPickerProps) {
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
      onPicked(await uploadPhotoFile(community, file));
    } catch (e: unknown) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const text = busy ? '正在上传…' : hasPhoto ? '换一张照片' : '添加照片';
  return (
    <View className="bdb-voice-photo-picker">
      <label
        className={`bdb-voice-photo-picker__button${busy ? ' bdb-voice-photo-picker__button--busy' : ''}`}
      >
        <span>{text}</span>
        <input
          className="bdb-voice-photo-picker__input"
          type="file"
          accept="image/*"
          disabled={disabled || busy}
          aria-label={hasPhoto ? '换一张照片' : '添加照片'}
          onChange={(e) => void onChange(e)}
        />
      </label>
    </View>
  );
}
