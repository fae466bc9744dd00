import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import './load-state.scss';

/** Shown while the first answer is on its way. */
export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="bdb-state bdb-state--loading" {...a11y({ role: 'status', live: 'polite' })}>
      <Text className="bdb-state__text">{text}</Text>
    </View>
  );
}

export interface ErrorStateProps {
  message: string;
  onRetry: () => void;
  /** Extra actions next to retry, e.g. "换个社区". */
  children?: ReactNode;
}

/** A page-level load failure: the message inline and a retry button (never a toast). */
export function ErrorState({ message, onRetry, children }: ErrorStateProps) {
  return (
    <View className="bdb-state bdb-state--error" {...a11y({ role: 'alert' })}>
      <Text className="bdb-state__icon" {...a11y({ hidden: true })}>
        !
      </Text>
      <Text className="bdb-state__text">{message}</Text>
      <View className="bdb-state__actions">
        <BigButton onClick={onRetry}>重试</BigButton>
        {children}
      </View>
    </View>
  );
}

/** Nothing to show, said plainly. */
export function EmptyState({ text }: { text: string }) {
  return (
    <View className="bdb-state bdb-state--empty">
      <Text className="bdb-state__text">{text}</Text>
    </View>
  );
}
