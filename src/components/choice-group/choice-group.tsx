import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import './choice-group.scss';

/** One chip: the value sent, and its words. */
export interface Choice<T extends string> {
  id: T;
  text: string;
}

export interface ChoiceGroupProps<T extends string> {
  /** Spoken for the group, e.g. "这次服务您满意吗". */
  label: string;
  choices: Choice<T>[];
  selected: T | null;
  onSelect: (id: T) => void;
  disabled?: boolean;
}

/** Big chips of which one is chosen; the choice has a tick and a frame, not colour alone. */
export function ChoiceGroup<T extends string>({
  label,
  choices,
  selected,
  onSelect,
  disabled = false,
}: ChoiceGroupProps<T>) {
  return (
    <View className="bdb-choice-group" {...a11y({ role: 'radiogroup', label })}>
      {choices.map((choice) => {
        const on = choice.id === selected;
        const classes = [
          'bdb-choice-group__chip',
          on ? 'bdb-choice-group__chip--selected' : '',
          disabled ? 'bdb-choice-group__chip--disabled' : '',
        ];
        return (
          <View
            key={choice.id}
            className={classes.join(' ').trim()}
            onClick={() => {
              if (!disabled) onSelect(choice.id);
            }}
            {...a11y({ role: 'radio', checked: on })}
            {...(disabled ? { 'aria-disabled': 'true' } : {})}
          >
            <Text className="bdb-choice-group__tick" {...a11y({ hidden: true })}>
              {on ? '✓' : ''}
            </Text>
            <Text className="bdb-choice-group__text">{choice.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
