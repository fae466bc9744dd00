import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import type {
  CallOutcome,
  FollowUpTask,
  RecordCallInput,
  Satisfaction,
  Solved,
} from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import type { Category } from '../hooks/use-categories';
import { OUTCOME_LABELS, SATISFACTION_LABELS, SOLVED_LABELS } from '../model/call-text';
import {
  EMPTY_RECORD,
  isRecordField,
  NOTE_MAX,
  parseRecord,
  saveText,
  SUGGESTION_MAX,
  type RecordDraft,
  type RecordErrors,
} from '../model/record-form';
import { ChoiceChips, FieldError, type Choice } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';
import './record-form.scss';

const choicesOf = <T extends string>(labels: Record<T, string>): Array<Choice<T>> =>
  (Object.keys(labels) as T[]).map((value) => ({ value, text: labels[value] }));

const OUTCOMES = choicesOf<CallOutcome>(OUTCOME_LABELS);
const SATISFACTIONS = choicesOf<Satisfaction>(SATISFACTION_LABELS);
const SOLVED = choicesOf<Solved>(SOLVED_LABELS);

export interface RecordFormProps {
  task: FollowUpTask;
  categories: Category[];
  busy: boolean;
  /** Sends the record; the desk tells what came of it. */
  onRecord: (input: RecordCallInput) => Promise<RunResult<FollowUpTask>>;
}

/** What the call came to: outcome buttons, and on 接通 the resident's verdict and suggestion. */
export function RecordForm({ task, categories, busy, onRecord }: RecordFormProps) {
  const [draft, setDraft] = useState<RecordDraft>(EMPTY_RECORD);
  const [errors, setErrors] = useState<RecordErrors>({});
  const edit = (patch: Partial<RecordDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const parsed = parseRecord(task.id, draft);
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const result = await onRecord(parsed.input);
    if (result.ok) {
      setDraft(EMPTY_RECORD);
    } else if (result.error instanceof GatewayError && isRecordField(result.error.field)) {
      setErrors({ [result.error.field]: result.message });
    }
  };

  const who = task.name;
  return (
    <View className="bdb-desk-section bdb-record-form">
      <Text className="bdb-desk-form__label">这次电话</Text>
      <ChoiceChips
        label={`${who} 电话结果`}
        choices={OUTCOMES}
        value={draft.outcome}
        disabled={busy}
        onChange={(outcome) => edit({ outcome })}
      />
      <FieldError text={errors.outcome} />
      {draft.outcome === 'reached' ? (
        <ReachedFields
          who={who}
          draft={draft}
          errors={errors}
          categories={categories}
          busy={busy}
          edit={edit}
        />
      ) : null}
      <BigButton onClick={() => void submit()} disabled={busy} label={`${who} ${saveText(draft)}`}>
        {saveText(draft)}
      </BigButton>
    </View>
  );
}

interface ReachedFieldsProps {
  who: string;
  draft: RecordDraft;
  errors: RecordErrors;
  categories: Category[];
  busy: boolean;
  edit: (patch: Partial<RecordDraft>) => void;
}

/** On 接通: 满意度, 问题是否解决, a note, and a suggestion filed for the resident. */
function ReachedFields({ who, draft, errors, categories, busy, edit }: ReachedFieldsProps) {
  return (
    <>
      <Text className="bdb-desk-form__label">满意度</Text>
      <ChoiceChips
        label={`${who} 满意度`}
        choices={SATISFACTIONS}
        value={draft.satisfaction}
        disabled={busy}
        onChange={(satisfaction) => edit({ satisfaction })}
      />
      <FieldError text={errors.satisfaction} />
      <Text className="bdb-desk-form__label">问题是否解决</Text>
      <ChoiceChips
        label={`${who} 问题是否解决`}
        choices={SOLVED}
        value={draft.solved}
        disabled={busy}
        onChange={(solved) => edit({ solved })}
      />
      <FieldError text={errors.solved} />
      <Text className="bdb-desk-form__label">备注（选填）</Text>
      <Textarea
        className="bdb-desk-form__textarea"
        value={draft.note}
        placeholder="居民说了什么，需要跟进什么"
        maxlength={NOTE_MAX}
        autoHeight
        onInput={(e) => edit({ note: e.detail.value })}
        {...a11y({ label: `${who} 回访备注` })}
      />
      <FieldError text={errors.note} />
      <View className="bdb-record-form__suggest">
        <Text className="bdb-desk-form__label">代居民提建议（选填）</Text>
        <Text className="bdb-desk-form__hint">
          居民在电话里提的建议，会以“回访代提”记入建议处理
        </Text>
        <ChoiceChips
          label={`${who} 建议类别`}
          choices={categories.map((c) => ({ value: c.id, text: c.name }))}
          value={draft.category}
          disabled={busy}
          onChange={(category) => edit({ category })}
        />
        <FieldError text={errors.category} />
        <Textarea
          className="bdb-desk-form__textarea"
          value={draft.suggestion}
          placeholder="如：希望周五晚上也能开放"
          maxlength={SUGGESTION_MAX}
          autoHeight
          onInput={(e) => edit({ suggestion: e.detail.value })}
          {...a11y({ label: `${who} 代提的建议` })}
        />
        <FieldError text={errors.suggestion} />
      </View>
    </>
  );
}
