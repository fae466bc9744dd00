import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { weekdayName } from '@/lib/shanghai-time';
import type { BookableService } from '@/types/contract';
import { configureService } from '../api/configure-service';
import type { ServiceEvenings } from '../hooks/use-service-evenings';
import {
  draftOf,
  isServiceSettingsField,
  parseServiceSettings,
  SERVICE_SETTINGS_LABELS,
  toggleWeekday,
  type ServiceSettingsDraft,
  type ServiceSettingsErrors,
  type ServiceSettingsTextField,
} from '../model/settings-form';
import './service-settings.scss';

export interface ServiceSettingsProps {
  community: string;
  service: BookableService;
  /** The community's service evenings, for the 服务的晚上 toggles. */
  evenings: ServiceEvenings;
  onSaved: (service: BookableService) => void;
  /** False inside a section that already names the service (a folded section's title). */
  heading?: boolean;
}

const FIELDS: Array<{
  field: ServiceSettingsTextField;
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
export function ServiceSettings({
  community,
  service,
  evenings,
  onSaved,
  heading = true,
}: ServiceSettingsProps) {
  const [draft, setDraft] = useState<ServiceSettingsDraft>(() => draftOf(service));
  const [errors, setErrors] = useState<ServiceSettingsErrors>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);

  // Another desk may change the settings: follow them until this form is being edited.
  useEffect(() => {
    if (!dirty) setDraft(draftOf(service));
  }, [service, dirty]);

  const edit = (field: ServiceSettingsTextField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
  };

  const toggle = (weekday: number) => {
    setDraft((d) => ({ ...d, weekdays: toggleWeekday(d.weekdays, weekday) }));
    setDirty(true);
  };

  const save = async () => {
    const parsed = parseServiceSettings(draft, service, evenings.weekdays ?? undefined);
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
      {heading ? (
        <Text className="bdb-service-settings__title">{`${service.name} 预约设置`}</Text>
      ) : null}
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
      <WeekdayToggles
        serviceName={service.name}
        evenings={evenings}
        selected={draft.weekdays}
        error={errors.weekdays}
        onToggle={toggle}
      />
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

interface WeekdayTogglesProps {
  serviceName: string;
  evenings: ServiceEvenings;
  selected: number[];
  error: string | undefined;
  onToggle: (weekday: number) => void;
}

/** Monday first, as on a Chinese calendar: 周一 … 周日. */
const mondayFirst = (a: number, b: number) => ((a + 6) % 7) - ((b + 6) % 7);

/**
 * 服务的晚上: one checkbox per service evening of the community, ticked ones say "✓ 周三" (not
 * colour alone); none ticked means every service evening.
 */
function WeekdayToggles({ serviceName, evenings, selected, error, onToggle }: WeekdayTogglesProps) {
  const label = SERVICE_SETTINGS_LABELS.weekdays;
  // An evening the community no longer holds stays visible while ticked, so it can be unticked.
  const shown = evenings.weekdays
    ? [...new Set([...evenings.weekdays, ...selected])].sort(mondayFirst)
    : [];
  return (
    <View className="bdb-service-settings__field">
      <Text className="bdb-service-settings__label">{label}</Text>
      <Text className="bdb-service-settings__hint">
        只在勾选的晚上开放预约；一个都不选 = 每个服务夜
      </Text>
      {evenings.weekdays ? (
        <>
          <View
            className="bdb-service-settings__weekdays"
            {...a11y({ role: 'group', label: `${serviceName} ${label}` })}
          >
            {shown.map((d) => {
              const on = selected.includes(d);
              return (
                <View
                  key={d}
                  className={`bdb-service-settings__weekday${on ? ' bdb-service-settings__weekday--checked' : ''}`}
                  onClick={() => onToggle(d)}
                  {...a11y({
                    role: 'checkbox',
                    checked: on,
                    label: `${serviceName} ${label} ${weekdayName(d)}`,
                  })}
                >
                  {on ? `✓ ${weekdayName(d)}` : weekdayName(d)}
                </View>
              );
            })}
          </View>
          {selected.length === 0 ? (
            <Text className="bdb-service-settings__hint">现在：每个服务夜都开放</Text>
          ) : null}
        </>
      ) : evenings.error ? (
        <View className="bdb-service-settings__weekdays-error">
          <Text className="bdb-service-settings__error" {...a11y({ role: 'alert' })}>
            {`✕ 读不到本社区的服务夜：${evenings.error}`}
          </Text>
          <BigButton variant="secondary" onClick={() => void evenings.reload()}>
            重试
          </BigButton>
        </View>
      ) : (
        <Text className="bdb-service-settings__hint">正在读取本社区的服务夜…</Text>
      )}
      {error ? (
        <Text className="bdb-service-settings__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
    </View>
  );
}
