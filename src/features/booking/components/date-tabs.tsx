import { RadioChips } from '@/components/chip-group/chip-group';
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
    <RadioChips
      label="选择日期"
      className="bdb-date-tabs"
      chipClassName="bdb-date-tabs__tab"
      choices={dates.map((date) => ({ value: date, text: formatDate(date) }))}
      value={selected}
      onChange={onSelect}
    />
  );
}
