import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { BookingFlow, myBookingsUrl, useBookingServices } from '@/features/booking';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import type { Remote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import type { BookingServices } from '@/types/contract';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/** Booking one service: `?c=<community>&s=<service>` (from the 预约 button or a poster's code). */
export default function BookPage() {
  const { params } = useRouter();
  const { community, service } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const services = useBookingServices(service ? community : null);

  const backToTonight = () => {
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      title="预约"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-book-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-book-page__body">
        <BookBody services={services} service={community ? service : null} />
        <View className="bdb-book-page__footer">
          <BigButton
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: myBookingsUrl() })}
          >
            我的预约
          </BigButton>
          <BigButton variant="quiet" onClick={backToTonight}>
            回到今晚服务
          </BigButton>
        </View>
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}

function BookBody({
  services,
  service,
}: {
  services: Remote<BookingServices>;
  service: string | null;
}) {
  if (service === null) return <EmptyState text="请在“今晚服务”页选择要预约的服务" />;
  const { data, error } = services;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void services.reload()} />
    ) : (
      <LoadingState text="正在打开预约…" />
    );
  }
  const found = data.services.find((s) => s.id === service);
  if (!found) return <EmptyState text="这个社区没有这项预约服务" />;
  return <BookingFlow data={data} service={found} />;
}
