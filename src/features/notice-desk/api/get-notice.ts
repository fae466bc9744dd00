import { call } from '@/lib/gateway';
import type { Notice } from '@/types/contract';

/** One notice in full (drafts too, for the community's staff). */
export function getNotice(id: string): Promise<Notice> {
  return call('notice.get', { id });
}
