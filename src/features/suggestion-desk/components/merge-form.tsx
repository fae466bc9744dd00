import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import type { StaffSuggestion } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { shortName } from '../model/suggestion-text';
import { FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface MergeFormProps {
  suggestion: StaffSuggestion;
  /** Where it may go: the community's other suggestions that are not merged themselves. */
  targets: StaffSuggestion[];
  busy: boolean;
  onMerge: (into: StaffSuggestion) => Promise<RunResult<StaffSuggestion>>;
  onClose: () => void;
}

/** 合并到…: a duplicate is filed under another suggestion, picked by its receipt. */
export function MergeForm({ suggestion: s, targets, busy, onMerge, onClose }: MergeFormProps) {
  const [index, setIndex] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const target = index === null ? null : (targets[index] ?? null);

  const submit = async () => {
    if (!target) {
      setError('请先选择要合并到哪条建议');
      return;
    }
    setError(null);
    const result = await onMerge(target);
    if (result.ok) onClose();
  };

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">{`把 ${s.receipt} 合并到…`}</Text>
      <Text className="bdb-desk-form__hint">
        内容相同的建议合并处理，居民会被告知去看哪一条的结果
      </Text>
      <Picker
        mode="selector"
        range={targets.map((t) => shortName(t))}
        value={index ?? 0}
        disabled={busy}
        onChange={(e) => {
          setIndex(Number(e.detail.value));
          setError(null);
        }}
      >
        <View className="bdb-desk-form__picker">
          {target ? `合并到：${shortName(target)}` : '点这里选择建议（按回执号）'}
        </View>
      </Picker>
      <FieldError text={error} />
      <View className="bdb-desk-form__row">
        <BigButton
          onClick={() => void submit()}
          disabled={busy}
          label={target ? `确定把 ${s.receipt} 合并到 ${target.receipt}` : `确定合并 ${s.receipt}`}
        >
          确定合并
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label={`不合并 ${s.receipt}`}>
          取消
        </BigButton>
      </View>
    </View>
  );
}
