import { call } from '@/lib/gateway';
import type { Notice, SaveNoticeInput } from '@/types/contract';

/** Creates a draft (no id) or edits a notice; a published notice edited shows "已更新". */
export function saveNotice(input: SaveNoticeInput): Promise<Notice> {
  return call('notice.save', input);
}

/** A local-host cover: the image as base64 → the reference to save with the notice. */
export function uploadCover(community: string, data: string): Promise<{ cover: string }> {
  return call('notice.uploadCover', { community, data });
}

/** A mini-program cover: the fileID it put in cloud storage → the reference to save. */
export function registerCover(community: string, file: string): Promise<{ cover: string }> {
  return call('notice.uploadCover', { community, file });
}
