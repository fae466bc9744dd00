import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { callsUrl, suggestionsUrl } from '@/features/voice-desk/entry';
import type { CommunitySummary, Identity } from '@/types/contract';
import './voice-desk-links.scss';

export interface VoiceDeskLinkProps {
  community: string;
  /** The community's name; its id while names load. */
  name: string;
}

/** Staff: a community's 回访名单 and 建议处理. */
export function VoiceDeskLink({ community, name }: VoiceDeskLinkProps) {
  return (
    <View className="bdb-voice-desk-links__row">
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

export interface VoiceDeskLinksProps {
  identity: Identity;
  /** All communities (admins act on every one; names for the others); null while loading. */
  communities: CommunitySummary[] | null;
}

/** 回访名单 and 建议处理 links per community the staff member works for (all for admins). */
export function VoiceDeskLinks({ identity, communities }: VoiceDeskLinksProps) {
  if (identity.role === 'resident') return null;
  const ids =
    identity.role === 'admin' ? (communities?.map((c) => c.id) ?? []) : identity.communities;
  if (ids.length === 0) return null;
  const names = new Map((communities ?? []).map((c) => [c.id, c.name]));
  return (
    <View className="bdb-voice-desk-links">
      <Text className="bdb-voice-desk-links__title">回访和居民建议</Text>
      {ids.map((id) => (
        <VoiceDeskLink key={id} community={id} name={names.get(id) ?? id} />
      ))}
    </View>
  );
}
