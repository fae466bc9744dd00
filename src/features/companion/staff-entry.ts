/** For staff desks (in subpackages, not the main package): a request's need and who accompanies. */
export { CompanionNeed } from './components/companion-need';
export type { CompanionNeedProps } from './components/companion-need';
export { companionNeedText, companionWhoText } from './model/about';
