import { Button } from '@tarojs/components';
import type { ReactNode } from 'react';
import { a11y } from '@/lib/a11y';
import './big-button.scss';

export interface BigButtonProps {
  children: ReactNode;
  onClick: () => void;
  /** primary: the main action; secondary: outlined; quiet: text-like, still a full target. */
  variant?: 'primary' | 'secondary' | 'quiet';
  disabled?: boolean;
  /** Spoken instead of the visible text, when the text alone is ambiguous. */
  label?: string;
  className?: string;
}

/** A button whose touch target follows the mode (44px standard, 60px elder). */
export function BigButton({
  children,
  onClick,
  variant = 'primary',
  disabled = false,
  label,
  className = '',
}: BigButtonProps) {
  return (
    <Button
      className={`bdb-button bdb-button--${variant} ${className}`.trim()}
      // Only when true: Taro H5 would otherwise render disabled="false", which still matches
      // [disabled] selectors.
      disabled={disabled || undefined}
      onClick={onClick}
      {...a11y({ label })}
    >
      {children}
    </Button>
  );
}
