/**
 * The button of every page (H5): a native <button>, so it takes focus with Tab and runs with
 * Enter or Space (Taro H5's Button is a web component with neither). Disabled is aria-disabled,
 * not the attribute: the button stays in the Tab order and is read as unavailable, and a tap
 * does nothing. button.weapp.tsx is the mini-program twin. Touch targets follow the mode (44px
 * standard, 60px elder).
 */
import { buttonClass, type ButtonProps } from './button-props';
import './button.scss';

export type { ButtonProps } from './button-props';

export function Button(props: ButtonProps) {
  const { children, onClick, disabled = false, label, pressed } = props;
  return (
    <button
      type="button"
      className={buttonClass(props)}
      aria-disabled={disabled}
      aria-label={label}
      aria-pressed={pressed}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </button>
  );
}
