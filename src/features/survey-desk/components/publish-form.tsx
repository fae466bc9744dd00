import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import type { Round } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { initialMenu, parseMenu, publishWarning, toggleId } from '../model/ballots';
import { MENU_SIZE } from '../model/round-form';
import { votesText } from '../model/round-text';
import { CheckChip, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface PublishFormProps {
  round: Round;
  busy: boolean;
  onPublish: (menu: string[]) => Promise<RunResult<Round>>;
  onClose: () => void;
}

/**
 * 发布菜单: the proposed candidates come ticked (more than eight on a tie: staff untick), then a
 * confirm step says plainly that the community's services will be replaced.
 */
export function PublishForm({ round, busy, onPublish, onClose }: PublishFormProps) {
  const [ticked, setTicked] = useState<string[]>(() => initialMenu(round));
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const next = () => {
    const parsed = parseMenu(round, ticked);
    setError(parsed.error);
    setConfirming(parsed.menu);
  };

  const publish = async (menu: string[]) => {
    const result = await onPublish(menu);
    if (result.ok) onClose();
    else setConfirming(null);
  };

  if (confirming) {
    const names = confirming.map((id) => round.ranking.find((c) => c.id === id)?.name ?? id);
    return (
      <View className="bdb-desk-form bdb-desk-form--warning">
        <Text className="bdb-desk-form__title">确认发布菜单</Text>
        <Text className="bdb-desk-form__warning">{publishWarning(confirming.length)}</Text>
        <Text className="bdb-desk-form__hint">{names.join('、')}</Text>
        <Text className="bdb-desk-form__hint">不在这里的服务，居民就看不到、也不能取号预约了</Text>
        <View className="bdb-desk-form__row">
          <BigButton onClick={() => void publish(confirming)} disabled={busy}>
            确认发布
          </BigButton>
          <BigButton variant="secondary" onClick={() => setConfirming(null)}>
            返回修改
          </BigButton>
        </View>
      </View>
    );
  }

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">发布菜单</Text>
      <Text className="bdb-desk-form__hint">
        {`已按票数勾上入选的服务；菜单最多 ${MENU_SIZE} 项，现在勾了 ${ticked.length} 项`}
      </Text>
      <View className="bdb-desk-form__row">
        {round.ranking.map((c) => (
          <CheckChip
            key={c.id}
            checked={ticked.includes(c.id)}
            text={`${c.name}（${votesText(c)}）`}
            label={`菜单里有 ${c.name}`}
            disabled={busy}
            onToggle={() => setTicked((ids) => toggleId(ids, c.id))}
          />
        ))}
      </View>
      <FieldError text={error} />
      <View className="bdb-desk-form__row">
        <BigButton onClick={next} disabled={busy}>
          下一步
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label="不发布菜单">
          取消
        </BigButton>
      </View>
    </View>
  );
}
