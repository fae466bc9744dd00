import { View } from '@tarojs/components';
import { Fragment, type ReactNode } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import type { Remote } from '@/hooks/use-remote';
import type { Slot } from '@/types/contract';
import { slotView } from '../model/booking-text';
import './slot-list.scss';

export interface SlotListProps {
  slots: Remote<Slot[]>;
  /** book: a full slot can still be chosen (waitlist); move: only slots with a free seat. */
  mode: 'book' | 'move';
  selectedId: string | null;
  onPick: (slot: Slot) => void;
  /** The slot of the booking being moved: marked, and not a choice. */
  currentSlotId?: string;
  /**
   * Shown right under the chosen row (the confirm panel), so nobody has to scroll for it. It stays
   * when a reload turns the chosen slot full or started, to say why the confirm failed.
   */
  renderSelected?: (slot: Slot) => ReactNode;
}

/** One evening's slots as big rows: time and seats left, full (waitlist) or started, in words. */
export function SlotList({
  slots,
  mode,
  selectedId,
  onPick,
  currentSlotId,
  renderSelected,
}: SlotListProps) {
  const list = slots.data;
  if (!list) {
    return slots.error ? (
      <ErrorState message={errorMessage(slots.error)} onRetry={() => void slots.reload()} />
    ) : (
      <LoadingState text="正在查看可预约的时段…" />
    );
  }
  if (list.length === 0) return <EmptyState text="这一天没有可预约的时段" />;
  return (
    <View className="bdb-slot-list" {...a11y({ role: 'group', label: '选择时段' })}>
      {list.map((slot) => {
        const view = slotView(slot, mode, currentSlotId);
        const chosen = slot.id === selectedId;
        const marked = chosen && !view.disabled;
        return (
          <Fragment key={slot.id}>
            <BigButton
              className={`bdb-slot-list__row bdb-slot-list__row--${view.kind}`}
              variant={marked ? 'primary' : 'secondary'}
              disabled={view.disabled}
              onClick={() => onPick(slot)}
            >
              {marked ? `✓ ${view.text}` : view.text}
            </BigButton>
            {chosen && renderSelected ? renderSelected(slot) : null}
          </Fragment>
        );
      })}
    </View>
  );
}
