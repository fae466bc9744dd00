import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { useCompanionRequest } from '../hooks/use-companion-request';
import { companionStateText, NOTE_MAX, type CompanionSubject } from '../model/about';
import './need-companion.scss';

export interface NeedCompanionProps {
  /** The ticket or booking the request travels with. */
  subject: CompanionSubject;
}

const NOTE_LABEL = '想告诉社工的话（选填）';

/**
 * "需要社工陪同" (a deaf or elderly resident, say): a quiet secondary button that opens an optional
 * note, then tells the social workers on duty. Once asked (also after a reload) the button gives
 * way to the request's state: received, or who accompanies. Text on screen, never sound alone.
 */
export function NeedCompanion({ subject }: NeedCompanionProps) {
  const [open, setOpen] = useState(false);
  const request = useCompanionRequest(subject.kind, subject.ref);
  const { busy, sent } = request;

  if (sent) {
    const assigned = sent.status !== 'waiting';
    return (
      <View
        className={`bdb-companion bdb-companion--sent${assigned ? ' bdb-companion--assigned' : ''}`}
        {...a11y({ role: 'status' })}
      >
        <Text className="bdb-companion__icon" {...a11y({ hidden: true })}>
          ✓
        </Text>
        <Text className="bdb-companion__sent">{companionStateText(sent)}</Text>
        {sent.note ? <Text className="bdb-companion__text">{`您的留言：${sent.note}`}</Text> : null}
      </View>
    );
  }
  // While the page asks whether a request was already made, no button to tap twice.
  if (request.loading) return null;
  if (!open) {
    return (
      <BigButton variant="secondary" onClick={() => setOpen(true)}>
        需要社工陪同
      </BigButton>
    );
  }
  return (
    <View className="bdb-companion" {...a11y({ role: 'group', label: '需要社工陪同' })}>
      <Text className="bdb-companion__title">需要社工陪同</Text>
      <Text className="bdb-companion__text">
        {subject.kind === 'ticket'
          ? '叫到您的号时，社工会到服务台陪您办理。'
          : '您预约的时段，社工会到服务台陪您办理。'}
      </Text>
      <Text className="bdb-companion__label">{NOTE_LABEL}</Text>
      <Input
        className="bdb-companion__input"
        value={request.note}
        placeholder="如：听障，请用文字沟通"
        maxlength={NOTE_MAX}
        disabled={busy}
        onInput={(e) => request.setNote(e.detail.value)}
        {...a11y({ label: NOTE_LABEL })}
      />
      <Text className="bdb-companion__hint">只有值班社工能看到您的留言，服务夜过后自动删除</Text>
      {request.error ? (
        <Text className="bdb-companion__error" {...a11y({ role: 'alert' })}>
          {`✕ ${request.error}`}
        </Text>
      ) : null}
      <View className="bdb-companion__actions">
        <BigButton onClick={() => void request.send()} disabled={busy}>
          {busy ? '正在通知…' : '通知社工'}
        </BigButton>
        <BigButton variant="quiet" onClick={() => setOpen(false)} disabled={busy}>
          先不用
        </BigButton>
      </View>
    </View>
  );
}
