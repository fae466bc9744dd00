import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import type { ServiceFigures, SetCostsInput } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { costsDraftOf, parseCosts, type CostsDraft, type CostsErrors } from '../model/costs-form';
import { FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface CostsPanelProps {
  community: string;
  services: ServiceFigures[];
  busy: boolean;
  onSave: (input: SetCostsInput) => Promise<RunResult<Record<string, number>>>;
}

/** 单价设置: yuan per visit served (人次), per service; the report's costs follow. */
export function CostsPanel({ community, services, busy, onSave }: CostsPanelProps) {
  const [open, setOpen] = useState(false);
  return (
    <View className="bdb-desk-section">
      <BigButton variant="secondary" onClick={() => setOpen(!open)}>
        {open ? '收起单价设置' : '单价设置'}
      </BigButton>
      {open ? (
        <CostsForm
          community={community}
          services={services}
          busy={busy}
          onSave={onSave}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </View>
  );
}

function CostsForm({
  community,
  services,
  busy,
  onSave,
  onClose,
}: CostsPanelProps & { onClose: () => void }) {
  const [draft, setDraft] = useState<CostsDraft>(() => costsDraftOf(services));
  const [errors, setErrors] = useState<CostsErrors>({});

  const submit = async () => {
    const parsed = parseCosts(community, services, draft);
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const result = await onSave(parsed.input);
    if (result.ok) onClose();
  };

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">单价设置</Text>
      <Text className="bdb-desk-form__hint">
        每服务一人次花多少钱（元），用来算每晚的费用；不计费的填 0
      </Text>
      {services.map((s) => (
        <View key={s.service} className="bdb-desk-form__item">
          <Text className="bdb-desk-form__label">{`${s.name}（元/人次）`}</Text>
          <Input
            className="bdb-desk-form__input bdb-desk-form__input--short"
            type="digit"
            value={draft[s.service] ?? ''}
            placeholder="未设置"
            maxlength={8}
            onInput={(e) => setDraft((d) => ({ ...d, [s.service]: e.detail.value }))}
            {...a11y({ label: `${s.name} 单价` })}
          />
          <FieldError text={errors[s.service]} />
        </View>
      ))}
      <FieldError text={errors.form} />
      <View className="bdb-desk-form__row">
        <BigButton onClick={() => void submit()} disabled={busy}>
          保存单价
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label="不保存单价">
          取消
        </BigButton>
      </View>
    </View>
  );
}
