import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import './elder-mode-switch.scss';

export interface ElderModeSwitchProps {
  elder: boolean;
  onChange: (elder: boolean) => void;
}

const OPTIONS = [
  { elder: false, text: '标准模式' },
  { elder: true, text: '长辈模式' },
] as const;

/** Two big choices; the current one is marked with a tick and a frame, not by colour alone. */
export function ElderModeSwitch({ elder, onChange }: ElderModeSwitchProps) {
  return (
    <View className="bdb-mode-switch" {...a11y({ role: 'radiogroup', label: '字体模式' })}>
      {OPTIONS.map((option) => {
        const selected = option.elder === elder;
        return (
          <View
            key={option.text}
            className={`bdb-mode-switch__option${selected ? ' bdb-mode-switch__option--selected' : ''}`}
            onClick={() => onChange(option.elder)}
            {...a11y({ role: 'radio', checked: selected })}
          >
            <Text className="bdb-mode-switch__tick" {...a11y({ hidden: true })}>
              {selected ? '✓' : ''}
            </Text>
            <Text>{option.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
