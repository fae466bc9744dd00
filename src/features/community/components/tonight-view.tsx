import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { errorMessage, GatewayError } from '@/lib/gateway';
import type { Remote } from '@/hooks/use-remote';
import { formatDateLine, formatEvenings } from '@/lib/shanghai-time';
import type { ServiceInfo, Tonight } from '@/types/contract';
import { tonightStatus } from '../model/tonight-status';
import { DemoClockBanner } from './demo-clock-banner';
import { ServiceList } from './service-list';
import { StatusCard } from './status-card';
import './tonight-view.scss';

/** What the page adds to the tonight view (queue actions live in another feature). */
interface TonightSlots {
  /** Under the status card, e.g. the "我的号" entry. */
  extra?: ReactNode;
  /** Per service, under its description, e.g. the 取号 button. */
  renderServiceAction?: (service: ServiceInfo) => ReactNode;
  /**
   * The service named by the QR code (`q`) or link (`s`): lifted to the top of the page, action
   * and all, so it is on the first screen.
   */
  highlightService?: string | null;
  /** The server's clock (epoch ms): the status follows it. Without it, as the answer was made. */
  now?: number;
}

export interface TonightViewProps extends TonightSlots {
  tonight: Remote<Tonight>;
  onSwitchCommunity: () => void;
  onRefresh: () => void;
}

/** Tonight at one community: loading, failure (with retry) or the full picture. */
export function TonightView({ tonight, onSwitchCommunity, onRefresh, ...slots }: TonightViewProps) {
  const { data, error } = tonight;
  if (!data && error) {
    const unknownCommunity = error instanceof GatewayError && error.code === 'NOT_FOUND';
    return (
      <ErrorState message={errorMessage(error)} onRetry={onRefresh}>
        {unknownCommunity ? (
          <BigButton variant="secondary" onClick={onSwitchCommunity}>
            换个社区
          </BigButton>
        ) : null}
      </ErrorState>
    );
  }
  if (!data) return <LoadingState />;
  return (
    <TonightDetails
      data={data}
      onSwitchCommunity={onSwitchCommunity}
      onRefresh={onRefresh}
      {...slots}
    />
  );
}

interface TonightDetailsProps extends TonightSlots {
  data: Tonight;
  onSwitchCommunity: () => void;
  onRefresh: () => void;
}

function TonightDetails({
  data,
  onSwitchCommunity,
  onRefresh,
  extra,
  renderServiceAction,
  highlightService,
  now,
}: TonightDetailsProps) {
  const scanned = data.services.find((s) => s.id === highlightService) ?? null;
  const others = scanned ? data.services.filter((s) => s !== scanned) : data.services;
  return (
    <View className="bdb-tonight">
      <View className="bdb-tonight__header">
        <View className="bdb-tonight__heading">
          <Text className="bdb-tonight__name">{data.community.name}</Text>
          <Text className="bdb-tonight__date">{formatDateLine(data.date, data.weekday)}</Text>
        </View>
        <BigButton variant="secondary" onClick={onSwitchCommunity}>
          切换社区
        </BigButton>
      </View>
      {scanned ? (
        <ServiceList
          services={[scanned]}
          renderAction={renderServiceAction}
          highlight={scanned.id}
        />
      ) : null}
      {data.demoClock ? <DemoClockBanner now={data.now} /> : null}
      <StatusCard status={tonightStatus(data, now)} schedule={formatEvenings(data.evenings)} />
      <PlaceLines address={data.address} phone={data.contactPhone} />
      {extra}
      <View className="bdb-tonight__section">
        <Text className="bdb-tonight__section-title">
          {scanned ? `其他服务项目（${others.length} 项）` : `服务项目（${others.length} 项）`}
        </Text>
        {others.length > 0 ? (
          <ServiceList services={others} renderAction={renderServiceAction} />
        ) : (
          <EmptyState text={scanned ? '这个社区没有其他服务项目' : '这个社区还没有登记服务项目'} />
        )}
      </View>
      <BigButton variant="secondary" onClick={onRefresh} className="bdb-tonight__refresh">
        刷新
      </BigButton>
    </View>
  );
}

/** Where the service center is and whom to call, when the community has set them. */
function PlaceLines({ address, phone }: { address: string | null; phone: string | null }) {
  if (!address && !phone) return null;
  return (
    <View className="bdb-tonight__place">
      {address ? <Text className="bdb-tonight__place-line">{`地址：${address}`}</Text> : null}
      {phone ? (
        <Text className="bdb-tonight__place-line" selectable>{`联系电话：${phone}`}</Text>
      ) : null}
    </View>
  );
}
