/**
 * Small pieces the staff desks share (follow-up, suggestion, survey, report and roster desks): choice chips, a tick box or
 * switch, field errors and feedback. Only desk screens in subpackages import this.
 */
import { Text, View } from '@tarojs/components';
import { a11y, keyActivation } from '@/lib/a11y';
import './desk-parts.scss';

export interface Choice<T extends string> {
  value: T;
  text: string;
}

export interface ChoiceChipsProps<T extends string> {
  /**
   * Names the group and is said with each choice, e.g. "王阿姨 满意度" → "王阿姨 满意度 满意", or
   * "第 1 项 服务方式" → "… 取号".
   */
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
    <View className="bdb-desk-chips" {...a11y({ role: 'radiogroup', label })}>
      {choices.map((c) => {
        const on = c.value === value;
        return (
          <View
            key={c.value}
            className={`bdb-desk-chip${on ? ' bdb-desk-chip--on' : ''}${disabled ? ' bdb-desk-chip--disabled' : ''}`}
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
  /** checkbox: one of a set to pick; switch: a setting that takes effect at once. */
  role?: 'checkbox' | 'switch';
  disabled?: boolean;
  onToggle: () => void;
}

/** A tick box or switch as one big chip: "✓ 需要回访" when on, "□ 政务服务" when off. */
export function CheckChip({
  checked,
  text,
  label,
  role = 'checkbox',
  disabled,
  onToggle,
}: CheckChipProps) {
  const toggle = () => {
    if (!disabled) onToggle();
  };
  return (
    <View
      className={`bdb-desk-chip bdb-desk-chip--check${checked ? ' bdb-desk-chip--on' : ''}${disabled ? ' bdb-desk-chip--disabled' : ''}`}
      onClick={toggle}
      {...keyActivation(toggle)}
      {...a11y({ role, checked, label })}
    >
      {checked ? `✓ ${text}` : `□ ${text}`}
    </View>
  );
}

/** A field's problem, next to it. */
export function FieldError({ text }: { text: string | undefined | null }) {
  return text ? (
    <Text className="bdb-desk-error" {...a11y({ role: 'alert' })}>
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
      className={`bdb-desk-feedback bdb-desk-feedback--${feedback.kind}`}
      {...a11y(feedback.kind === 'error' ? { role: 'alert' } : { role: 'status', live: 'polite' })}
    >
      {feedback.kind === 'error' ? `✕ ${feedback.text}` : `✓ ${feedback.text}`}
    </Text>
  );
}
