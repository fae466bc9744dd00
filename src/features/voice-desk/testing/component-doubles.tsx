/**
 * The shared component doubles (tests/doubles/taro-components.tsx) plus what the voice desk also
 * uses: Textarea as a <textarea>, and the date Picker as an <input type="date">. Test files swap
 * them in with
 *   jest.mock('@tarojs/components', () =>
 *     jest.requireActual('@/features/voice-desk/testing/component-doubles').components);
 */
import type { ReactNode } from 'react';
import type * as SharedDoubles from '../../../../tests/doubles/taro-components';

// requireActual: the test has mocked '@tarojs/components' with this very module.
const base = jest.requireActual<typeof SharedDoubles>('@tarojs/components');

type Change = (e: { detail: { value: string } }) => void;

export function Textarea({
  value,
  maxlength,
  onInput,
  className,
  placeholder,
  autoHeight: _autoHeight,
  ...aria
}: {
  value: string;
  maxlength?: number;
  onInput?: Change;
  className?: string;
  placeholder?: string;
  autoHeight?: boolean;
  [attribute: `aria-${string}`]: string | undefined;
}) {
  return (
    <textarea
      className={className}
      value={value}
      maxLength={maxlength}
      placeholder={placeholder}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      {...aria}
    />
  );
}

type SelectorProps = Parameters<typeof SharedDoubles.Picker>[0] & { disabled?: boolean };
interface DateProps {
  mode: 'date';
  value: string;
  onChange: Change;
  children: ReactNode;
}

/** mode="date": a date field labelled 日期选择器; any other mode: the shared selector double. */
export function Picker(props: SelectorProps | DateProps) {
  if (props.mode === 'date') {
    const { value, onChange, children } = props as DateProps;
    return (
      <label>
        {children}
        <input
          type="date"
          aria-label="日期选择器"
          value={value}
          onChange={(e) => onChange({ detail: { value: e.target.value } })}
        />
      </label>
    );
  }
  const { disabled: _disabled, ...rest } = props as SelectorProps;
  return <base.Picker {...rest} />;
}

/** What the mocked '@tarojs/components' exports. */
export const components = { ...base, Textarea, Picker };
