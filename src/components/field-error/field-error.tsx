import { Text } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import './field-error.scss';

/** A field's problem, next to it, announced as it appears. */
export function FieldError({ text }: { text: string | undefined | null }) {
  return text ? (
    <Text className="bdb-desk-error" {...a11y({ role: 'alert' })}>
      {`✕ ${text}`}
    </Text>
  ) : null;
}
