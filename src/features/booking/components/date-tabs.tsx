import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import { formatDate } from '@/lib/shanghai-time';
import './date-tabs.scss';

export interface DateTabsProps {
  /** "YYYY-MM-DD" in Asia/Shanghai, e.g. the next four service evenings. */
  dates: string[];
  selected: string | null;
  onSelect: (date: string) => void;
}

/** The service evenings as large tabs ("12月2日 周三"); the chosen one has a tick and a frame. */
export function DateTabs({ dates, selected, onSelect }: DateTabsProps) {
  return (
    <View className="bdb-date-tabs" {...a11y({ role: 'radiogroup', label: '选择日期' })}>
      {dates.map((date) => {
        const on = date === selected;
        return (
          <View
            key={date}
            className={`bdb-date-tabs__tab${on ? ' bdb-date-tabs__tab--selected' : ''}`}
            onClick={() => onSelect(date)}
            {...a11y({ role: 'radio', checked: on })}
          >
            <Text className="bdb-date-tabs__tick" {...a11y({ hidden: true })}>
              {on ? '✓' : ''}
            </Text>
            <Text className="bdb-date-tabs__text">{formatDate(date)}</Text>
          </View>
        );
      })}
    </View>
  );
}
