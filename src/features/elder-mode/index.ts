export { AccessibleRoot } from './components/accessible-root';
export type { AccessibleRootProps } from './components/accessible-root';
export { ElderModeSwitch } from './components/elder-mode-switch';
export type { ElderModeSwitchProps } from './components/elder-mode-switch';
export { useElderMode } from './hooks/use-elder-mode';
export type { ElderMode } from './hooks/use-elder-mode';
