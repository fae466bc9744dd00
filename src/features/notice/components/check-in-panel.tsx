import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { formatClock } from '@/lib/shanghai-time';
import { vibrateShort } from '@/lib/vibrate';
import type { Activity } from '@/types/contract';
import { useMySignUps } from '../api/my-sign-ups';
import { useActivityActions, type ActivityActions } from '../hooks/use-activity-actions';
import { activityWhen } from '../model/notice-text';
import { noticeDetailUrl } from '../model/urls';
import './check-in-panel.scss';

export interface CheckInPanelProps {
  activityId: string;
  /** The code from the QR code (or link). */
  code: string;
}

type ActivityInfo = Omit<Activity, 'mine'>;

interface CheckInState {
  actions: ActivityActions;
  /** The activity, once known: one of my sign-ups, or the check-in's answer. */
  activity: ActivityInfo | null;
  /** When I was checked in, or null. */
  attendedAt: string | null;
  /** Checked in just now (else: the QR code was opened again after an earlier check-in). */
  fresh: boolean;
}

function useCheckIn(activityId: string): CheckInState {
  // Only to name the activity: the check-in itself does not depend on it.
  const mine = useMySignUps();
  const known = mine.data?.find((m) => m.activity.id === activityId) ?? null;
  const [done, setDone] = useState<Activity | null>(null);
  const actions = useActivityActions(activityId, (activity) => {
    setDone(activity);
    vibrateShort();
  });
  if (done)
    return { actions, activity: done, attendedAt: done.mine?.attendedAt ?? null, fresh: true };
  return {
    actions,
    activity: known?.activity ?? null,
    attendedAt: known?.signUp.attendedAt ?? null,
    fresh: false,
  };
}

/**
 * What the activity's self check-in QR code opens: the activity (when it is one of mine) and one
 * big 确认签到. Success is said in large words and with a short vibration; a refusal (wrong code,
 * too early, over) in the server's own words.
 */
export function CheckInPanel({ activityId, code }: CheckInPanelProps) {
  const { actions, activity, attendedAt, fresh } = useCheckIn(activityId);
  return (
    <View className="bdb-check-in">
      <Text className="bdb-check-in__title">活动签到</Text>
      {activity ? <ActivityInfoView activity={activity} /> : null}
      <View {...a11y({ role: 'status', live: 'polite' })}>
        {attendedAt ? (
          <CheckInDone
            fresh={fresh}
            attendedAt={attendedAt}
            noticeId={activity?.noticeId ?? null}
          />
        ) : null}
      </View>
      {attendedAt ? null : <ConfirmCheckIn code={code} actions={actions} />}
      {actions.error ? (
        <Text className="bdb-check-in__error" {...a11y({ role: 'alert' })}>
          {`✕ ${actions.error}`}
        </Text>
      ) : null}
    </View>
  );
}

/** Name, when and where. */
function ActivityInfoView({ activity }: { activity: ActivityInfo }) {
  return (
    <View className="bdb-check-in__activity">
      <Text className="bdb-check-in__name">{activity.name}</Text>
      <Text className="bdb-check-in__line">{activityWhen(activity)}</Text>
      <Text className="bdb-check-in__line">{`地点：${activity.place}`}</Text>
    </View>
  );
}

function ConfirmCheckIn({ code, actions }: { code: string; actions: ActivityActions }) {
  return (
    <>
      <Text className="bdb-check-in__line">{`签到码：${code}`}</Text>
      <BigButton
        className="bdb-check-in__confirm"
        onClick={() => void actions.checkIn(code, 'scan')}
        disabled={actions.busy !== null}
      >
        {actions.busy ? '正在签到…' : '确认签到'}
      </BigButton>
    </>
  );
}

interface CheckInDoneProps {
  fresh: boolean;
  attendedAt: string;
  noticeId: string | null;
}

function CheckInDone({ fresh, attendedAt, noticeId }: CheckInDoneProps) {
  return (
    <View className="bdb-check-in__done">
      <Text className="bdb-check-in__icon" {...a11y({ hidden: true })}>
        ✓
      </Text>
      <Text className="bdb-check-in__done-title">{fresh ? '签到成功' : '您已签到'}</Text>
      <Text className="bdb-check-in__done-time">{`签到时间 ${formatClock(attendedAt)}`}</Text>
      {noticeId ? (
        <BigButton
          variant="secondary"
          onClick={() => void Taro.navigateTo({ url: noticeDetailUrl(noticeId) })}
        >
          查看活动通知
        </BigButton>
      ) : null}
    </View>
  );
}
