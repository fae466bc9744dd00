import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { useDeskRun } from '@/hooks/use-desk-run';
import { a11y } from '@/lib/a11y';
import { formatDayTime } from '@/lib/shanghai-time';
import type { CommunitySummary, Invite } from '@/types/contract';
import { createInvite } from '../api/create-invite';
import './invite-panel.scss';

export interface InvitePanelProps {
  communities: CommunitySummary[];
}

/** Admin: pick a community, get a one-time code big enough to read out to a new social worker. */
export function InvitePanel({ communities }: InvitePanelProps) {
  const [community, setCommunity] = useState<string | null>(communities[0]?.id ?? null);
  const [invite, setInvite] = useState<Invite | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The code itself is the answer (shown below), its refusal is said under the button.
  const { busy, run } = useDeskRun();

  const generate = async () => {
    if (!community) return;
    setError(null);
    const result = await run(() => createInvite(community), { inForm: true });
    if (result.ok) setInvite(result.value);
    else setError(result.message);
  };

  const nameOf = (id: string) => communities.find((c) => c.id === id)?.name ?? id;

  return (
    <View className="bdb-invite-panel">
      <Text className="bdb-invite-panel__title">生成社工邀请码</Text>
      <View className="bdb-invite-panel__choices" {...a11y({ role: 'group', label: '选择社区' })}>
        {communities.map((c) => (
          <BigButton
            key={c.id}
            variant={c.id === community ? 'primary' : 'secondary'}
            onClick={() => setCommunity(c.id)}
          >
            {c.id === community ? `✓ ${c.name}` : c.name}
          </BigButton>
        ))}
      </View>
      <BigButton onClick={() => void generate()} disabled={busy || !community}>
        {busy ? '生成中…' : '生成社工邀请码'}
      </BigButton>
      {error ? (
        <Text className="bdb-invite-panel__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
      {invite ? (
        <View className="bdb-invite-panel__result" {...a11y({ role: 'status', live: 'polite' })}>
          <Text className="bdb-invite-panel__for">{`${nameOf(invite.community)} 社工邀请码`}</Text>
          <Text className="bdb-invite-panel__code" selectable>
            {invite.code}
          </Text>
          <Text className="bdb-invite-panel__expiry">{`有效期至 ${formatDayTime(invite.expiresAt)}，只能用一次`}</Text>
        </View>
      ) : null}
    </View>
  );
}
