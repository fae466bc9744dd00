import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { callsUrl } from '@/features/followup-desk/entry';
import { suggestionsUrl } from '@/features/suggestion-desk/entry';
import type { CommunitySummary, Identity } from '@/types/contract';
import './followup-suggestion-links.scss';

export interface FollowupSuggestionLinkProps {
  community: string;
  /** The community's name; its id while names load. */
  name: string;
}

/** Staff: a community's 回访名单 and 建议处理. */
export function FollowupSuggestionLink({ community, name }: FollowupSuggestionLinkProps) {
  return (
    <View className="bdb-followup-suggestion-links__row">
      <BigButton
        variant="secondary"
        onClick={() => void Taro.navigateTo({ url: callsUrl(community) })}
        label={`${name} 回访名单`}
      >
        {`${name} 回访名单`}
      </BigButton>
      <BigButton
        variant="secondary"
        onClick={() => void Taro.navigateTo({ url: suggestionsUrl(community) })}
        label={`${name} 建议处理`}
      >
        {`${name} 建议处理`}
      </BigButton>
    </View>
  );
}

export interface FollowupSuggestionLinksProps {
  identity: Identity;
  /** All communities (admins act on every one; names for the others); null while loading. */
  communities: CommunitySummary[] | null;
}

/** 回访名单 and 建议处理 links per community the staff member works for (all for admins). */
export function FollowupSuggestionLinks({ identity, communities }: FollowupSuggestionLinksProps) {
  if (identity.role === 'resident') return null;
  const ids =
    identity.role === 'admin' ? (communities?.map((c) => c.id) ?? []) : identity.communities;
  if (ids.length === 0) return null;
  const names = new Map((communities ?? []).map((c) => [c.id, c.name]));
  return (
    <View className="bdb-followup-suggestion-links">
      <Text className="bdb-followup-suggestion-links__title">回访和居民建议</Text>
      {ids.map((id) => (
        <FollowupSuggestionLink key={id} community={id} name={names.get(id) ?? id} />
      ))}
    </View>
  );
}
