import { Text } from '@tarojs/components';
import type { SuggestionStatus } from '@/types/contract';
import { STATUS_WORDS } from '../model/suggestion-text';
import './status-badge.scss';

/** The status in words, framed in a colour that only repeats them. */
export function StatusBadge({ status }: { status: SuggestionStatus }) {
  return (
    <Text className={`bdb-suggestion-status bdb-suggestion-status--${status}`}>
      {STATUS_WORDS[status]}
    </Text>
  );
}
