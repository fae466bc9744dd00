/**
 * DOM stand-ins for @tarojs/components in jest (mapped in jest.config.js). Only what the client
 * uses; Taro-only props are dropped so React does not warn about unknown DOM attributes.
 */
import type { CSSProperties, ReactNode } from 'react';

type Style = string | CSSProperties | undefined;

interface BaseProps {
  id?: string;
  className?: string;
  style?: Style;
  children?: ReactNode;
  onClick?: (event: unknown) => void;
  [attribute: `aria-${string}`]: string | undefined;
  role?: string;
}

// Taro accepts CSS text; jsdom React only objects.
function toStyle(style: Style): CSSProperties | undefined {
  return typeof style === 'string' ? undefined : style;
}

function domProps({ children: _children, style, ...rest }: BaseProps) {
  return { ...rest, style: toStyle(style) };
}

export function View(props: BaseProps & { hoverClass?: string }) {
  const { hoverClass: _hoverClass, ...rest } = props;
  return <div {...domProps(rest)}>{props.children}</div>;
}

export function Text(props: BaseProps & { selectable?: boolean; userSelect?: boolean }) {
  const { selectable: _s, userSelect: _u, ...rest } = props;
  return <span {...domProps(rest)}>{props.children}</span>;
}

export function ScrollView(props: BaseProps & { scrollY?: boolean; scrollX?: boolean }) {
  const { scrollY: _y, scrollX: _x, ...rest } = props;
  return <div {...domProps(rest)}>{props.children}</div>;
}

export function Button(
  props: BaseProps & { disabled?: boolean; loading?: boolean; type?: string; size?: string },
) {
  const { disabled, loading, type: _type, size: _size, ...rest } = props;
  return (
    <button type="button" disabled={Boolean(disabled || loading)} {...domProps(rest)}>
      {props.children}
    </button>
  );
}

interface InputEvent {
  detail: { value: string };
}

export function Input(
  props: BaseProps & {
    value?: string;
    placeholder?: string;
    type?: string;
    password?: boolean;
    maxlength?: number;
    disabled?: boolean;
    /** Attributes of the real <input> inside Taro H5's web component. */
    nativeProps?: Record<string, unknown>;
    onInput?: (event: InputEvent) => void;
    onConfirm?: (event: InputEvent) => void;
  },
) {
  const {
    value,
    placeholder,
    maxlength,
    onInput,
    onConfirm,
    type: _t,
    password,
    ...others
  } = props;
  const { nativeProps, ...rest } = others;
  return (
    <input
      {...domProps(rest)}
      {...nativeProps}
      type={password ? 'password' : 'text'}
      value={value ?? ''}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onConfirm?.({ detail: { value: e.currentTarget.value } });
      }}
    />
  );
}

export function Image(props: BaseProps & { src: string; mode?: string }) {
  const { src, mode: _mode, ...rest } = props;
  return <img alt="" src={src} {...domProps(rest)} />;
}

type SelectorProps = BaseProps & {
  mode?: string;
  range: string[];
  value?: number;
  onChange?: (event: { detail: { value: number } }) => void;
  disabled?: boolean;
};

interface DatePickerProps {
  mode: 'date';
  value: string;
  onChange: (event: { detail: { value: string } }) => void;
  children?: ReactNode;
}

/**
 * mode="date": a date field labelled 日期选择器. Any other mode: a selector as a native <select>;
 * onChange gets Taro's `{detail:{value: index}}`.
 */
export function Picker(props: SelectorProps | DatePickerProps) {
  if (props.mode === 'date') {
    const { value, onChange, children } = props as DatePickerProps;
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
  return <SelectorPicker {...(props as SelectorProps)} />;
}

function SelectorPicker(props: SelectorProps) {
  const { range, value, onChange, mode: _mode, disabled: _disabled, ...rest } = props;
  return (
    <label {...domProps(rest)}>
      {props.children}
      <select
        value={value ?? 0}
        onChange={(e) => onChange?.({ detail: { value: Number(e.target.value) } })}
      >
        {range.map((item, index) => (
          <option key={item} value={index}>
            {item}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Textarea as a <textarea>; onInput gets Taro's `{detail:{value}}`. */
export function Textarea({
  value,
  maxlength,
  onInput,
  className,
  placeholder,
  disabled,
  autoHeight: _autoHeight,
  nativeProps,
  ...aria
}: {
  value: string;
  maxlength?: number;
  onInput?: (event: { detail: { value: string } }) => void;
  className?: string;
  placeholder?: string;
  disabled?: boolean;
  autoHeight?: boolean;
  nativeProps?: Record<string, unknown>;
  [attribute: `aria-${string}`]: string | undefined;
}) {
  return (
    <textarea
      className={className}
      value={value}
      maxLength={maxlength}
      placeholder={placeholder}
      disabled={disabled}
      onChange={(e) => onInput?.({ detail: { value: e.target.value } })}
      {...aria}
      {...nativeProps}
    />
  );
}
