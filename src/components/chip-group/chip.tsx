/**
 * One chip in H5: a native <button> carrying the role (radio, checkbox or switch), so it takes
 * focus and Enter or Space choose it as with any button; chip.weapp.tsx is the mini-program twin.
 */
import type { ChipProps } from './chip-props';

export function Chip(props: ChipProps) {
  const { role, checked, disabled, label, className, tabIndex, onActivate, onKey } = props;
  return (
    <button
      type="button"
      ref={props.chipRef}
      role={role}
      className={className}
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      tabIndex={tabIndex}
      onClick={() => {
        if (!disabled) onActivate();
      }}
      onKeyDown={(event) => {
        if (onKey?.(event.key)) event.preventDefault();
      }}
    >
      {props.children}
    </button>
  );
}
