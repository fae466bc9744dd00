import { RadioChips } from '@/components/chip-group/chip-group';
import './elder-mode-switch.scss';

export interface ElderModeSwitchProps {
  elder: boolean;
  onChange: (elder: boolean) => void;
}

const OPTIONS = [
  { value: 'standard', text: '标准模式' },
  { value: 'elder', text: '长辈模式' },
] as const;

/** Two big choices; the current one is marked with a tick and a frame, not by colour alone. */
export function ElderModeSwitch({ elder, onChange }: ElderModeSwitchProps) {
  return (
    <RadioChips
      label="字体模式"
      className="bdb-mode-switch"
      chipClassName="bdb-mode-switch__option"
      choices={OPTIONS}
      value={elder ? 'elder' : 'standard'}
      onChange={(mode) => onChange(mode === 'elder')}
    />
  );
}
