/**
 * The part of the volunteer feature the tonight page uses (the main package); the volunteer's and
 * staff's pages import index.ts from the package-staff subpackage.
 */
export { ServedByLine } from './components/served-by-line';
