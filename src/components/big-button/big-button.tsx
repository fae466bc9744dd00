/** The name the pages have used for the button since the start; it is components/button. */
export { Button as BigButton, type ButtonProps as BigButtonProps } from '../button/button';
