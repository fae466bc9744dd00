import { View } from '@tarojs/components';
import { memo, useCallback, useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { Heading } from '@/components/section/section';
import { TextField } from '@/components/text-field/text-field';
import { GatewayError } from '@/lib/gateway';
import type { LineConfig, LineRef } from '@/types/contract';
import { configureLine } from '../api/configure-line';
import type { QueueDeskState } from '../hooks/use-queue-desk';
import { sameLine } from './walk-in-form';
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
  run: QueueDeskState['run'];
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

const sameConfig = (a: LineConfig, b: LineConfig) =>
  (Object.keys(a) as (keyof LineConfig)[]).every((key) => a[key] === b[key]);

/**
 * The line's settings; wrong values are explained next to their field, in Chinese. Each render
 * of a controlled input resends its value to the view layer, so the form renders again only when
 * the settings themselves change (not on every call at the desk), and a field only when its own
 * value or error does (issue #15: ≤ 2 KB per live update).
 */
export const LineSettings = memo(
  function LineSettings({ line, config, run }: LineSettingsProps) {
    const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(config));
    const [errors, setErrors] = useState<SettingsErrors>({});
    const [feedback, setFeedback] = useState<Feedback>(null);
    const [dirty, setDirty] = useState(false);

    // Another desk may change the settings: follow them until this form is being edited.
    useEffect(() => {
      if (!dirty) setDraft(draftOf(config));
    }, [config, dirty]);

    const edit = useCallback((field: SettingsField, value: string) => {
      setDraft((d) => ({ ...d, [field]: value }));
      setDirty(true);
    }, []);

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
      const message = await run(async () => {
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
        {FIELDS.map((f) => (
          <SettingRow
            key={f.field}
            spec={f}
            value={draft[f.field]}
            error={errors[f.field]}
            onEdit={edit}
          />
        ))}
        <BigButton onClick={() => void save()}>保存设置</BigButton>
        <FeedbackLine feedback={feedback} />
      </View>
    );
  },
  (a, b) => sameLine(a.line, b.line) && a.run === b.run && sameConfig(a.config, b.config),
);

interface SettingRowProps {
  spec: (typeof FIELDS)[number];
  value: string;
  error: string | undefined;
  onEdit: (field: SettingsField, value: string) => void;
}

/** One setting: rendered again only when its value or its error changes. */
const SettingRow = memo(function SettingRow({
  spec: { field, placeholder, numeric, hint },
  value,
  error,
  onEdit,
}: SettingRowProps) {
  return (
    <TextField
      label={SETTINGS_LABELS[field]}
      hint={hint}
      value={value}
      type={numeric ? 'number' : 'text'}
      placeholder={placeholder}
      maxlength={5}
      onInput={(text) => onEdit(field, text)}
      error={error}
    />
  );
});
