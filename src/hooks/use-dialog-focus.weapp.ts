/** The mini-program has no keyboard focus to move: WeChat's screen reader starts at the top. */
export function useDialogFocus(_dialogId: string, _initial: string, _onClose: () => void): void {
  // nothing to do (see use-dialog-focus.ts)
}
