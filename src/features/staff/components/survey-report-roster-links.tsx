import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { calendarUrl } from '@/features/calendar-desk/entry';
import { posterUrl, reportUrl, subdistrictUrl } from '@/features/report-desk/entry';
import { rosterUrl } from '@/features/roster-desk/entry';
import { surveyUrl } from '@/features/survey-desk/entry';
import type { CommunitySummary, Identity } from '@/types/contract';
import './survey-report-roster-links.scss';

export interface SurveyReportRosterLinkProps {
  community: string;
  /** The community's name; its id while names load. */
  name: string;
}

/** Staff: a community's 居民点单, 晚间报表, 值班与调休, 开放日历 and 打印本周海报. */
export function SurveyReportRosterLink({ community, name }: SurveyReportRosterLinkProps) {
  const links = [
    { text: '居民点单', url: surveyUrl(community) },
    { text: '晚间报表', url: reportUrl(community) },
    { text: '值班与调休', url: rosterUrl(community) },
    { text: '开放日历', url: calendarUrl(community) },
    { text: '打印本周海报', url: posterUrl(community) },
  ];
  return (
    <View className="bdb-survey-report-roster-links__row">
      {links.map((link) => (
        <BigButton
          key={link.text}
          variant="secondary"
          onClick={() => void Taro.navigateTo({ url: link.url })}
          label={`${name} ${link.text}`}
        >
          {`${name} ${link.text}`}
        </BigButton>
      ))}
    </View>
  );
}

export interface SurveyReportRosterLinksProps {
  identity: Identity;
  /** All communities (admins act on every one; names for the others); null while loading. */
  communities: CommunitySummary[] | null;
}

/**
 * 居民点单, 晚间报表, 值班与调休 and 本周海报 links per community the staff member works for (all for
 * admins), and for admins the 街道汇总.
 */
export function SurveyReportRosterLinks({ identity, communities }: SurveyReportRosterLinksProps) {
  if (identity.role === 'resident') return null;
  const ids =
    identity.role === 'admin' ? (communities?.map((c) => c.id) ?? []) : identity.communities;
  if (ids.length === 0) return null;
  const names = new Map((communities ?? []).map((c) => [c.id, c.name]));
  return (
    <View className="bdb-survey-report-roster-links">
      <Text className="bdb-survey-report-roster-links__title">点单、报表和值班</Text>
      {identity.role === 'admin' ? (
        <BigButton onClick={() => void Taro.navigateTo({ url: subdistrictUrl() })}>
          街道汇总（各社区近 8 周，可打印）
        </BigButton>
      ) : null}
      {ids.map((id) => (
        <SurveyReportRosterLink key={id} community={id} name={names.get(id) ?? id} />
      ))}
    </View>
  );
}
