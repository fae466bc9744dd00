/**
 * The part of the board feature the staff pages use (a public entry, like index.ts): the link
 * to a community's TV board. Kept apart from index.ts so the board screen stays out of the
 * staff subpackage (a module used by two subpackages is copied into both).
 */
export { BoardLink } from './components/board-link';
export type { BoardLinkProps } from './components/board-link';
export {
  BOARD_PAGE,
  boardAddressText,
  boardPath,
  boardUrl,
  pageOrigin,
} from './model/board-address';
