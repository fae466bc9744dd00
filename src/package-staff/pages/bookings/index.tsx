import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { useBookingServices } from '@/features/booking/staff-entry';
import { BookingDesk, useBookingDesk } from '@/features/booking-desk';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { errorMessage } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** The bookings desk of one community: `?c=<community>`. */
export default function BookingsPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const services = useBookingServices(community);
  const desk = useBookingDesk(community, services.data?.dates ?? null);

  usePullDownRefresh(() => {
    void Promise.all([services.reload(), desk.list.reload()]).finally(() =>
      Taro.stopPullDownRefresh(),
    );
  });

  let body;
  if (community === null) {
    body = <Text className="bdb-bookings-page__message">请从“工作人员入口”进入预约管理</Text>;
  } else if (services.data) {
    body = (
      <BookingDesk
        services={services.data}
        desk={desk}
        onSettingsSaved={() => void services.reload()}
      />
    );
  } else if (services.error) {
    body = (
      <ErrorState message={errorMessage(services.error)} onRetry={() => void services.reload()} />
    );
  } else {
    body = <LoadingState text="正在打开预约管理…" />;
  }

  return (
    <AccessibleRoot
      title="预约管理"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-bookings-page"
    >
      {body}
    </AccessibleRoot>
  );
}
