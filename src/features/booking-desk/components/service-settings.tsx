import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { errorMessage, GatewayError } from '@/lib/gateway';
import type { BookableService } from '@/types/contract';
import { configureService } from '../api/configure-service';
import {
  draftOf,
  isServiceSettingsField,
  parseServiceSettings,
  SERVICE_SETTINGS_LABELS,
  type ServiceSettingsDraft,
  type ServiceSettingsErrors,
  type ServiceSettingsField,
} from '../model/settings-form';
import './service-settings.scss';

export interface ServiceSettingsProps {
  community: string;
  service: BookableService;
  onSaved: (service: BookableService) => void;
}

const FIELDS: Array<{
  field: ServiceSettingsField;
  placeholder: string;
  numeric: boolean;
  hint: string;
}> = [
  {
    field: 'slotMinutes',
    placeholder: '30',
    numeric: true,
    hint: '每个时段多长：10、15、20、30、45 或 60',
  },
  { field: 'seatsPerSlot', placeholder: '2', numeric: true, hint: '同一时段接待几位居民' },
  {
    field: 'cutoffHours',
    placeholder: '2',
    numeric: true,
    hint: '时段开始前几小时起，居民不能再取消或改约',
  },
  {
    field: 'bring',
    placeholder: '身份证、户口本',
    numeric: false,
    hint: '多项用逗号或顿号分开；不用带东西就留空',
  },
];

type Feedback = { kind: 'error' | 'success'; text: string } | null;

/** One service's booking settings; wrong values are explained next to their field, in Chinese. */
export function ServiceSettings({ community, service, onSaved }: ServiceSettingsProps) {
  const [draft, setDraft] = useState<ServiceSettingsDraft>(() => draftOf(service));
  const [errors, setErrors] = useState<ServiceSettingsErrors>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);

  // Another desk may change the settings: follow them until this form is being edited.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(service));
  }, [service, dirty]);

  const edit = (field: ServiceSettingsField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
  };

  const save = async () => {
    const parsed = parseServiceSettings(draft, service);
    setErrors(parsed.errors);
    setFeedback(null);
    if (Object.keys(parsed.errors).length > 0) return;
    if (Object.keys(parsed.patch).length === 0) {
      setFeedback({ kind: 'success', text: '设置没有改动' });
      return;
    }
    setBusy(true);
    try {
      const saved = await configureService({ community, service: service.id, ...parsed.patch });
      setDirty(false);
      setFeedback({ kind: 'success', text: '设置已保存' });
      onSaved(saved);
    } catch (e: unknown) {
      if (e instanceof GatewayError && isServiceSettingsField(e.field)) {
        setErrors({ [e.field]: e.message });
      } else {
        setFeedback({ kind: 'error', text: errorMessage(e) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bdb-service-settings">
      <Text className="bdb-service-settings__title">{`${service.name} 预约设置`}</Text>
      {FIELDS.map(({ field, placeholder, numeric, hint }) => (
        <View key={field} className="bdb-service-settings__field">
          <Text className="bdb-service-settings__label">{SERVICE_SETTINGS_LABELS[field]}</Text>
          <Text className="bdb-service-settings__hint">{hint}</Text>
          <Input
            className="bdb-service-settings__input"
            value={draft[field]}
            type={numeric ? 'number' : 'text'}
            placeholder={placeholder}
            maxlength={numeric ? 4 : 200}
            onInput={(e) => edit(field, e.detail.value)}
            {...a11y({ label: `${service.name} ${SERVICE_SETTINGS_LABELS[field]}` })}
          />
          {errors[field] ? (
            <Text className="bdb-service-settings__error" {...a11y({ role: 'alert' })}>
              {`✕ ${errors[field]}`}
            </Text>
          ) : null}
        </View>
      ))}
      <BigButton onClick={() => void save()} disabled={busy} label={`保存${service.name}预约设置`}>
        {busy ? '保存中…' : '保存设置'}
      </BigButton>
      {feedback ? (
        <Text
          className={`bdb-service-settings__feedback bdb-service-settings__feedback--${feedback.kind}`}
          {...a11y({ role: feedback.kind === 'error' ? 'alert' : 'status' })}
        >
          {feedback.kind === 'error' ? `✕ ${feedback.text}` : `✓ ${feedback.text}`}
        </Text>
      ) : null}
    </View>
  );
}
