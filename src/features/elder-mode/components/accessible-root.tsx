import { View } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
import './accessible-root.scss';

export interface AccessibleRootProps {
  elder: boolean;
  /** WeChat's font scale factor (1 … 2). */
  fontFactor: number;
  className?: string;
  children: ReactNode;
}

/**
 * The root of every resident-facing page. Text sizes and touch targets are CSS variables set
 * here, so every component follows the mode and WeChat's font setting in one place.
 */
export function AccessibleRoot({
  elder,
  fontFactor,
  className = '',
  children,
}: AccessibleRootProps) {
  // React typings do not know custom properties; Taro and React DOM both apply them.
  const style = { '--bdb-font-factor': String(fontFactor) } as CSSProperties;
  const mode = elder ? 'bdb-a11y-root--elder' : 'bdb-a11y-root--standard';
  return (
    <View className={`bdb-a11y-root ${mode} ${className}`.trim()} style={style}>
      {children}
    </View>
  );
}
