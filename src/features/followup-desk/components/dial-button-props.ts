/** Shared by dial-button.tsx and dial-button.weapp.tsx (a suffixed file cannot import its base). */
export interface DialButtonProps {
  /** The full number (staff only; shown masked next to the button). */
  phone: string;
  /** Whose number: said by screen readers. */
  name: string;
}
