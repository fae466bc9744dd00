/** The staff desks' charts (survey, report, comp time): one horizontal bar per figure. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { a11y } from '@/lib/a11y';
import { barPercent } from './bars';
import './bar.scss';

export interface BarProps {
  /** What the bar is, e.g. "本周" or "政务服务". */
  name: string;
  value: number;
  /** The largest value of the chart: its bar is full width. */
  max: number;
  /** The number in words, always shown: "12 人", "32 票". */
  text: string;
  /** main: this evening or this round; past: the week before (darker grey); chosen: 入选. */
  tone?: 'main' | 'past' | 'chosen';
  /** A row's own class when the bar is the row: one level less in the weapp templates. */
  className?: string;
  /** Shown above the name, inside the bar's row (e.g. the rank). */
  children?: ReactNode;
}

/**
 * One horizontal bar drawn with a View's width. The bar is for the eye only (hidden from screen
 * readers): its name and number are said in text next to it.
 */
export function Bar({ name, value, max, text, tone = 'main', className, children }: BarProps) {
  return (
    <View className={className ? `bdb-bar ${className}` : 'bdb-bar'}>
      {children}
      <View className="bdb-bar__head">
        <Text className="bdb-bar__name">{name}</Text>
        <Text className="bdb-bar__value">{text}</Text>
      </View>
      <View className="bdb-bar__track" {...a11y({ hidden: true })}>
        <View
          className={`bdb-bar__fill bdb-bar__fill--${tone}`}
          style={{ width: `${barPercent(value, max)}%` }}
        />
      </View>
    </View>
  );
}
