import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { useRemote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import { getNotice } from '../api/get-notice';
import { activityWhen, placesText } from '../model/notice-text';
import { attendeesUrl } from '../model/urls';
import './notice-activities.scss';

/** 报名情况: each activity of a notice with its figures, and the way to its list and check-in. */
export function NoticeActivities({ id }: { id: string }) {
  const notice = useRemote(id, getNotice);
  // Back from an activity's list: its figures may have changed there.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void notice.reload();
    shown.current = true;
  });
  if (!notice.data) {
    return notice.error ? (
      <ErrorState message={errorMessage(notice.error)} onRetry={() => void notice.reload()} />
    ) : (
      <LoadingState text="正在加载报名情况…" />
    );
  }
  return (
    <View className="bdb-notice-activities">
      {notice.data.activities.map((a) => (
        <View key={a.id} className="bdb-notice-activities__row">
          <Text className="bdb-notice-activities__name">{a.name}</Text>
          <Text className="bdb-notice-activities__meta">{activityWhen(a)}</Text>
          <Text className="bdb-notice-activities__meta">{placesText(a)}</Text>
          <BigButton
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: attendeesUrl(a.id) })}
            label={`${a.name} 名单和签到`}
          >
            名单和签到
          </BigButton>
        </View>
      ))}
    </View>
  );
}
