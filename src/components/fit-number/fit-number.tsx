import { Text, View } from '@tarojs/components';
import type { CSSProperties } from 'react';
import { a11y } from '@/lib/a11y';
import './fit-number.scss';

export interface FitNumberProps {
  /** The number as shown (B001, WRECH7). */
  text: string;
  /** The text's class: its stylesheet sizes it with the fit-number mixin (styles/_mixins.scss). */
  className: string;
  /** What a screen reader says instead of the bare characters. */
  label?: string;
  selectable?: boolean;
}

/**
 * A big number on its own line that shrinks to fit the line rather than clip, whatever the zoom,
 * the browser's font size or WeChat's font setting: the box is the width the mixin divides by the
 * number of characters.
 */
export function FitNumber({ text, className, label, selectable }: FitNumberProps) {
  // React typings do not know custom properties; Taro and React DOM both apply them.
  const style = { '--bdb-fit-chars': String(Math.max(1, [...text].length)) } as CSSProperties;
  return (
    <View className="bdb-fit" style={style}>
      <Text
        className={className}
        selectable={selectable}
        {...(label === undefined ? {} : a11y({ label }))}
      >
        {text}
      </Text>
    </View>
  );
}
