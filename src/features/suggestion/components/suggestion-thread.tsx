import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import { dayOf } from '@/lib/shanghai-time';
import type { Suggestion } from '@/types/contract';
import { milestoneOf } from '../model/suggestion-text';

/**
 * 进展: where my suggestion went, oldest first (the evening and the call it came from, the
 * answer, the 居民点单 vote, the new service), with the milestone in words at the top.
 */
export function SuggestionThread({ suggestion: s }: { suggestion: Suggestion }) {
  const milestone = milestoneOf(s);
  // The suggestion alone says nothing the card does not.
  if (!milestone && s.thread.length <= 1) return null;
  return (
    <View
      className="bdb-my-suggestion__thread"
      {...a11y({ role: 'group', label: `建议 ${s.receipt} 的进展` })}
    >
      {milestone ? <Text className="bdb-my-suggestion__milestone">{milestone}</Text> : null}
      {s.thread.map((step) => (
        <Text key={`${step.kind}-${step.at}`} className="bdb-my-suggestion__step">
          {`${dayOf(step.at)} ${step.text}`}
        </Text>
      ))}
    </View>
  );
}
