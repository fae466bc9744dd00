import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { useDialogFocus } from '@/hooks/use-dialog-focus';
import { a11y } from '@/lib/a11y';
import type { Ticket } from '@/types/contract';
import './called-overlay.scss';

export interface CalledOverlayProps {
  ticket: Ticket;
  onDismiss: () => void;
}

// One call overlay on a page at a time: fixed ids are enough for its labels.
const DIALOG_ID = 'bdb-called';
const TITLE_ID = 'bdb-called-title';
const HINT_ID = 'bdb-called-hint';

/**
 * "请到服务台": the whole screen, the number flashing (a static strong highlight when the system
 * asks for reduced motion). A modal dialog: focus goes to 我知道了 when it opens and back where it
 * was when it closes, Escape closes it in H5. Seen, felt (the call watch vibrates) and read out by
 * screen readers through the assertive live region; never a sound only.
 */
export function CalledOverlay({ ticket, onDismiss }: CalledOverlayProps) {
  useDialogFocus(DIALOG_ID, '.bdb-called__dismiss', onDismiss);
  return (
    <View
      id={DIALOG_ID}
      className="bdb-called"
      {...a11y({ role: 'dialog', modal: true, labelledBy: TITLE_ID, describedBy: HINT_ID })}
    >
      <Text id={TITLE_ID} className="bdb-called__title">
        请到服务台
      </Text>
      <Text className="bdb-called__line">{ticket.queueName}</Text>
      <Text className="bdb-called__label">{ticket.label}</Text>
      <Text id={HINT_ID} className="bdb-called__hint">
        工作人员正在叫您的号，请带好随身物品
      </Text>
      <BigButton className="bdb-called__dismiss" onClick={onDismiss}>
        我知道了
      </BigButton>
    </View>
  );
}
