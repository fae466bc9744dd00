import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { eraseMyData } from '../api/follow-ups';
import './erase-panel.scss';

export interface ErasePanelProps {
  /** After the erase: the page loads my lists again. */
  onErased: () => void;
}

type Step = 'idle' | 'confirming' | 'busy' | 'done';

/**
 * 删除我的个人信息, quiet at the bottom of 我的建议: a confirm step that says what goes (phone,
 * name, notes, photos, the link to me) and what stays (anonymous figures), then `followup.erase`.
 */
export function ErasePanel({ onErased }: ErasePanelProps) {
  const [step, setStep] = useState<Step>('idle');
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const erase = async () => {
    if (running.current) return;
    running.current = true;
    setStep('busy');
    setError(null);
    try {
      await eraseMyData();
      setStep('done');
      onErased();
    } catch (e: unknown) {
      setError(errorMessage(e));
      setStep('confirming');
    } finally {
      running.current = false;
    }
  };

  return (
    <View className="bdb-erase-panel">
      {step === 'idle' ? (
        <BigButton variant="quiet" onClick={() => setStep('confirming')}>
          删除我的个人信息
        </BigButton>
      ) : null}
      {step === 'confirming' || step === 'busy' ? (
        <View
          className="bdb-erase-panel__confirm"
          {...a11y({ role: 'group', label: '确认删除我的个人信息' })}
        >
          <Text className="bdb-erase-panel__title">删除我的个人信息</Text>
          <Text className="bdb-erase-panel__text">
            将删除与您有关的个人信息：取号、预约、活动报名、陪同请求、回访、建议和居民点单里的电话、称呼、留言和照片，这些记录也不再和您关联（之后“我的预约”“我的建议”里就看不到它们了）。
          </Text>
          <Text className="bdb-erase-panel__text">
            不含个人信息的统计（如服务人次、满意度、点单票数、建议内容和答复）会匿名保留，用来改进社区服务。删除后不能恢复。
          </Text>
          {error ? (
            <Text className="bdb-erase-panel__error" {...a11y({ role: 'alert' })}>
              {`✕ ${error}`}
            </Text>
          ) : null}
          <View className="bdb-erase-panel__actions">
            <BigButton onClick={() => void erase()} disabled={step === 'busy'}>
              {step === 'busy' ? '正在删除…' : '确认删除'}
            </BigButton>
            <BigButton
              variant="secondary"
              disabled={step === 'busy'}
              onClick={() => {
                setError(null);
                setStep('idle');
              }}
            >
              不删除
            </BigButton>
          </View>
        </View>
      ) : null}
      {step === 'done' ? (
        <Text className="bdb-erase-panel__done" {...a11y({ role: 'status', live: 'polite' })}>
          ✓ 已删除您的个人信息。匿名统计仍会保留。
        </Text>
      ) : null}
    </View>
  );
}
