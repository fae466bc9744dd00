import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import { formatDate, shanghaiDate } from '@/lib/shanghai-time';
import type { OpenRoundInput, Round } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { isCalendarDate } from '@/lib/calendar-date';
import { useRemote } from '@/hooks/use-remote';
import type { AdoptedProposal } from '@/types/contract';
import { listAdopted } from '../api/survey';
import {
  addAdopted,
  addProposal,
  isAdded,
  DESCRIPTION_MAX,
  editProposal,
  emptyRound,
  isRoundField,
  KIND_CHOICES,
  MENU_SIZE,
  NAME_MAX,
  parseRound,
  PROPOSALS_MAX,
  removeProposal,
  TITLE_MAX,
  type ProposalDraft,
  type ProposalErrors,
  type RoundDraft,
  type RoundErrors,
} from '../model/round-form';
import { ChoiceChips, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface OpenRoundFormProps {
  community: string;
  busy: boolean;
  onOpen: (input: OpenRoundInput) => Promise<RunResult<Round>>;
  onClose: () => void;
}

const CHOICE_COUNTS = Array.from({ length: MENU_SIZE }, (_, i) => ({
  value: String(i + 1),
  text: `${i + 1} 项`,
}));

/** 开一轮点单: the current services are candidates anyway; staff add what might be new. */
export function OpenRoundForm({ community, busy, onOpen, onClose }: OpenRoundFormProps) {
  const [draft, setDraft] = useState<RoundDraft>(() => emptyRound(shanghaiDate()));
  const [errors, setErrors] = useState<RoundErrors>({});
  const edit = (patch: Partial<RoundDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const parsed = parseRound(community, draft, shanghaiDate());
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const result = await onOpen(parsed.input);
    if (result.ok) onClose();
    else if (result.error instanceof GatewayError && isRoundField(result.error.field)) {
      setErrors({ [result.error.field]: result.message });
    }
  };

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">开一轮点单</Text>
      <Text className="bdb-desk-form__hint">
        社区现有的服务会自动列为候选；想试的新服务在下面添加，居民一起投票
      </Text>
      <Text className="bdb-desk-form__label">标题</Text>
      <Input
        className="bdb-desk-form__input"
        value={draft.title}
        placeholder="如：2027 年上半年 服务点单"
        maxlength={TITLE_MAX}
        onInput={(e) => edit({ title: e.detail.value })}
        {...a11y({ label: '点单标题' })}
      />
      <FieldError text={errors.title} />
      <Text className="bdb-desk-form__label">每人最多选几项</Text>
      <ChoiceChips
        label="每人最多选"
        choices={CHOICE_COUNTS}
        value={String(draft.maxChoices)}
        disabled={busy}
        onChange={(n) => edit({ maxChoices: Number(n) })}
      />
      <FieldError text={errors.maxChoices} />
      <Text className="bdb-desk-form__label">投票截止日期（含当天）</Text>
      <Picker
        mode="date"
        value={draft.closesOn}
        onChange={(e) => edit({ closesOn: String(e.detail.value) })}
      >
        <View className="bdb-desk-form__picker" {...a11y({ label: `截止日期 ${draft.closesOn}` })}>
          {isCalendarDate(draft.closesOn) ? `${formatDate(draft.closesOn)} 截止` : '点这里选择日期'}
        </View>
      </Picker>
      <FieldError text={errors.closesOn} />
      <AdoptedList
        community={community}
        draft={draft}
        busy={busy}
        onAdd={(a) => setDraft((d) => addAdopted(d, a))}
      />
      <Text className="bdb-desk-form__label">{`新服务（${draft.proposals.length} 项）`}</Text>
      {draft.proposals.map((p, index) => (
        <ProposalRow
          key={p.key}
          proposal={p}
          index={index}
          errors={errors.items?.[p.key]}
          busy={busy}
          onChange={(patch) => setDraft((d) => editProposal(d, p.key, patch))}
          onRemove={() => setDraft((d) => removeProposal(d, p.key))}
        />
      ))}
      <FieldError text={errors.proposals} />
      {draft.proposals.length < PROPOSALS_MAX ? (
        <BigButton
          variant="secondary"
          disabled={busy}
          onClick={() => setDraft((d) => addProposal(d))}
        >
          添加一项新服务
        </BigButton>
      ) : null}
      <View className="bdb-desk-form__row">
        <BigButton onClick={() => void submit()} disabled={busy}>
          开始点单
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label="不开点单">
          取消
        </BigButton>
      </View>
    </View>
  );
}

interface AdoptedListProps {
  community: string;
  draft: RoundDraft;
  busy: boolean;
  onAdd: (adopted: AdoptedProposal) => void;
}

/** 已采纳的建议: each joins the round as a new service with one tap, linked to its suggestion. */
function AdoptedList({ community, draft, busy, onAdd }: AdoptedListProps) {
  const adopted = useRemote(`adopted:${community}`, () => listAdopted(community));
  if (adopted.error) {
    return (
      <Text className="bdb-desk-form__hint">
        已采纳的建议没有加载出来，可以稍后再开，或手动添加
      </Text>
    );
  }
  const items = adopted.data ?? [];
  if (items.length === 0) return null;
  return (
    <View className="bdb-desk-form__item" {...a11y({ role: 'group', label: '已采纳的建议' })}>
      <Text className="bdb-desk-form__label">{`已采纳的建议（${items.length} 条）`}</Text>
      {items.map((a) => {
        const added = isAdded(draft, a.suggestionId);
        return (
          <View key={a.suggestionId} className="bdb-desk-form__row">
            <Text className="bdb-desk-form__hint">{`${a.receipt}：${a.text}`}</Text>
            <BigButton
              variant="secondary"
              disabled={busy || added || draft.proposals.length >= PROPOSALS_MAX}
              onClick={() => onAdd(a)}
              label={added ? `建议 ${a.receipt} 已列入` : `把建议 ${a.receipt} 列入点单`}
            >
              {added ? '已列入' : '列入点单'}
            </BigButton>
          </View>
        );
      })}
    </View>
  );
}

interface ProposalRowProps {
  proposal: ProposalDraft;
  index: number;
  errors: ProposalErrors | undefined;
  busy: boolean;
  onChange: (patch: Partial<Omit<ProposalDraft, 'key'>>) => void;
  onRemove: () => void;
}

function ProposalRow({
  proposal: p,
  index,
  errors = {},
  busy,
  onChange,
  onRemove,
}: ProposalRowProps) {
  const n = `第 ${index + 1} 项新服务`;
  return (
    <View className="bdb-desk-form__item">
      <Text className="bdb-desk-form__label">{n}</Text>
      {p.receipt ? (
        <Text className="bdb-desk-tag bdb-desk-tag--source">{`来自居民建议 ${p.receipt}`}</Text>
      ) : null}
      <Input
        className="bdb-desk-form__input"
        value={p.name}
        placeholder="名称，如：手机使用课"
        maxlength={NAME_MAX}
        onInput={(e) => onChange({ name: e.detail.value })}
        {...a11y({ label: `${n} 名称` })}
      />
      <FieldError text={errors.name} />
      <ChoiceChips
        label={`${n} 服务方式`}
        choices={KIND_CHOICES}
        value={p.kind}
        disabled={busy}
        onChange={(kind) => onChange({ kind })}
      />
      <FieldError text={errors.kind} />
      <Input
        className="bdb-desk-form__input"
        value={p.description}
        placeholder="一句话说明（选填），如：教老人用手机挂号、缴费"
        maxlength={DESCRIPTION_MAX}
        onInput={(e) => onChange({ description: e.detail.value })}
        {...a11y({ label: `${n} 说明` })}
      />
      <FieldError text={errors.description} />
      <BigButton variant="quiet" disabled={busy} onClick={onRemove} label={`删除${n}`}>
        删除这项
      </BigButton>
    </View>
  );
}
