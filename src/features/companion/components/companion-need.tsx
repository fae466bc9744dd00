import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import type { TicketCompanion } from '@/types/contract';
import { companionNeedText, companionWhoText } from '../model/about';
import './companion-need.scss';

export interface CompanionNeedProps {
  /** Whose request, for the screen reader: the ticket's label or the booking's code. */
  label: string;
  companion: TicketCompanion | null;
}

/**
 * "需要社工陪同" asked on a ticket or booking: the resident's words (e.g. "听障，请用文字沟通") and
 * who goes with them, so the desk calling the number or checking the booking in knows before the
 * resident arrives. Staff only.
 */
export function CompanionNeed({ label, companion }: CompanionNeedProps) {
  const need = companionNeedText(companion);
  if (!need) return null;
  const who = companionWhoText(companion);
  return (
    <View
      className={`bdb-companion-need${companion?.workerName ? '' : ' bdb-companion-need--open'}`}
      {...a11y({ label: `${label} ${need}，${who}` })}
    >
      <Text className="bdb-companion-need__badge" {...a11y({ hidden: true })}>
        伴
      </Text>
      <View className="bdb-companion-need__text">
        <Text className="bdb-companion-need__need">{need}</Text>
        <Text className="bdb-companion-need__who">{who}</Text>
      </View>
    </View>
  );
}
