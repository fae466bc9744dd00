/**
 * What Tab reaches, in order (jsdom moves no focus on Tab): elements focusable by nature or by
 * tabindex, minus tabindex -1 and the natively disabled, in document order (no positive
 * tabindex is used in the app).
 */
const FOCUSABLE = 'button, input, textarea, select, a[href], [tabindex]';

export function tabStops(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
  );
}
