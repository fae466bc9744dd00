/** The program desk's charts: one horizontal bar per figure. */
import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import { barPercent } from '../model/bars';
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
}

/**
 * One horizontal bar drawn with a View's width. The bar is for the eye only (hidden from screen
 * readers): its name and number are said in text next to it.
 */
export function Bar({ name, value, max, text, tone = 'main' }: BarProps) {
  return (
    <View className="bdb-program-bar">
      <View className="bdb-program-bar__head">
        <Text className="bdb-program-bar__name">{name}</Text>
        <Text className="bdb-program-bar__value">{text}</Text>
      </View>
      <View className="bdb-program-bar__track" {...a11y({ hidden: true })}>
        <View
          className={`bdb-program-bar__fill bdb-program-bar__fill--${tone}`}
          style={{ width: `${barPercent(value, max)}%` }}
        />
      </View>
    </View>
  );
}
