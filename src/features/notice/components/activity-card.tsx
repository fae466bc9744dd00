import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import type { Activity } from '@/types/contract';
import { useActivityActions, type ActivityActions } from '../hooks/use-activity-actions';
import { activityWhen, isActive, mineText, placesText } from '../model/notice-text';
import { CheckInForm } from './check-in-form';
import './activity-card.scss';

export interface ActivityCardProps {
  activity: Activity;
  /** The optional name typed above the activities, sent with a sign-up. */
  name: string;
  /** The notice is no longer published (archived, or a staff preview): nothing to do. */
  closed: boolean;
  /** The activity an action answered with: the page shows it at once. */
  onChanged: (activity: Activity) => void;
  /** After a failed action: the page loads the notice again (places may have changed). */
  onFailed: () => void;
}

type Panel = 'none' | 'cancelling' | 'checkIn';

/** The card's state class: what the resident holds, in a frame colour that repeats the words. */
function stateOf(activity: Activity): string {
  const { mine } = activity;
  if (!mine || mine.status === 'cancelled') return 'open';
  return mine.attendedAt ? 'attended' : mine.status;
}

/**
 * One activity: when, where, places in words, my own state (live, so a screen reader hears the
 * change), and what I can do: 报名 in one tap, 取消报名 with a confirming second tap, 现场签到
 * with the code staff show. The server's refusals are shown as they are, in an alert.
 */
export function ActivityCard({ activity, name, closed, onChanged, onFailed }: ActivityCardProps) {
  const actions = useActivityActions(activity.id, onChanged, onFailed);
  const [panel, setPanel] = useState<Panel>('none');
  const { mine } = activity;
  const state = stateOf(activity);
  const choose = (next: Panel) => {
    setPanel(next);
    actions.clearError();
  };
  const act = async (run: () => Promise<boolean>) => {
    if (await run()) setPanel('none');
  };

  return (
    <View className={`bdb-activity-card bdb-activity-card--${state}`}>
      <Text className="bdb-activity-card__name">{activity.name}</Text>
      <Text className="bdb-activity-card__when">{activityWhen(activity)}</Text>
      <Text className="bdb-activity-card__detail">{`地点：${activity.place}`}</Text>
      <Text className="bdb-activity-card__detail">{placesText(activity)}</Text>
      <View className="bdb-activity-card__mine" {...a11y({ live: 'polite' })}>
        {mine ? (
          <Text className="bdb-activity-card__state">
            {`${state === 'open' || state === 'waitlisted' ? '' : '✓ '}${mineText(mine)}`}
          </Text>
        ) : null}
        {state === 'waitlisted' ? (
          <Text className="bdb-activity-card__detail">有人取消时按顺序转为报名</Text>
        ) : null}
      </View>
      {closed || state === 'attended' ? null : (
        <CardActions
          activity={activity}
          actions={actions}
          panel={panel}
          onPanel={choose}
          onSignUp={() => void act(() => actions.signUp(name))}
          onCancel={() => void act(actions.cancel)}
          onCheckIn={(code) => void act(() => actions.checkIn(code, 'code'))}
        />
      )}
      {actions.error ? (
        <Text className="bdb-activity-card__error" {...a11y({ role: 'alert' })}>
          {`✕ ${actions.error}`}
        </Text>
      ) : null}
    </View>
  );
}

interface CardActionsProps {
  activity: Activity;
  actions: ActivityActions;
  panel: Panel;
  onPanel: (panel: Panel) => void;
  onSignUp: () => void;
  onCancel: () => void;
  onCheckIn: (code: string) => void;
}

function CardActions({
  activity,
  actions,
  panel,
  onPanel,
  onSignUp,
  onCancel,
  onCheckIn,
}: CardActionsProps) {
  const { busy } = actions;
  if (panel === 'cancelling') {
    return (
      <CancelConfirm busy={busy === 'cancel'} onConfirm={onCancel} onKeep={() => onPanel('none')} />
    );
  }
  if (panel === 'checkIn') {
    return (
      <CheckInForm
        activityName={activity.name}
        busy={busy === 'checkIn'}
        onSubmit={onCheckIn}
        onEdit={actions.clearError}
        onClose={() => onPanel('none')}
      />
    );
  }
  const active = isActive(activity.mine);
  const full = activity.left === 0;
  return (
    <View className="bdb-activity-card__actions">
      {activity.signUp && !active ? (
        <BigButton onClick={onSignUp} disabled={busy !== null} label={`报名 ${activity.name}`}>
          {busy === 'signUp' ? '正在报名…' : full ? '报名候补' : '报名'}
        </BigButton>
      ) : null}
      {active ? (
        <BigButton
          variant="secondary"
          onClick={() => onPanel('cancelling')}
          disabled={busy !== null}
          label={`取消报名 ${activity.name}`}
        >
          {activity.mine?.status === 'waitlisted' ? '取消候补' : '取消报名'}
        </BigButton>
      ) : null}
      <BigButton
        variant="secondary"
        onClick={() => onPanel('checkIn')}
        disabled={busy !== null}
        label={`现场签到 ${activity.name}`}
      >
        现场签到
      </BigButton>
    </View>
  );
}

function CancelConfirm({
  busy,
  onConfirm,
  onKeep,
}: {
  busy: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  return (
    <View
      className="bdb-activity-card__confirm"
      {...a11y({ role: 'group', label: '确认取消报名' })}
    >
      <Text className="bdb-activity-card__confirm-text">
        取消后名额会让给候补的居民，确定取消报名吗？
      </Text>
      <View className="bdb-activity-card__actions">
        <BigButton onClick={onConfirm} disabled={busy}>
          {busy ? '正在取消…' : '确认取消'}
        </BigButton>
        <BigButton variant="secondary" onClick={onKeep} disabled={busy}>
          不取消
        </BigButton>
      </View>
    </View>
  );
}
