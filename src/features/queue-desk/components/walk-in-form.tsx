import { Input, Text, View } from '@tarojs/components';
import { memo, useRef, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { newRequestId } from '@/lib/request-id';
import type { LineRef, StaffTicket } from '@/types/contract';
import { addWalkIn } from '../api/add-walk-in';
import type { QueueDeskState } from '../hooks/use-queue-desk';
import './walk-in-form.scss';

export interface WalkInFormProps {
  line: LineRef;
  run: QueueDeskState['run'];
}

const NOTE_MAX = 40;

/** The page builds `line` again on each render: the same line is the same props. */
export const sameLine = (a: LineRef, b: LineRef) =>
  a.community === b.community && a.queue === b.queue;

const sameProps = (a: WalkInFormProps, b: WalkInFormProps) =>
  sameLine(a.line, b.line) && a.run === b.run;

/**
 * A number for a resident without a phone; the label is shown big enough to copy onto a slip.
 * Rendered again only when its own props change: each render of a controlled input resends its
 * value to the view layer (issue #15).
 */
export const WalkInForm = memo(function WalkInForm({ line, run }: WalkInFormProps) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<StaffTicket | null>(null);
  // A retry after a failure reuses the request id: no second slip for the same resident.
  const pending = useRef<{ note: string; id: string } | null>(null);

  const submit = async () => {
    const trimmed = note.trim();
    if (!trimmed) {
      setError('请填写称呼或特征，方便叫号时认人');
      return;
    }
    const requestId = pending.current?.note === trimmed ? pending.current.id : newRequestId();
    pending.current = { note: trimmed, id: requestId };
    setError(null);
    const answer: { ticket: StaffTicket | null } = { ticket: null };
    const message = await run(async () => {
      const desk = await addWalkIn({ ...line, note: trimmed, requestId });
      answer.ticket = desk.issued;
      return desk;
    });
    if (message) {
      setError(message);
      return;
    }
    pending.current = null;
    setIssued(answer.ticket);
    setNote('');
  };

  return (
    <View className="bdb-walk-in">
      <Text className="bdb-walk-in__title">现场取号</Text>
      <Text className="bdb-walk-in__hint">给没有手机的居民取号，暂停取号时也可以添加</Text>
      <Input
        className="bdb-walk-in__input"
        value={note}
        placeholder="称呼或特征，如：王阿姨，红外套"
        maxlength={NOTE_MAX}
        onInput={(e) => setNote(e.detail.value)}
        onConfirm={() => void submit()}
        {...a11y({ label: '现场号备注' })}
      />
      <BigButton onClick={() => void submit()}>添加现场号</BigButton>
      {error ? (
        <Text className="bdb-walk-in__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
      {issued ? (
        <View className="bdb-walk-in__result" {...a11y({ role: 'status', live: 'polite' })}>
          <Text className="bdb-walk-in__for">{`现场号（${issued.note}）`}</Text>
          <Text className="bdb-walk-in__label" selectable>
            {issued.label}
          </Text>
          <Text className="bdb-walk-in__for">请把号码写在纸条上交给居民</Text>
        </View>
      ) : null}
    </View>
  );
}, sameProps);
