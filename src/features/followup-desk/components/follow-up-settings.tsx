import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { LoadingState } from '@/components/load-state/load-state';
import type { FollowUpRule } from '@/types/contract';
import { useFollowUpRules, type FollowUpRules } from '../hooks/use-follow-up-rules';
import { DELAY_MAX, DELAY_MIN, delayText, nextDelay } from '../model/rules';
import { CheckChip, FeedbackLine, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface FollowUpSettingsProps {
  community: string;
}

/** 回访设置: which services get a call, and how many days after the evening (1–7). */
export function FollowUpSettings({ community }: FollowUpSettingsProps) {
  const [open, setOpen] = useState(false);
  const rules = useFollowUpRules(open ? community : null);
  return (
    <View className="bdb-desk-section">
      <BigButton variant="secondary" onClick={() => setOpen(!open)}>
        {open ? '收起回访设置' : '回访设置'}
      </BigButton>
      {open ? <SettingsBody rules={rules} /> : null}
    </View>
  );
}

function SettingsBody({ rules }: { rules: FollowUpRules }) {
  if (!rules.rules) {
    return rules.loadError ? (
      <View className="bdb-desk-page__list">
        <FieldError text={rules.loadError} />
        <BigButton variant="secondary" onClick={() => void rules.reload()}>
          重试
        </BigButton>
      </View>
    ) : (
      <LoadingState text="正在读取回访设置…" />
    );
  }
  return (
    <View className="bdb-desk-page__list">
      <Text className="bdb-desk-section__title">回访设置</Text>
      <Text className="bdb-desk-section__hint">
        {`哪些服务结束后打回访电话，隔几天打（${DELAY_MIN}–${DELAY_MAX} 天）；改动从下一次生成名单起生效`}
      </Text>
      {rules.rules.map((rule) => (
        <RuleRow
          key={rule.service}
          rule={rule}
          busy={rules.busy}
          onSave={(r) => void rules.save(r)}
        />
      ))}
      <FeedbackLine feedback={rules.feedback} />
    </View>
  );
}

interface RuleRowProps {
  rule: FollowUpRule;
  busy: boolean;
  onSave: (rule: FollowUpRule) => void;
}

function RuleRow({ rule, busy, onSave }: RuleRowProps) {
  const move = (by: -1 | 1) => onSave({ ...rule, delayDays: nextDelay(rule.delayDays, by) });
  return (
    <View className="bdb-desk-card">
      <Text className="bdb-desk-form__label">{rule.name}</Text>
      <CheckChip
        role="switch"
        checked={rule.followUp}
        text={rule.followUp ? '需要回访' : '不回访'}
        label={`${rule.name} 需要回访`}
        disabled={busy}
        onToggle={() => onSave({ ...rule, followUp: !rule.followUp })}
      />
      {rule.followUp ? (
        <View className="bdb-desk-form__row">
          <BigButton
            variant="secondary"
            disabled={busy || rule.delayDays <= DELAY_MIN}
            onClick={() => move(-1)}
            label={`${rule.name} 提前一天`}
          >
            提前一天
          </BigButton>
          <Text className="bdb-desk-form__label">{delayText(rule.delayDays)}</Text>
          <BigButton
            variant="secondary"
            disabled={busy || rule.delayDays >= DELAY_MAX}
            onClick={() => move(1)}
            label={`${rule.name} 推后一天`}
          >
            推后一天
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}
