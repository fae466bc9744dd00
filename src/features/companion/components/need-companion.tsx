import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { useCompanionRequest } from '../hooks/use-companion-request';
import { NOTE_MAX } from '../model/about';
import './need-companion.scss';

export interface NeedCompanionProps {
  community: string;
  /** "取号 A012", "预约 政务服务 19:00". */
  about: string;
  /** A booking's evening; omitted for tonight's ticket. */
  date?: string;
}

const NOTE_LABEL = '想告诉社工的话（选填）';
export const COMPANION_SENT = '已通知社工，请在服务台稍候';

/**
 * "需要社工陪同" (a deaf or elderly resident, say): a quiet secondary button that opens an optional
 * note, then tells the social workers on duty. The answer is text on screen, never sound alone.
 */
export function NeedCompanion({ community, about, date }: NeedCompanionProps) {
  const [open, setOpen] = useState(false);
  const request = useCompanionRequest(community, about, date);
  const { busy, sent } = request;

  if (sent) {
    return (
      <View className="bdb-companion bdb-companion--sent" {...a11y({ role: 'status' })}>
        <Text className="bdb-companion__icon" {...a11y({ hidden: true })}>
          ✓
        </Text>
        <Text className="bdb-companion__sent">{COMPANION_SENT}</Text>
        {sent.note ? <Text className="bdb-companion__text">{`您的留言：${sent.note}`}</Text> : null}
      </View>
    );
  }
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
      <Text className="bdb-companion__text">{`社工会到服务台陪您办理（${about}）。`}</Text>
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
