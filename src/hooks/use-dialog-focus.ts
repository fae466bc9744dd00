import { useEffect, useRef } from 'react';

/**
 * A modal dialog's keyboard and focus behaviour in H5: focus moves to `initial` inside the dialog
 * (`dialogId`) when it opens and stays inside while it is open (Tab and a click elsewhere bring it
 * back), Escape closes, Enter or Space activate the focused control, and focus returns to where it
 * was when the dialog closes. The mini-program has no keyboard focus (use-dialog-focus.weapp.ts).
 */
export function useDialogFocus(dialogId: string, initial: string, onClose: () => void): void {
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = document.getElementById(dialogId);
    if (!dialog) return undefined;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const target = dialog.querySelector<HTMLElement>(initial) ?? dialog;
    // Taro's H5 Button (taro-button-core) is neither focusable nor a button to assistive tech.
    if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.tabIndex = 0;
    if (!target.hasAttribute('role') && target.tagName !== 'BUTTON') {
      target.setAttribute('role', 'button');
    }
    target.focus();

    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close.current();
      } else if (event.key === 'Tab') {
        // One control in the dialog: Tab keeps focus on it.
        event.preventDefault();
        target.focus();
      } else if ((event.key === 'Enter' || event.key === ' ') && event.target === target) {
        event.preventDefault();
        target.click();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !dialog.contains(event.target)) target.focus();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      if (before && before !== document.body && document.contains(before)) before.focus();
    };
  }, [dialogId, initial]);
}
