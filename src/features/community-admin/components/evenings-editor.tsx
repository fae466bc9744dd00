import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips, FieldError } from '@/components/desk-parts/desk-parts';
import { TextField } from '@/components/text-field/text-field';
import { a11y } from '@/lib/a11y';
import type { ServiceEvening } from '@/types/contract';
import { WEEKDAY_ORDER, WEEKDAYS, type EveningDraft } from '../model/community-form';
import './evenings-editor.scss';

export interface EveningsEditorProps {
  evenings: EveningDraft[];
  /** The server's refusal about the evenings, shown under them. */
  error: string | null;
  disabled: boolean;
  onChange: (key: string, patch: Partial<ServiceEvening>) => void;
  onAdd: () => void;
  onRemove: (key: string) => void;
}

const DAY_CHOICES = WEEKDAY_ORDER.map((d) => ({ value: String(d), text: WEEKDAYS[d] }));

/** 服务时间: one row per weekly evening (weekday, opens, closes), rows added and removed. */
export function EveningsEditor(props: EveningsEditorProps) {
  const { evenings, error, disabled } = props;
  const full = evenings.length >= 7;
  return (
    <View className="bdb-evenings-editor" {...a11y({ role: 'group', label: '服务时间' })}>
      <Text className="bdb-evenings-editor__title">服务时间（每周）</Text>
      <Text className="bdb-evenings-editor__hint">
        每周同一天只能安排一个晚上；时间写成“时:分”，如 17:30
      </Text>
      {evenings.map((e, index) => {
        const n = `第 ${index + 1} 个晚上`;
        return (
          <View key={e.key} className="bdb-evenings-editor__row">
            <View className="bdb-evenings-editor__head">
              <Text className="bdb-evenings-editor__name">{n}</Text>
              <BigButton
                variant="quiet"
                disabled={disabled || evenings.length === 1}
                label={`删除${n}`}
                onClick={() => props.onRemove(e.key)}
              >
                删除
              </BigButton>
            </View>
            <ChoiceChips
              label={`${n} 星期`}
              choices={DAY_CHOICES}
              value={String(e.weekday)}
              disabled={disabled}
              onChange={(day) => props.onChange(e.key, { weekday: Number(day) })}
            />
            <View className="bdb-evenings-editor__times">
              <TextField
                label="开始"
                name={`${n} 开始时间`}
                size="short"
                value={e.opensAt}
                maxlength={5}
                placeholder="17:00"
                disabled={disabled}
                onInput={(opensAt) => props.onChange(e.key, { opensAt })}
              />
              <TextField
                label="结束"
                name={`${n} 结束时间`}
                size="short"
                value={e.closesAt}
                maxlength={5}
                placeholder="20:00"
                disabled={disabled}
                onInput={(closesAt) => props.onChange(e.key, { closesAt })}
              />
            </View>
          </View>
        );
      })}
      <FieldError text={error} />
      <BigButton variant="secondary" disabled={disabled || full} onClick={props.onAdd}>
        {full ? '每天都已安排' : '添加一个晚上'}
      </BigButton>
    </View>
  );
}
