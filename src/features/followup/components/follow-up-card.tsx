import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceGroup } from '@/components/choice-group/choice-group';
import { a11y } from '@/lib/a11y';
import { errorMessage, GatewayError } from '@/lib/gateway';
import type { ResidentFollowUp, Satisfaction, Solved } from '@/types/contract';
import { answerFollowUp } from '../api/follow-ups';
import { SOLVED_CHOICES, submitUrl } from '@/features/suggestion';
import {
  followUpTopic,
  NOTE_MAX,
  SATISFACTION_CHOICES,
  servicesText,
} from '../model/followup-text';
import './follow-up-card.scss';

export interface FollowUpCardProps {
  followUp: ResidentFollowUp;
  /** After an answer: what the server says is still pending. */
  onAnswered: (pending: ResidentFollowUp[]) => void;
}

/** One pending follow-up: a question to answer here, or an invitation to make a suggestion. */
export function FollowUpCard({ followUp, onAnswered }: FollowUpCardProps) {
  const services = servicesText(followUp);
  return (
    <View className={`bdb-follow-up bdb-follow-up--${followUp.kind}`}>
      <Text className="bdb-follow-up__title">{`${followUpTopic(followUp)} · ${followUp.communityName}`}</Text>
      {services ? <Text className="bdb-follow-up__services">{`您用过：${services}`}</Text> : null}
      {followUp.kind === 'ask' ? (
        <AskForm followUp={followUp} onAnswered={onAnswered} />
      ) : (
        <Invite followUp={followUp} />
      )}
    </View>
  );
}

function Invite({ followUp }: { followUp: ResidentFollowUp }) {
  return (
    <>
      <Text className="bdb-follow-up__text">
        谢谢您接受回访。还有什么想法，欢迎提建议，社区会逐条答复。
      </Text>
      <BigButton
        onClick={() => void Taro.navigateTo({ url: submitUrl(followUp.community, followUp.id) })}
        label={`提建议，${followUpTopic(followUp)}`}
      >
        提建议
      </BigButton>
    </>
  );
}

const SATISFACTION_LABEL = '这次服务您满意吗？';
const SOLVED_LABEL = '您的问题解决了吗？';
const NOTE_LABEL = '还想说点什么（选填）';

interface AskErrors {
  satisfaction?: string;
  solved?: string;
}

/** Refusals after which the question is gone (answered elsewhere, closed, not mine). */
const isFinal = (e: unknown) =>
  e instanceof GatewayError && (e.code === 'CONFLICT' || e.code === 'NOT_FOUND');

function AskForm({ followUp, onAnswered }: FollowUpCardProps) {
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [solved, setSolved] = useState<Solved | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<AskErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [closed, setClosed] = useState(false);
  const running = useRef(false);

  const send = async () => {
    if (running.current) return;
    const missing: AskErrors = {
      ...(satisfaction ? {} : { satisfaction: '请选择您是否满意' }),
      ...(solved ? {} : { solved: '请选择问题是否解决' }),
    };
    setErrors(missing);
    setError(null);
    if (!satisfaction || !solved) return;
    running.current = true;
    setBusy(true);
    try {
      const trimmed = note.trim();
      const pending = await answerFollowUp({
        id: followUp.id,
        satisfaction,
        solved,
        ...(trimmed ? { note: trimmed } : {}),
      });
      onAnswered(pending);
    } catch (e: unknown) {
      setError(errorMessage(e));
      // Nothing left to answer: the message stays, the form goes (it would only fail again).
      setClosed(isFinal(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  if (closed) return <Alert text={error} />;
  return (
    <View
      className="bdb-follow-up__form"
      {...a11y({ role: 'group', label: `回访：${followUpTopic(followUp)}` })}
    >
      <Text className="bdb-follow-up__question">{SATISFACTION_LABEL}</Text>
      <ChoiceGroup
        label={SATISFACTION_LABEL}
        choices={SATISFACTION_CHOICES}
        selected={satisfaction}
        onSelect={(s) => {
          setSatisfaction(s);
          setErrors((e) => ({ ...e, satisfaction: undefined }));
          setError(null);
        }}
        disabled={busy}
      />
      <Alert text={errors.satisfaction} />
      <Text className="bdb-follow-up__question">{SOLVED_LABEL}</Text>
      <ChoiceGroup
        label={SOLVED_LABEL}
        choices={SOLVED_CHOICES}
        selected={solved}
        onSelect={(s) => {
          setSolved(s);
          setErrors((e) => ({ ...e, solved: undefined }));
          setError(null);
        }}
        disabled={busy}
      />
      <Alert text={errors.solved} />
      <Text className="bdb-follow-up__question">{NOTE_LABEL}</Text>
      <Textarea
        className="bdb-follow-up__note"
        value={note}
        placeholder="比如哪里好、哪里还能改进"
        maxlength={NOTE_MAX}
        autoHeight
        disabled={busy}
        onInput={(e) => setNote(e.detail.value)}
        {...a11y({ label: NOTE_LABEL })}
      />
      <Alert text={error} />
      <BigButton onClick={() => void send()} disabled={busy}>
        {busy ? '正在提交…' : '提交回复'}
      </BigButton>
    </View>
  );
}

function Alert({ text }: { text: string | null | undefined }) {
  return text ? (
    <Text className="bdb-follow-up__error" {...a11y({ role: 'alert' })}>
      {`✕ ${text}`}
    </Text>
  ) : null;
}
