/**
 * Small pieces the staff desks share (follow-up, suggestion, survey, report and roster desks): choice chips, a tick box or
 * switch, field errors and feedback, built on the shared controls (components/chip-group).
 */
import { Text } from '@tarojs/components';
import type { Feedback } from '@/hooks/use-desk-run';
import { a11y } from '@/lib/a11y';
import { CheckChip as Check, RadioChips } from '../chip-group/chip-group';
import './desk-parts.scss';

export { FieldError } from '../field-error/field-error';

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

/** One choice of several, as big chips (a radio group: one Tab stop, arrow keys choose). */
export function ChoiceChips<T extends string>(props: ChoiceChipsProps<T>) {
  const { label, choices, value, disabled = false, onChange } = props;
  return (
    <RadioChips
      label={label}
      choices={choices.map((c) => ({ ...c, label: `${label} ${c.text}` }))}
      value={value}
      disabled={disabled}
      onChange={onChange}
    />
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
export function CheckChip(props: CheckChipProps) {
  return <Check {...props} />;
}

export type { Feedback } from '@/hooks/use-desk-run';

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
