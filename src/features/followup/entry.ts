/**
 * The part of the resident follow-up feature the tonight page uses (through the suggestion
 * feature's tonight card): words only, so the follow-up screens stay in the package-suggestion
 * subpackage, out of the weapp main package.
 */
export { asksOf, pendingPrompt } from './model/followup-text';
