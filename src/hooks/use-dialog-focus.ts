import { useEffect, useRef } from 'react';

const FOCUS_RETRY_MS = 50;
const FOCUS_TRIES = 40;

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
    // Taro's web components stay hidden (so unfocusable) until they are hydrated, a moment after
    // they are in the page: ask again until focus is there.
    let tries = 0;
    const focus = () => {
      target.focus();
      tries += 1;
      if (document.activeElement !== target && tries < FOCUS_TRIES) {
        retry = setTimeout(focus, FOCUS_RETRY_MS);
      }
    };
    let retry: ReturnType<typeof setTimeout> | undefined;
    focus();

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
    // Focus dropped to nowhere (a tap on the dialog's background, a re-render of the control):
    // back to the control once the page settles.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget !== null) return;
      clearTimeout(retry);
      tries = 0;
      retry = setTimeout(focus, FOCUS_RETRY_MS);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    dialog.addEventListener('focusout', onFocusOut);
    return () => {
      clearTimeout(retry);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      dialog.removeEventListener('focusout', onFocusOut);
      if (before && before !== document.body && document.contains(before)) before.focus();
    };
  }, [dialogId, initial]);
}
