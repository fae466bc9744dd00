import type { ReactNode } from 'react';

/** Shared by disclosure.tsx and disclosure.weapp.tsx (a suffixed file cannot import its base). */
export interface DisclosureProps {
  /** Unique on the page: names the panel the toggle controls. */
  id: string;
  /** What is folded away, e.g. "政务服务 预约设置". */
  title: string;
  /** A short line of what it holds now, seen while folded, e.g. "每段 30 分钟 · 每段 2 位". */
  summary?: string;
  children: ReactNode;
}

export const panelId = (id: string) => `bdb-disclosure-${id}`;
