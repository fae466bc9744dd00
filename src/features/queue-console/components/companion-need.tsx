import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import type { StaffTicket } from '@/types/contract';
import { companionNeedText, companionWhoText } from '../model/ticket-lines';
import './companion-need.scss';

/**
 * "需要社工陪同" asked on this ticket: the resident's words (e.g. "听障，请用文字沟通") and who goes
 * with them, so the desk calling the number knows before the resident arrives. Staff only.
 */
export function CompanionNeed({ ticket }: { ticket: StaffTicket }) {
  const need = companionNeedText(ticket);
  if (!need) return null;
  const who = companionWhoText(ticket);
  return (
    <View
      className={`bdb-companion-need${ticket.companion?.workerName ? '' : ' bdb-companion-need--open'}`}
      {...a11y({ label: `${ticket.label} ${need}，${who}` })}
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
