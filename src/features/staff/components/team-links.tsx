import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import type { CommunitySummary, Identity } from '@/types/contract';
import { teamUrl } from '../model/team-url';
import './survey-report-roster-links.scss';

export interface TeamLinksProps {
  identity: Identity;
  /** All communities (admins manage every one; names for the others); null while loading. */
  communities: CommunitySummary[] | null;
}

/** 社工名单 per community the staff member works for (all for admins). */
export function TeamLinks({ identity, communities }: TeamLinksProps) {
  if (identity.role === 'resident') return null;
  const ids =
    identity.role === 'admin' ? (communities?.map((c) => c.id) ?? []) : identity.communities;
  if (ids.length === 0) return null;
  const names = new Map((communities ?? []).map((c) => [c.id, c.name]));
  return (
    <View className="bdb-survey-report-roster-links">
      <Text className="bdb-survey-report-roster-links__title">
        {identity.role === 'admin' ? '社工名单和邀请码' : '社工名单'}
      </Text>
      <View className="bdb-survey-report-roster-links__row">
        {ids.map((id) => {
          const text = `${names.get(id) ?? id} 社工名单`;
          return (
            <BigButton
              key={id}
              variant="secondary"
              label={text}
              onClick={() => void Taro.navigateTo({ url: teamUrl(id) })}
            >
              {text}
            </BigButton>
          );
        })}
      </View>
    </View>
  );
}
