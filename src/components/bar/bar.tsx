/** The staff desks' charts (survey, report, comp time): one horizontal bar per figure. */
import { Text, View } from '@tarojs/components';
import type { CSSProperties, ReactNode } from 'react';
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
  /** Shown above the name, inside the bar's row (e.g. the rank); give it its own full line. */
  children?: ReactNode;
}

/**
 * One horizontal bar: its name and number in text, the track and fill drawn by the stylesheet
 * (bar.scss, the fill's width is `--bdb-bar`). Drawn, not nodes: a chart of many bars costs three
 * elements a bar in the first render's setData (issue #15); the name has the bar's own look, no
 * class. Screen readers, which never see the drawing, read the name and number.
 */
export function Bar({ name, value, max, text, tone = 'main', className, children }: BarProps) {
  const classes = ['bdb-bar', tone === 'main' ? '' : `bdb-bar--${tone}`, className ?? ''];
  const style = { '--bdb-bar': `${barPercent(value, max)}%` } as CSSProperties;
  return (
    <View className={classes.filter(Boolean).join(' ')} style={style}>
      {children}
      <Text>{name}</Text>
      <Text className="bdb-bar__value">{text}</Text>
    </View>
  );
}
