import { View } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
import { Page } from '@/components/page/page';
import './accessible-root.scss';

export interface AccessibleRootProps {
  elder: boolean;
  /** WeChat's font scale factor (1 … 2). */
  fontFactor: number;
  /** The page's one level-1 heading (components/page), e.g. "我的预约". */
  title: string;
  /**
   * Off by default: the navigation bar already shows the page's title (navigationBarTitleText),
   * so the heading is for screen readers; on for a page whose body should show it too.
   */
  titleVisible?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * The root of every resident-facing page. Text sizes and touch targets are CSS variables set
 * here, so every component follows the mode and WeChat's font setting in one place. Inside is
 * the page's main landmark with its title.
 */
export function AccessibleRoot({
  elder,
  fontFactor,
  title,
  titleVisible = false,
  className = '',
  children,
}: AccessibleRootProps) {
  // React typings do not know custom properties; Taro and React DOM both apply them.
  const style = { '--bdb-font-factor': String(fontFactor) } as CSSProperties;
  const mode = elder ? 'bdb-a11y-root--elder' : 'bdb-a11y-root--standard';
  return (
    <View className={`bdb-a11y-root ${mode} ${className}`.trim()} style={style}>
      <Page title={title} titleVisible={titleVisible}>
        {children}
      </Page>
    </View>
  );
}
