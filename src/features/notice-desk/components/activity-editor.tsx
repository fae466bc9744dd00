import { Input, Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { CheckChip, FieldError } from '@/components/desk-parts/desk-parts';
import { a11y, keyActivation } from '@/lib/a11y';
import {
  ACTIVITY_TEXT_MAX,
  dayChoices,
  type ActivityDraft,
  type ActivityErrors,
  type ActivityField,
} from '../model/notice-form';
import './activity-editor.scss';

export interface ActivityEditorProps {
  activity: ActivityDraft;
  /** 0-based place in the list. */
  index: number;
  count: number;
  /** Monday of the notice's week: the activity's day is one of its seven. */
  week: string;
  errors: ActivityErrors | undefined;
  disabled: boolean;
  onChange: (patch: Partial<Omit<ActivityDraft, 'key' | 'id'>>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

interface ToggleProps {
  on: boolean;
  /** Read with the activity's place, e.g. "第 1 个活动 需要报名". */
  label: string;
  /** The fixed words: they never change with the state, which the box and the tick show. */
  text: string;
  onToggle: () => void;
}

/**
 * A setting that takes effect at once: a fixed label ("需要报名") beside a box that is ticked or
 * not (role switch, Space or Enter toggles it), so the words never contradict the state.
 */
function Toggle({ on, label, text, onToggle }: ToggleProps) {
  return <CheckChip role="switch" checked={on} text={text} label={label} onToggle={onToggle} />;
}

/** One activity of a notice: name, day in the week, hours, place, sign-up and places. */
export function ActivityEditor(props: ActivityEditorProps) {
  const { activity: a, index, count, week, errors = {}, disabled } = props;
  const n = `第 ${index + 1} 个活动`;
  const text = (field: ActivityField & keyof ActivityDraft, name: string, placeholder: string) => (
    <View className="bdb-activity-editor__field">
      <Text className="bdb-activity-editor__label">{name}</Text>
      <Input
        className="bdb-activity-editor__input"
        value={String(a[field])}
        placeholder={placeholder}
        maxlength={field === 'capacity' ? 3 : ACTIVITY_TEXT_MAX}
        type={field === 'capacity' ? 'number' : 'text'}
        onInput={(e) => props.onChange({ [field]: e.detail.value })}
        {...a11y({ label: `${n} ${name}` })}
      />
      <FieldError text={errors[field]} />
    </View>
  );

  return (
    <View className="bdb-activity-editor">
      <View className="bdb-activity-editor__head">
        <Text className="bdb-activity-editor__title">{`活动 ${index + 1}`}</Text>
        <View className="bdb-activity-editor__order">
          <BigButton
            variant="quiet"
            disabled={disabled || index === 0}
            onClick={() => props.onMove(-1)}
            label={`${n} 上移`}
          >
            上移
          </BigButton>
          <BigButton
            variant="quiet"
            disabled={disabled || index === count - 1}
            onClick={() => props.onMove(1)}
            label={`${n} 下移`}
          >
            下移
          </BigButton>
          <BigButton
            variant="quiet"
            disabled={disabled}
            onClick={props.onRemove}
            label={`删除${n}`}
          >
            删除
          </BigButton>
        </View>
      </View>
      {text('name', '名称', '如：书法体验课')}
      <View className="bdb-activity-editor__field">
        <Text className="bdb-activity-editor__label">日期</Text>
        <View
          className="bdb-activity-editor__days"
          {...a11y({ role: 'radiogroup', label: `${n} 日期` })}
        >
          {dayChoices(week).map((d) => {
            const selected = d.date === a.date;
            return (
              <View
                key={d.date}
                className={`bdb-activity-editor__day${selected ? ' bdb-activity-editor__day--selected' : ''}`}
                onClick={() => props.onChange({ date: d.date })}
                {...a11y({ role: 'radio', checked: selected, label: `${n} ${d.text}` })}
                {...keyActivation(() => props.onChange({ date: d.date }))}
              >
                {selected ? `✓ ${d.text}` : d.text}
              </View>
            );
          })}
        </View>
        <FieldError text={errors.date} />
      </View>
      <View className="bdb-activity-editor__times">
        {text('startsAt', '开始时间', '18:30')}
        {text('endsAt', '结束时间', '19:30')}
      </View>
      {text('place', '地点', '如：二楼活动室')}
      <Toggle
        on={a.signUp}
        label={`${n} 需要报名`}
        text="需要报名"
        onToggle={() => props.onChange({ signUp: !a.signUp })}
      />
      {a.signUp ? null : (
        <Text className="bdb-activity-editor__hint">不勾选：居民不用报名，直接来</Text>
      )}
      {a.signUp ? (
        <View className="bdb-activity-editor__field">
          <Toggle
            on={a.unlimited}
            label={`${n} 名额不限`}
            text="名额不限"
            onToggle={() => props.onChange({ unlimited: !a.unlimited })}
          />
          {a.unlimited ? <FieldError text={errors.capacity} /> : text('capacity', '名额', '如：12')}
        </View>
      ) : null}
    </View>
  );
}
