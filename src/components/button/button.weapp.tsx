/**
 * The mini-program's button: Taro's Button (WeChat's own, which its screen reader knows as a
 * button), with the aria-* WeChat reads (see button.tsx and config/plugins/weapp-aria.ts).
 */
import { Button as TaroButton } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import { buttonClass, type ButtonProps } from './button-props';
import './button.scss';

export type { ButtonProps } from './button-props';

export function Button(props: ButtonProps) {
  const { children, onClick, disabled = false, label, pressed } = props;
  return (
    <TaroButton
      className={buttonClass(props)}
      // Only when true: Taro would otherwise render disabled="false", which still matches
      // [disabled] selectors.
      disabled={disabled || undefined}
      onClick={onClick}
      {...a11y({ label, disabled, pressed })}
    >
      {children}
    </TaroButton>
  );
}
