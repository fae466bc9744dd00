/**
 * Big chips with real control semantics, for every page: RadioChips (one of several: a radiogroup
 * with one Tab stop, arrow keys move and choose), CheckChip (a tick box, Space toggles) and, in
 * components/switch, a switch. The chosen state shows with a tick and a frame, not colour alone.
 */
import { Text, View } from '@tarojs/components';
import { useRef, type ReactNode } from 'react';
import { a11y } from '@/lib/a11y';
import { Chip } from './chip';
import { chipClass, type Focusable } from './chip-props';
import './chip-group.scss';

export interface ChipChoice<T extends string> {
  value: T;
  text: ReactNode;
  /** Spoken instead of the text, when the text alone is ambiguous. */
  label?: string;
}

export interface RadioChipsProps<T extends string> {
  /** Names the group, e.g. "这次服务您满意吗". */
  label: string;
  choices: ReadonlyArray<ChipChoice<T>>;
  value: T | null;
  onChange: (value: T) => void;
  disabled?: boolean;
  /** Extra classes of the group and of each chip (the base classes stay). */
  className?: string;
  chipClassName?: string;
}

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Where an arrow key (or Home/End) goes from `from` among `count` chips; null: not ours. */
export function movedIndex(key: string, from: number, count: number): number | null {
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  const step = NEXT[key];
  if (step === undefined) return null;
  return (from + step + count) % count;
}

export function RadioChips<T extends string>(props: RadioChipsProps<T>) {
  const { label, choices, value, onChange, disabled = false } = props;
  const nodes = useRef<Array<Focusable | null>>([]);
  const chosen = choices.findIndex((c) => c.value === value);
  // One Tab stop: the chosen chip, or the first while none is.
  const stop = chosen >= 0 ? chosen : 0;
  return (
    <View
      className={`bdb-chips ${props.className ?? ''}`.trim()}
      {...a11y({ role: 'radiogroup', label, disabled: disabled || undefined })}
    >
      {choices.map((choice, index) => {
        const on = index === chosen;
        return (
          <Chip
            key={choice.value}
            role="radio"
            checked={on}
            disabled={disabled}
            label={choice.label}
            className={chipClass('bdb-chip', on, disabled, props.chipClassName)}
            tabIndex={index === stop ? 0 : -1}
            chipRef={(node) => {
              nodes.current[index] = node;
            }}
            onActivate={() => onChange(choice.value)}
            onKey={(key) => {
              const to = movedIndex(key, index, choices.length);
              if (to === null) return false;
              nodes.current[to]?.focus();
              const next = choices[to];
              if (!disabled && next) onChange(next.value);
              return true;
            }}
          >
            <Text className="bdb-chip__tick" {...a11y({ hidden: true })}>
              {on ? '✓ ' : ''}
            </Text>
            <Text className="bdb-chip__text">{choice.text}</Text>
          </Chip>
        );
      })}
    </View>
  );
}

export interface CheckChipProps {
  checked: boolean;
  /** Visible words. */
  text: ReactNode;
  /** Spoken instead of the text, when the text alone is ambiguous. */
  label?: string;
  /** checkbox: one of a set to pick; switch: a setting that takes effect at once. */
  role?: 'checkbox' | 'switch';
  disabled?: boolean;
  onToggle: () => void;
  className?: string;
}

/** A tick box as one big chip: "✓ 需要回访" when on, "□ 政务服务" when off. */
export function CheckChip(props: CheckChipProps) {
  const { checked, text, label, role = 'checkbox', disabled = false, onToggle } = props;
  return (
    <Chip
      role={role}
      checked={checked}
      disabled={disabled}
      label={label}
      className={chipClass(
        'bdb-chip',
        checked,
        disabled,
        `bdb-chip--check ${props.className ?? ''}`,
      )}
      onActivate={onToggle}
    >
      <Text className="bdb-chip__tick" {...a11y({ hidden: true })}>
        {checked ? '✓ ' : '□ '}
      </Text>
      <Text className="bdb-chip__text">{text}</Text>
    </Chip>
  );
}
