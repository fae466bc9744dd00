import { Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { Chip } from '@/components/chip-group/chip';
import { a11y } from '@/lib/a11y';
import type { RankedCandidate, Round } from '@/types/contract';
import { useBallot } from '../hooks/use-ballot';
import { ballotOrder } from '../model/ballot';
import { counterText, SOURCE_WORDS } from '../model/survey-text';
import './ballot-form.scss';

export interface BallotFormProps {
  round: Round;
  /** The server's view of the round after my vote. */
  onVoted: (round: Round) => void;
  /** The server says voting has ended: the page loads the round again. */
  onClosed: () => void;
}

const GROUP_LABEL = '请选出您最需要的晚间服务';

/**
 * The open round's ballot: candidates as cards to tick (up to maxChoices, with a counter), then
 * 提交, or 修改我的选择 when I voted before. Too many, none, or the server's refusal in an alert.
 */
export function BallotForm({ round, onVoted, onClosed }: BallotFormProps) {
  const ballot = useBallot(round, onVoted, onClosed);
  const { selected, busy } = ballot;
  const candidates = useMemo(() => ballotOrder(round.ranking), [round.ranking]);
  const full = selected.length >= round.maxChoices;
  return (
    <View className="bdb-survey-ballot">
      <Text className="bdb-survey-ballot__label">{GROUP_LABEL}</Text>
      <View className="bdb-survey-ballot__choices" {...a11y({ role: 'group', label: GROUP_LABEL })}>
        {candidates.map((c) => (
          <CandidateChip
            key={c.id}
            candidate={c}
            checked={selected.includes(c.id)}
            dimmed={full}
            onToggle={() => ballot.toggle(c.id)}
          />
        ))}
      </View>
      <Text className="bdb-survey-ballot__counter" {...a11y({ live: 'polite' })}>
        {counterText(selected.length, round.maxChoices)}
      </Text>
      {ballot.error ? (
        <Text className="bdb-survey-ballot__error" {...a11y({ role: 'alert' })}>
          {`✕ ${ballot.error}`}
        </Text>
      ) : null}
      {ballot.done ? (
        <Text className="bdb-survey-ballot__done" {...a11y({ role: 'status', live: 'polite' })}>
          {`✓ ${ballot.done}`}
        </Text>
      ) : null}
      <BigButton onClick={() => void ballot.submit()} disabled={busy}>
        {busy ? '正在提交…' : round.mine ? '修改我的选择' : '提交'}
      </BigButton>
    </View>
  );
}

interface CandidateChipProps {
  candidate: RankedCandidate;
  checked: boolean;
  /** The limit is reached: the unchosen cards look it (the tap still says why). */
  dimmed: boolean;
  onToggle: () => void;
}

/** One candidate: chosen shows a tick and a thick frame, not colour alone. */
function CandidateChip({ candidate, checked, dimmed, onToggle }: CandidateChipProps) {
  const source = SOURCE_WORDS[candidate.source];
  const classes = [
    'bdb-survey-ballot__chip',
    checked ? 'bdb-survey-ballot__chip--checked' : '',
    dimmed && !checked ? 'bdb-survey-ballot__chip--full' : '',
  ];
  return (
    <Chip
      role="checkbox"
      checked={checked}
      disabled={false}
      className={classes.join(' ').trim()}
      onActivate={onToggle}
    >
      <Text className="bdb-survey-ballot__box" {...a11y({ hidden: true })}>
        {checked ? '✓' : ''}
      </Text>
      <View className="bdb-survey-ballot__text">
        <Text className="bdb-survey-ballot__name">{candidate.name}</Text>
        {source ? <Text className="bdb-survey-ballot__source">{source}</Text> : null}
        {candidate.description ? (
          <Text className="bdb-survey-ballot__desc">{candidate.description}</Text>
        ) : null}
      </View>
    </Chip>
  );
}
