/**
 * A text field with its label on screen and tied to the input (H5): a native <label for> names
 * the real <input> inside Taro's web component (through nativeProps), and the hint describes it.
 * text-field.weapp.tsx is the mini-program twin.
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import { useId } from 'react';
import { FieldError } from '../field-error/field-error';
import { fieldClass, type TextFieldProps } from './text-field-props';
import './text-field.scss';

export type { TextFieldProps } from './text-field-props';

export function TextField(props: TextFieldProps) {
  const { label, value, onInput, hint, error, placeholder, type, maxlength, disabled } = props;
  const id = `bdb-field-${useId().replace(/:/g, '')}`;
  const native = {
    id,
    'aria-label': props.name ?? label,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    'aria-invalid': error ? 'true' : undefined,
  };
  return (
    <View className={fieldClass(props)}>
      <label className="bdb-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <Text id={`${id}-hint`} className="bdb-field__hint">
          {hint}
        </Text>
      ) : null}
      {props.multiline ? (
        <Textarea
          className="bdb-field__textarea"
          value={value}
          placeholder={placeholder}
          maxlength={maxlength}
          disabled={disabled}
          autoHeight
          onInput={(e) => onInput(e.detail.value)}
          aria-label={native['aria-label']}
          nativeProps={native}
        />
      ) : (
        <Input
          className="bdb-field__input"
          value={value}
          placeholder={placeholder}
          type={type}
          maxlength={maxlength}
          disabled={disabled}
          onInput={(e) => onInput(e.detail.value)}
          aria-label={native['aria-label']}
          nativeProps={native}
        />
      )}
      <FieldError text={error} />
    </View>
  );
}
