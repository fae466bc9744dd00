import { useRemote } from '@/hooks/use-remote';
import type { EchoWall } from '@/types/contract';
import { getCategories } from '@/features/suggestion-desk';

export type Category = EchoWall['categories'][number];

/** Categories every community has; shown while the community's own services load (or fail). */
export const EXTRA_CATEGORIES: Category[] = [
  { id: 'hours', name: '开放时间' },
  { id: 'environment', name: '环境设施' },
  { id: 'other', name: '其他' },
];

/** What a suggestion can be about: the community's services, then the extra categories. */
export function useCategories(community: string | null): Category[] {
  const { data } = useRemote(community, getCategories);
  return data ?? EXTRA_CATEGORIES;
}
