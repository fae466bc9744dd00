/**
 * How deep a page's element tree may go before Taro's weapp templates fall back to the recursive
 * `comp` component (slower: a component per subtree). Each level is a copy of every template in
 * base.wxml, which sits in the main package, so it is matched to our deepest page, measured under
 * miniprogram-simulate (tonight: 8 levels at first render), with two to spare. The weapp tests
 * fail when a page they render gets deeper (tests/weapp/harness.ts).
 */
export const BASE_LEVEL = 10;
