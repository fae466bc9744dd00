/**
 * Picking a cover in the browser (H5): a real file input, read as base64 and sent to the local
 * host with `notice.uploadCover`. cover-picker.weapp.tsx is the mini-program twin.
 */
import { View } from '@tarojs/components';
import { useState, type ChangeEvent } from 'react';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { uploadCover } from '../api/save-notice';
import { base64OfDataUrl, coverSizeError } from '../model/cover';
import type { CoverPickerProps } from './cover-picker-props';
import './cover-picker.scss';

export type { CoverPickerProps, PickedCover } from './cover-picker-props';

const READ_FAILED = '读不出这张图片，请换一张再试';

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Reads, checks and uploads one picked file; the preview is the file itself. */
export async function uploadCoverFile(community: string, file: File) {
  const tooLarge = coverSizeError(file.size);
  if (tooLarge) throw new GatewayError({ code: 'PAYLOAD_TOO_LARGE', message: tooLarge });
  let dataUrl: string;
  try {
    dataUrl = await readAsDataUrl(file);
  } catch {
    throw new GatewayError({ code: 'BAD_INPUT', message: READ_FAILED });
  }
  const { cover } = await uploadCover(community, base64OfDataUrl(dataUrl));
  return { ref: cover, preview: dataUrl };
}

export function CoverPicker({
  community,
  hasCover,
  disabled,
  onPicked,
  onError,
}: CoverPickerProps) {
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
      onPicked(await uploadCoverFile(community, file));
    } catch (e: unknown) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const text = busy ? '正在上传…' : hasCover ? '换一张封面' : '选择封面图片';
  return (
    <View className="bdb-cover-picker">
      <label className={`bdb-cover-picker__button${busy ? ' bdb-cover-picker__button--busy' : ''}`}>
        <span>{text}</span>
        <input
          className="bdb-cover-picker__input"
          type="file"
          accept="image/*"
          disabled={disabled || busy}
          aria-label="选择封面图片"
          onChange={(e) => void onChange(e)}
        />
      </label>
    </View>
  );
}
