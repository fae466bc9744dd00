/**
 * A setting that takes effect at once, as one big chip with role switch and aria-checked: "✓ 已到场"
 * when on, "□ 已到场" when off (the words and the tick say it, not colour alone).
 */
import { CheckChip, type CheckChipProps } from '../chip-group/chip-group';

export type SwitchProps = Omit<CheckChipProps, 'role'>;

export function Switch(props: SwitchProps) {
  return <CheckChip {...props} role="switch" />;
}
