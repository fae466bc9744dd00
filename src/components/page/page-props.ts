import type { ReactNode } from 'react';

/** Shared by page.tsx (H5) and page.weapp.tsx (a suffixed file cannot import its base). */
export interface PageProps {
  /** The page's one level-1 heading, e.g. "今晚服务" or "建议处理". */
  title: string;
  /**
   * Shown on screen (default), or only to screen readers when the page already draws its title
   * large in its own words (the community's name on 今晚, the ticket's number).
   */
  titleVisible?: boolean;
  children: ReactNode;
}

export function titleClass(visible: boolean): string {
  return `bdb-page__title${visible ? '' : ' bdb-visually-hidden'}`;
}
