import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { Switch } from '@/components/switch/switch';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import type { ContactPreference } from '@/types/contract';
import { setContactPreference, useContactPreference } from '../api/contact';
import './contact-switch.scss';

/**
 * 不要电话回访 on 我的建议: a switch that takes effect at once. On, the community asks about an
 * evening here in the app and never phones; the resident turns it back off any time.
 */
export function ContactSwitch() {
  const remote = useContactPreference();
  const [saved, setSaved] = useState<ContactPreference | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const current = saved ?? remote.data;

  const toggle = async () => {
    if (running.current || !current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      setSaved(await setContactPreference(!current.noCalls));
    } catch (e: unknown) {
      setError(errorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  if (!current) {
    return remote.error ? (
      <View className="bdb-contact-switch">
        <Text className="bdb-contact-switch__text">{`回访方式没有加载出来：${errorMessage(remote.error)}`}</Text>
        <BigButton variant="secondary" onClick={() => void remote.reload()}>
          重新加载回访方式
        </BigButton>
      </View>
    ) : null;
  }
  return (
    <View className="bdb-contact-switch" {...a11y({ role: 'group', label: '回访方式' })}>
      <Text className="bdb-contact-switch__title">回访方式</Text>
      <Switch
        checked={current.noCalls}
        disabled={busy}
        text="不要电话回访，只在小程序里问我"
        onToggle={() => void toggle()}
      />
      <Text className="bdb-contact-switch__text" {...a11y({ role: 'status', live: 'polite' })}>
        {current.noCalls
          ? '社区不会给您打回访电话，服务后的问题会出现在本页“待回复的回访”里。'
          : '服务后社区可能会打电话问问您的感受，也可以随时改成只在小程序里问。'}
      </Text>
      {error ? (
        <Text className="bdb-contact-switch__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
    </View>
  );
}
