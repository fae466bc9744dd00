import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { LoadingState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import type { AssignShiftInput, Shift, StaffMember } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import {
  emptyShift,
  isShiftField,
  memberChoices,
  parseShift,
  type ShiftDraft,
  type ShiftErrors,
} from '../model/roster-form';
import { ChoiceChips, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface ShiftFormProps {
  community: string;
  date: string;
  /** The community's staff (staff.directory), picked by name; null while loading. */
  members: StaffMember[] | null;
  /** My user id: the default, sent as "oneself". */
  me: string | null;
  busy: boolean;
  onAssign: (input: AssignShiftInput) => Promise<RunResult<Shift>>;
  onClose: () => void;
}

/** 排班: a colleague picked by name (oneself by default), and the planned hours. */
export function ShiftForm(props: ShiftFormProps) {
  const { community, date, members, me, busy, onAssign, onClose } = props;
  const [draft, setDraft] = useState<ShiftDraft>(() => emptyShift(me));
  const [errors, setErrors] = useState<ShiftErrors>({});
  const edit = (patch: Partial<ShiftDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const parsed = parseShift(community, date, draft, me);
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const result = await onAssign(parsed.input);
    if (result.ok) onClose();
    else if (result.error instanceof GatewayError && isShiftField(result.error.field)) {
      setErrors({ [result.error.field]: result.message });
    }
  };

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">排班</Text>
      <Text className="bdb-desk-form__label">给谁排</Text>
      {members ? (
        <ChoiceChips
          label="排班给"
          choices={memberChoices(members, me)}
          value={draft.worker || null}
          disabled={busy}
          onChange={(worker) => edit({ worker })}
        />
      ) : (
        <LoadingState text="正在读取本社区的社工…" />
      )}
      <Text className="bdb-desk-form__hint">名单上显示每位社工自己设置的称呼</Text>
      <FieldError text={errors.worker} />
      <View className="bdb-desk-form__row">
        <View>
          <Text className="bdb-desk-form__label">上班</Text>
          <Input
            className="bdb-desk-form__input bdb-desk-form__input--short"
            value={draft.start}
            placeholder="16:30"
            maxlength={5}
            onInput={(e) => edit({ start: e.detail.value })}
            {...a11y({ label: '上班时间' })}
          />
        </View>
        <View>
          <Text className="bdb-desk-form__label">下班</Text>
          <Input
            className="bdb-desk-form__input bdb-desk-form__input--short"
            value={draft.end}
            placeholder="20:00"
            maxlength={5}
            onInput={(e) => edit({ end: e.detail.value })}
            {...a11y({ label: '下班时间' })}
          />
        </View>
      </View>
      <FieldError text={errors.start} />
      <FieldError text={errors.end} />
      <View className="bdb-desk-form__row">
        <BigButton onClick={() => void submit()} disabled={busy}>
          排进值班
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label="不排班">
          取消
        </BigButton>
      </View>
    </View>
  );
}
