/** One chip in the mini-program: a View with the role WeChat's screen reader reads (see chip.tsx). */
import { View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import type { ChipProps } from './chip-props';

export function Chip(props: ChipProps) {
  const { role, checked, disabled, label, className, onActivate } = props;
  return (
    <View
      className={className}
      onClick={() => {
        if (!disabled) onActivate();
      }}
      {...a11y({ role, checked, disabled, label })}
    >
      {props.children}
    </View>
  );
}
