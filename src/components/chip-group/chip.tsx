/**
 * One chip in H5: a native <button> carrying the role (radio, checkbox or switch), so it takes
 * focus and Enter or Space choose it as with any button; chip.weapp.tsx is the mini-program twin.
 */
import type { ChipProps } from './chip-props';
import './chip-group.scss';

export function Chip(props: ChipProps) {
  const { role, checked, disabled, label, className, tabIndex, onActivate, onKey } = props;
  return (
    <button
      type="button"
      ref={props.chipRef}
      role={role}
      className={`bdb-chip-reset ${className}`}
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      tabIndex={tabIndex ?? 0}
      onClick={() => {
        if (!disabled) onActivate();
      }}
      onKeyDown={(event) => {
        // Enter and Space are handled here, not left to the button's own click: one path for
        // every browser (and jsdom), and the default is prevented so it never fires twice.
        if (event.key === ' ' || event.key === 'Enter') {
          event.preventDefault();
          if (!disabled) onActivate();
        } else if (onKey?.(event.key)) {
          event.preventDefault();
        }
      }}
    >
      {props.children}
    </button>
  );
}
