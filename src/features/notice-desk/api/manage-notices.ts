import { call } from '@/lib/gateway';
import type { NoticeList } from '@/types/contract';

/** Every notice of a community for staff: drafts, published and archived. */
export function manageNotices(community: string): Promise<NoticeList> {
  return call('notice.manage', { community });
}
