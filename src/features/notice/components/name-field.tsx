import { Input, Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import './name-field.scss';

export interface NameFieldProps {
  value: string;
  onChange: (value: string) => void;
}

const LABEL = '怎么称呼您（选填）';
/** What the server accepts for a name. */
export const NAME_MAX = 20;

/** An optional name sent with a sign-up, so staff know the resident at the door. */
export function NameField({ value, onChange }: NameFieldProps) {
  return (
    <View className="bdb-name-field">
      <Text className="bdb-name-field__label">{LABEL}</Text>
      <Input
        className="bdb-name-field__input"
        value={value}
        placeholder="如 3栋 王阿姨"
        maxlength={NAME_MAX}
        onInput={(e) => onChange(e.detail.value)}
        {...a11y({ label: LABEL })}
      />
      <Text className="bdb-name-field__hint">报名时一起告诉社工，到场时好认人；不填也能报名。</Text>
    </View>
  );
}
