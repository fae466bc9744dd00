/**
 * The mini-program's text field: the label on screen, and as aria-label on the input itself,
 * which WeChat's screen reader reads (config/plugins/weapp-aria.ts adds it to Input's template).
 */
import { Input, Text, Textarea, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import { FieldError } from '../field-error/field-error';
import { fieldClass, type TextFieldProps } from './text-field-props';
import './text-field.scss';

export type { TextFieldProps } from './text-field-props';

export function TextField(props: TextFieldProps) {
  const { label, value, onInput, hint, error, placeholder, type, maxlength, disabled } = props;
  const spoken = props.name ?? label;
  const name = hint ? `${spoken}，${hint}` : spoken;
  return (
    <View className={fieldClass(props)}>
      <Text className="bdb-field__label" {...a11y({ hidden: true })}>
        {label}
      </Text>
      {hint ? (
        <Text className="bdb-field__hint" {...a11y({ hidden: true })}>
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
          {...a11y({ label: name })}
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
          {...a11y({ label: name })}
        />
      )}
      <FieldError text={error} />
    </View>
  );
}
