import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
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
    <View className="bdb-notice-tabs" {...a11y({ role: 'radiogroup', label: '通知分类' })}>
      {NOTICE_TABS.map((tab) => {
        const on = tab.id === selected;
        return (
          <View
            key={tab.id}
            className={`bdb-notice-tabs__tab${on ? ' bdb-notice-tabs__tab--selected' : ''}`}
            onClick={() => onSelect(tab.id)}
            {...a11y({ role: 'radio', checked: on })}
          >
            <Text className="bdb-notice-tabs__tick" {...a11y({ hidden: true })}>
              {on ? '✓' : ''}
            </Text>
            <Text className="bdb-notice-tabs__text">{tab.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
