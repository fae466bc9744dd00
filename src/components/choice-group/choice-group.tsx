/** The residents' chips of which one is chosen (a radio group; see components/chip-group). */
import { RadioChips } from '../chip-group/chip-group';

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

export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { label, choices, selected, onSelect, disabled } = props;
  return (
    <RadioChips
      label={label}
      choices={choices.map((c) => ({ value: c.id, text: c.text }))}
      value={selected}
      onChange={onSelect}
      disabled={disabled}
    />
  );
}
