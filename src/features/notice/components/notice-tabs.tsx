import { RadioChips } from '@/components/chip-group/chip-group';
import './notice-tabs.scss';

export type NoticeTab = 'current' | 'past' | 'mine';

export const NOTICE_TABS: Array<{ id: NoticeTab; text: string }> = [
  { id: 'current', text: '本周和下周' },
  { id: 'past', text: '往期' },
  { id: 'mine', text: '我的报名' },
];

export interface NoticeTabsProps {
  selected: NoticeTab;
  onSelect: (tab: NoticeTab) => void;
}

/** Three big segments; the chosen one has a tick and a frame, not colour alone. */
export function NoticeTabs({ selected, onSelect }: NoticeTabsProps) {
  return (
    <RadioChips
      label="通知分类"
      className="bdb-notice-tabs"
      chipClassName="bdb-notice-tabs__tab"
      choices={NOTICE_TABS.map((tab) => ({ value: tab.id, text: tab.text }))}
      value={selected}
      onChange={onSelect}
    />
  );
}
