import { Text, View } from '@tarojs/components';
import { EmptyState, LoadingState } from '@/components/load-state/load-state';
import type { DeskRun } from '@/hooks/use-desk-run';
import { errorMessage } from '@/lib/gateway';
import { formatDayTime } from '@/lib/shanghai-time';
import type { Volunteer, VolunteerInvite } from '@/types/contract';
import { cancelVolunteerInvite, revokeVolunteer } from '../api/volunteer';
import { ConfirmStep } from './confirm-step';

interface MembersProps {
  community: string;
  communityName: string;
  volunteers: Volunteer[] | null;
  run: DeskRun;
}

/** The community's volunteers, each with 撤销 (after a confirm step). */
export function VolunteerMembers({ community, communityName, volunteers, run }: MembersProps) {
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">{`志愿者（${volunteers?.length ?? 0} 人）`}</Text>
      {volunteers === null ? <LoadingState text="正在加载志愿者…" /> : null}
      {volunteers?.length === 0 ? <EmptyState text="还没有志愿者" /> : null}
      {(volunteers ?? []).map((v) => (
        <View key={v.userId} className="bdb-desk-card">
          <Text className="bdb-desk-card__name">{v.name}</Text>
          <Text className="bdb-desk-card__line">
            {`${v.orgName ?? '个人'} · ${formatDayTime(v.since)} 加入`}
          </Text>
          <ConfirmStep
            action="撤销"
            label={`撤销 ${v.name} 的志愿者身份`}
            question={`撤销 ${v.name} 在${communityName}的志愿者身份？对方下一次操作起就不能再服务，以后的报名会被取消，已登记的志愿时长保留。`}
            yes="确认撤销"
            busy={run.busy}
            onYes={() =>
              run.run(() => revokeVolunteer(community, v.userId), {
                done: (r) =>
                  `已撤销 ${v.name} 的志愿者身份${r.withdrawn > 0 ? `，取消了 ${r.withdrawn} 个报名` : ''}`,
              })
            }
          />
        </View>
      ))}
    </View>
  );
}

interface InvitesProps {
  community: string;
  invites: VolunteerInvite[] | null;
  error: unknown;
  run: DeskRun;
}

/** Volunteer invite codes not used yet, each with 作废 (after a confirm step). */
export function OpenVolunteerInvites({ community, invites, error, run }: InvitesProps) {
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">未使用的志愿者邀请码</Text>
      {error ? <Text className="bdb-desk-section__hint">{errorMessage(error)}</Text> : null}
      {invites === null && !error ? <LoadingState text="正在加载邀请码…" /> : null}
      {invites?.length === 0 ? (
        <Text className="bdb-desk-section__hint">没有未使用的志愿者邀请码</Text>
      ) : null}
      {(invites ?? []).map((i) => (
        <View key={i.code} className="bdb-desk-card">
          <Text className="bdb-desk-card__name" selectable>
            {i.code}
          </Text>
          <Text className="bdb-desk-card__line">
            {`${i.name}（${i.orgName ?? '个人'}）· 有效期至 ${formatDayTime(i.expiresAt)}`}
          </Text>
          <ConfirmStep
            action="作废"
            label={`作废 ${i.name} 的邀请码 ${i.code}`}
            question={`作废邀请码 ${i.code}？作废后 ${i.name} 就不能再用它成为志愿者。`}
            yes="确认作废"
            busy={run.busy}
            onYes={() =>
              run.run(() => cancelVolunteerInvite(community, i.code), {
                done: () => `邀请码 ${i.code} 已作废`,
              })
            }
          />
        </View>
      ))}
    </View>
  );
}
