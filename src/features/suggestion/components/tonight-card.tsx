import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
// The entry only: the ballot and the ranking stay in the package-survey subpackage.
import { voteUrl } from '@/features/survey/entry';
import { a11y } from '@/lib/a11y';
import type { ResidentFollowUp } from '@/types/contract';
// The entry only: the follow-up screens stay in the package-suggestion subpackage.
import { pendingPrompt } from '@/features/followup/entry';
import { echoWallUrl, mySuggestionsUrl, submitUrl } from '../model/urls';
import './tonight-card.scss';

export interface SuggestionTonightCardProps {
  community: string;
  /** My pending follow-ups; null while loading or after a failure (the card works without). */
  pending: ResidentFollowUp[] | null;
}

const open = (url: string) => void Taro.navigateTo({ url });

/**
 * "说说您的想法" on the tonight page: 提建议, the community's 回音墙, 居民点单 (a link only: the round
 * is loaded on its own page), and a line about follow-ups waiting for me that leads to 我的建议.
 */
export function SuggestionTonightCard({ community, pending }: SuggestionTonightCardProps) {
  const prompt = pendingPrompt(pending);
  return (
    <View className="bdb-suggestion-tonight">
      <Text className="bdb-suggestion-tonight__title">说说您的想法</Text>
      <Text className="bdb-suggestion-tonight__hint">对服务有什么建议？社区会逐条答复。</Text>
      {prompt ? (
        <View
          className="bdb-suggestion-tonight__pending"
          {...a11y({ role: 'status', live: 'polite' })}
        >
          <BigButton
            className="bdb-suggestion-tonight__pending-button"
            variant="secondary"
            onClick={() => open(mySuggestionsUrl())}
          >
            {`${prompt} ›`}
          </BigButton>
        </View>
      ) : null}
      <View className="bdb-suggestion-tonight__actions">
        <BigButton onClick={() => open(submitUrl(community))}>提建议</BigButton>
        <BigButton variant="secondary" onClick={() => open(echoWallUrl(community))}>
          社区回音墙
        </BigButton>
        <BigButton variant="secondary" onClick={() => open(voteUrl(community))}>
          居民点单
        </BigButton>
        <BigButton variant="quiet" onClick={() => open(mySuggestionsUrl())}>
          我的建议
        </BigButton>
      </View>
    </View>
  );
}
