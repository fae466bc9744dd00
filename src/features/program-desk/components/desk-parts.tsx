/**
 * Small pieces the program-desk screens share: choice chips, tick boxes, field errors, feedback
 * and bars. The chips, errors and feedback follow the voice desk's (which keeps them private).
 */
import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import { barPercent } from '../model/bars';
import './desk-parts.scss';

export interface Choice<T extends string> {
  value: T;
  text: string;
}

export interface ChoiceChipsProps<T extends string> {
  /** Names the group and is said with each choice, e.g. "第 1 项 服务方式" → "… 取号". */
  label: string;
  choices: ReadonlyArray<Choice<T>>;
  value: T | null;
  disabled?: boolean;
  onChange: (value: T) => void;
}

/** One choice of several, as big chips; the chosen one says so with a tick, not colour alone. */
export function ChoiceChips<T extends string>(props: ChoiceChipsProps<T>) {
  const { label, choices, value, disabled = false, onChange } = props;
  return (
    <View className="bdb-program-chips" {...a11y({ role: 'radiogroup', label })}>
      {choices.map((c) => {
        const on = c.value === value;
        return (
          <View
            key={c.value}
            className={`bdb-program-chip${on ? ' bdb-program-chip--on' : ''}${disabled ? ' bdb-program-chip--disabled' : ''}`}
            onClick={() => {
              if (!disabled) onChange(c.value);
            }}
            {...a11y({ role: 'radio', checked: on, label: `${label} ${c.text}` })}
          >
            {on ? `✓ ${c.text}` : c.text}
          </View>
        );
      })}
    </View>
  );
}

export interface CheckChipProps {
  checked: boolean;
  /** Visible words. */
  text: string;
  label: string;
  disabled?: boolean;
  onToggle: () => void;
}

/** A tick box as one big chip: "✓ 政务服务" when ticked, "□ 政务服务" when not. */
export function CheckChip({ checked, text, label, disabled, onToggle }: CheckChipProps) {
  return (
    <View
      className={`bdb-program-chip bdb-program-chip--check${checked ? ' bdb-program-chip--on' : ''}${disabled ? ' bdb-program-chip--disabled' : ''}`}
      onClick={() => {
        if (!disabled) onToggle();
      }}
      {...a11y({ role: 'checkbox', checked, label })}
    >
      {checked ? `✓ ${text}` : `□ ${text}`}
    </View>
  );
}

/** A field's problem, next to it. */
export function FieldError({ text }: { text: string | undefined | null }) {
  return text ? (
    <Text className="bdb-program-error" {...a11y({ role: 'alert' })}>
      {`✕ ${text}`}
    </Text>
  ) : null;
}

export type Feedback = { kind: 'error' | 'success'; text: string } | null;

/** What the last action came to: a refusal (alert) or what was done (status). */
export function FeedbackLine({ feedback }: { feedback: Feedback }) {
  if (!feedback) return null;
  return (
    <Text
      className={`bdb-program-feedback bdb-program-feedback--${feedback.kind}`}
      {...a11y(feedback.kind === 'error' ? { role: 'alert' } : { role: 'status', live: 'polite' })}
    >
      {feedback.kind === 'error' ? `✕ ${feedback.text}` : `✓ ${feedback.text}`}
    </Text>
  );
}

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
