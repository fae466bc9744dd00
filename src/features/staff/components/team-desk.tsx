import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { useDeskRun } from '@/hooks/use-desk-run';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { formatDayTime } from '@/lib/shanghai-time';
import type { OpenInvite, StaffTeam, TeamMember } from '@/types/contract';
import { cancelInvite, revokeWorker, useTeam } from '../api/team';
import { ROLE_LABELS } from '../role-labels';
import '@/components/desk-parts/desk-list.scss';
import './team-desk.scss';

export interface TeamDeskProps {
  community: string;
  /** The community's name; its id while names load. */
  communityName: string;
}

/** What is waiting for a second tap: revoking a worker or cancelling a code. */
type Pending = { kind: 'revoke'; member: TeamMember } | { kind: 'cancel'; invite: OpenInvite };

/**
 * 社工名单: the community's workers with role and since when; admins revoke a worker (撤销, after a
 * confirm step) and cancel open invite codes (作废).
 */
export function TeamDesk({ community, communityName }: TeamDeskProps) {
  const team = useTeam(community);
  const [pending, setPending] = useState<Pending | null>(null);
  // The list is loaded again after the step, also after a refusal.
  const { busy, feedback, run } = useDeskRun(team.reload);

  const confirm = async () => {
    if (!pending) return;
    const done =
      pending.kind === 'revoke'
        ? `已撤销 ${pending.member.name} 的社工身份`
        : `邀请码 ${pending.invite.code} 已作废`;
    await run<unknown>(
      () =>
        pending.kind === 'revoke'
          ? revokeWorker(community, pending.member.userId)
          : cancelInvite(pending.invite.code),
      { done },
    );
    setPending(null);
  };

  if (!team.data) {
    if (team.error) {
      return <ErrorState message={errorMessage(team.error)} onRetry={() => void team.reload()} />;
    }
    return <LoadingState text="正在加载社工名单…" />;
  }
  const data: StaffTeam = team.data;
  const isAdmin = data.invites !== null;

  return (
    <View className="bdb-desk-list bdb-team-desk">
      <Text className="bdb-desk-list__title" {...a11y({ role: 'heading', level: 2 })}>
        {`${communityName} 社工名单`}
      </Text>
      <FeedbackLine feedback={feedback} />
      <View className="bdb-desk-list__list" {...a11y({ role: 'list', label: '社工' })}>
        {data.members.map((m) => (
          <View key={m.userId} className="bdb-desk-list__row" {...a11y({ role: 'listitem' })}>
            <Text className="bdb-desk-list__name">{m.you ? `${m.name}（我）` : m.name}</Text>
            <Text className="bdb-desk-list__meta">
              {`${ROLE_LABELS[m.role]}${m.since ? ` · ${formatDayTime(m.since)} 起` : ''}`}
            </Text>
            {m.revocable ? (
              pending?.kind === 'revoke' && pending.member.userId === m.userId ? (
                <Confirm
                  question={`撤销 ${m.name} 在${communityName}的社工身份？撤销后对方下一次操作起就看不到回访名单等工作内容。`}
                  yes="确认撤销"
                  busy={busy}
                  onYes={() => void confirm()}
                  onNo={() => setPending(null)}
                />
              ) : (
                <BigButton
                  variant="secondary"
                  label={`撤销 ${m.name}`}
                  disabled={busy}
                  onClick={() => setPending({ kind: 'revoke', member: m })}
                >
                  撤销
                </BigButton>
              )
            ) : null}
          </View>
        ))}
      </View>
      {isAdmin ? (
        <View className="bdb-desk-list__group">
          <Text className="bdb-desk-list__subtitle" {...a11y({ role: 'heading', level: 3 })}>
            未使用的邀请码
          </Text>
          {data.invites!.length === 0 ? (
            <Text className="bdb-desk-list__empty">没有未使用的邀请码</Text>
          ) : (
            data.invites!.map((invite) => (
              <View key={invite.code} className="bdb-desk-list__row">
                <Text className="bdb-team-desk__code" selectable>
                  {invite.code}
                </Text>
                <Text className="bdb-desk-list__meta">{`有效期至 ${formatDayTime(invite.expiresAt)}`}</Text>
                {pending?.kind === 'cancel' && pending.invite.code === invite.code ? (
                  <Confirm
                    question={`作废邀请码 ${invite.code}？作废后就不能再用它登录。`}
                    yes="确认作废"
                    busy={busy}
                    onYes={() => void confirm()}
                    onNo={() => setPending(null)}
                  />
                ) : (
                  <BigButton
                    variant="secondary"
                    label={`作废 ${invite.code}`}
                    disabled={busy}
                    onClick={() => setPending({ kind: 'cancel', invite })}
                  >
                    作废
                  </BigButton>
                )}
              </View>
            ))
          )}
        </View>
      ) : null}
    </View>
  );
}

interface ConfirmProps {
  question: string;
  yes: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}

/** The second step of a change that cannot be undone here: the question, then yes or no. */
function Confirm({ question, yes, busy, onYes, onNo }: ConfirmProps) {
  return (
    <View className="bdb-desk-list__confirm" {...a11y({ role: 'group', label: question })}>
      <Text className="bdb-desk-list__question">{question}</Text>
      <View className="bdb-desk-list__buttons">
        <BigButton onClick={onYes} disabled={busy}>
          {busy ? '处理中…' : yes}
        </BigButton>
        <BigButton variant="quiet" onClick={onNo} disabled={busy}>
          取消
        </BigButton>
      </View>
    </View>
  );
}
