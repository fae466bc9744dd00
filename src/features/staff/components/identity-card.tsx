import { Text, View } from '@tarojs/components';
import type { CommunitySummary, Identity } from '@/types/contract';
import { ROLE_LABELS } from '../role-labels';
import { NoticeDeskLinks } from './notice-desk-links';
import { SurveyReportRosterLinks } from './survey-report-roster-links';
import { FollowupSuggestionLinks } from './followup-suggestion-links';
import { TeamLinks } from './team-links';
import './identity-card.scss';

export interface IdentityCardProps {
  identity: Identity;
  /** For turning community ids into names; ids are shown while it loads. */
  communities: CommunitySummary[] | null;
}

function communityLine(identity: Identity, communities: CommunitySummary[] | null): string {
  if (identity.role === 'admin') return '全部社区';
  if (identity.communities.length === 0) return '暂无';
  const names = new Map((communities ?? []).map((c) => [c.id, c.name]));
  return identity.communities.map((id) => names.get(id) ?? id).join('、');
}

export function IdentityCard({ identity, communities }: IdentityCardProps) {
  return (
    <View className="bdb-identity-card">
      <Text className="bdb-identity-card__label">我的身份</Text>
      <Text className="bdb-identity-card__role">{ROLE_LABELS[identity.role]}</Text>
      {identity.role === 'resident' ? null : (
        <Text className="bdb-identity-card__communities">
          {`负责社区：${communityLine(identity, communities)}`}
        </Text>
      )}
      <NoticeDeskLinks identity={identity} communities={communities} />
      <FollowupSuggestionLinks identity={identity} communities={communities} />
      <SurveyReportRosterLinks identity={identity} communities={communities} />
      <TeamLinks identity={identity} communities={communities} />
    </View>
  );
}
