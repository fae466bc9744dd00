import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import type { StaffMember } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { NAME_MAX, parseName } from '../model/roster-form';
import { FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface MyNameProps {
  /** Me as the directory lists me; null while loading. */
  member: StaffMember | null;
  busy: boolean;
  onSave: (name: string) => Promise<RunResult<StaffMember>>;
}

/** 我的称呼: how colleagues pick me on the roster and residents read who accompanies them. */
export function MyName({ member, busy, onSave }: MyNameProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!member) return null;

  const submit = async () => {
    const parsed = parseName(text);
    setError(parsed.error);
    if (!parsed.name) return;
    const result = await onSave(parsed.name);
    if (result.ok) setOpen(false);
    else setError(result.message);
  };

  return (
    <View className="bdb-desk-card">
      <Text className="bdb-desk-card__line">
        {member.named
          ? `我的称呼：${member.name}（同事排班、指派陪同时按称呼选我，居民看到“${member.name}陪同您”）`
          : `我还没有设置称呼，同事看到的是“${member.name}”`}
      </Text>
      {open ? (
        <View className="bdb-desk-form">
          <Text className="bdb-desk-form__label">我的称呼</Text>
          <Input
            className="bdb-desk-form__input"
            value={text}
            placeholder="如：李社工"
            maxlength={NAME_MAX}
            onInput={(e) => setText(e.detail.value)}
            {...a11y({ label: '我的称呼' })}
          />
          <FieldError text={error} />
          <View className="bdb-desk-form__row">
            <BigButton onClick={() => void submit()} disabled={busy} label="保存我的称呼">
              保存
            </BigButton>
            <BigButton variant="quiet" onClick={() => setOpen(false)} label="不改称呼">
              取消
            </BigButton>
          </View>
        </View>
      ) : (
        <View className="bdb-desk-card__actions">
          <BigButton
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setText(member.named ? member.name : '');
              setError(null);
              setOpen(true);
            }}
          >
            {member.named ? '改称呼' : '设置称呼'}
          </BigButton>
        </View>
      )}
    </View>
  );
}
