import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { useDeskRun } from '@/hooks/use-desk-run';
import { a11y } from '@/lib/a11y';
import type { Identity } from '@/types/contract';
import { canSignOut, signOut } from '../api/team';
import './sign-out-button.scss';

export interface SignOutButtonProps {
  /** Called with the browser's new identity (a resident) once signed out. */
  onSignedOut: (identity: Identity) => void;
}

/**
 * 退出登录 (H5): ends this identity in every browser that holds it, e.g. a shared PC at the service
 * center. In the mini-program it explains why there is none.
 */
export function SignOutButton({ onSignedOut }: SignOutButtonProps) {
  const { busy, feedback, run } = useDeskRun();
  if (!canSignOut()) {
    return (
      <Text className="bdb-sign-out__note">
        小程序以微信账号登录，无需退出。离职或换人时，请管理员在社工名单里撤销。
      </Text>
    );
  }
  const leave = async () => {
    const result = await run(signOut);
    if (result.ok) onSignedOut(result.value);
  };
  const error = feedback?.kind === 'error' ? feedback.text : null;
  return (
    <View className="bdb-sign-out">
      <Text className="bdb-sign-out__note">
        退出后，这台设备和其他登录着你身份的浏览器都回到居民身份，要再输入邀请码才能用工作人员功能。
      </Text>
      <BigButton variant="secondary" onClick={() => void leave()} disabled={busy}>
        {busy ? '正在退出…' : '退出登录'}
      </BigButton>
      {error ? (
        <Text className="bdb-sign-out__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
    </View>
  );
}
