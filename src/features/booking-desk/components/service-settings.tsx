import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { chipClass } from '@/components/chip-group/chip-props';
import { FeedbackLine, FieldError } from '@/components/desk-parts/desk-parts';
import { TextField } from '@/components/text-field/text-field';
import { fieldOf, isFieldRefusal, useDeskRun } from '@/hooks/use-desk-run';
import { a11y } from '@/lib/a11y';
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
import '@/components/chip-group/chip-group.scss';
import '@/components/desk-parts/desk-forms.scss';

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
  const [dirty, setDirty] = useState(false);
  const desk = useDeskRun();
  const { busy } = desk;

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
    desk.setFeedback(null);
    if (Object.keys(parsed.errors).length > 0) return;
    if (Object.keys(parsed.patch).length === 0) {
      desk.setFeedback({ kind: 'success', text: '设置没有改动' });
      return;
    }
    const result = await desk.run(
      () => configureService({ community, service: service.id, ...parsed.patch }),
      { done: '设置已保存', isField: isServiceSettingsField },
    );
    if (result.ok) {
      setDirty(false);
      onSaved(result.value);
    } else if (isFieldRefusal(result, isServiceSettingsField)) {
      setErrors({ [fieldOf(result)]: result.message });
    }
  };

  return (
    <View className="bdb-desk-card">
      {heading ? <Text className="bdb-desk-card__name">{`${service.name} 预约设置`}</Text> : null}
      {FIELDS.map(({ field, placeholder, numeric, hint }) => (
        <TextField
          key={field}
          label={SERVICE_SETTINGS_LABELS[field]}
          name={`${service.name} ${SERVICE_SETTINGS_LABELS[field]}`}
          hint={hint}
          value={draft[field]}
          type={numeric ? 'number' : 'text'}
          placeholder={placeholder}
          maxlength={numeric ? 4 : 200}
          onInput={(value) => edit(field, value)}
          error={errors[field]}
        />
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
      <FeedbackLine feedback={desk.feedback} />
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
    <View className="bdb-field">
      <Text className="bdb-field__label">{label}</Text>
      <Text className="bdb-field__hint">只在勾选的晚上开放预约；一个都不选 = 每个服务夜</Text>
      {evenings.weekdays ? (
        <>
          <View
            className="bdb-chips"
            {...a11y({ role: 'group', label: `${serviceName} ${label}` })}
          >
            {shown.map((d) => {
              const on = selected.includes(d);
              return (
                <View
                  key={d}
                  className={chipClass('bdb-chip', on, false, 'bdb-chip--check')}
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
            <Text className="bdb-field__hint">现在：每个服务夜都开放</Text>
          ) : null}
        </>
      ) : evenings.error ? (
        <View className="bdb-desk-page__list">
          <FieldError text={`读不到本社区的服务夜：${evenings.error}`} />
          <BigButton variant="secondary" onClick={() => void evenings.reload()}>
            重试
          </BigButton>
        </View>
      ) : (
        <Text className="bdb-field__hint">正在读取本社区的服务夜…</Text>
      )}
      <FieldError text={error} />
    </View>
  );
}
