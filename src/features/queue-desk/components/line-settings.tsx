import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { Heading } from '@/components/section/section';
import { TextField } from '@/components/text-field/text-field';
import { GatewayError } from '@/lib/gateway';
import type { LineConfig, LineRef } from '@/types/contract';
import { configureLine } from '../api/configure-line';
import type { QueueDeskState } from '../hooks/use-queue-desk';
import {
  draftOf,
  isSettingsField,
  parseSettings,
  SETTINGS_LABELS,
  type SettingsDraft,
  type SettingsErrors,
  type SettingsField,
} from '../model/settings-form';
import './line-settings.scss';

export interface LineSettingsProps {
  line: LineRef;
  config: LineConfig;
  state: QueueDeskState;
}

const FIELDS: { field: SettingsField; placeholder: string; numeric: boolean; hint: string }[] = [
  { field: 'capacity', placeholder: '100', numeric: true, hint: '今晚最多发多少个号' },
  { field: 'lastJoin', placeholder: '19:30', numeric: false, hint: '这个时间以后不能再取号' },
  { field: 'graceMinutes', placeholder: '10', numeric: true, hint: '过号后多少分钟内可重新排队' },
  {
    field: 'defaultServiceMinutes',
    placeholder: '5',
    numeric: true,
    hint: '用来估算等待时间，服务两位后按实际平均',
  },
];

type Feedback = { kind: 'error' | 'success'; text: string } | null;

/** The line's settings; wrong values are explained next to their field, in Chinese. */
export function LineSettings({ line, config, state }: LineSettingsProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(config));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [dirty, setDirty] = useState(false);

  // Another desk may change the settings: follow them until this form is being edited.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(config));
  }, [config, dirty]);

  const edit = (field: SettingsField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
  };

  const save = async () => {
    const parsed = parseSettings(draft, config);
    setErrors(parsed.errors);
    setFeedback(null);
    if (Object.keys(parsed.errors).length > 0) return;
    if (Object.keys(parsed.patch).length === 0) {
      setFeedback({ kind: 'success', text: '设置没有改动' });
      return;
    }
    const rejected: { errors: SettingsErrors | null } = { errors: null };
    const message = await state.run(async () => {
      try {
        return await configureLine({ ...line, ...parsed.patch });
      } catch (e: unknown) {
        if (e instanceof GatewayError && isSettingsField(e.field)) {
          rejected.errors = { [e.field]: e.message };
        }
        throw e;
      }
    });
    if (rejected.errors) {
      setErrors(rejected.errors);
    } else if (message) {
      setFeedback({ kind: 'error', text: message });
    } else {
      setDirty(false);
      setFeedback({ kind: 'success', text: '设置已保存' });
    }
  };

  return (
    <View className="bdb-line-settings">
      <Heading level={2}>取号设置</Heading>
      {FIELDS.map(({ field, placeholder, numeric, hint }) => (
        <TextField
          key={field}
          label={SETTINGS_LABELS[field]}
          hint={hint}
          value={draft[field]}
          type={numeric ? 'number' : 'text'}
          placeholder={placeholder}
          maxlength={5}
          onInput={(value) => edit(field, value)}
          error={errors[field]}
        />
      ))}
      <BigButton onClick={() => void save()} disabled={state.busy}>
        保存设置
      </BigButton>
      <FeedbackLine feedback={feedback} />
    </View>
  );
}
