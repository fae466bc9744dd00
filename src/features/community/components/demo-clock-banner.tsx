import { Text, View } from '@tarojs/components';
import { formatClock } from '@/lib/shanghai-time';
import './demo-clock-banner.scss';

/** Says plainly that the times on screen come from the demo clock, not the real one. */
export function DemoClockBanner({ now }: { now: string }) {
  return (
    <View className="bdb-demo-banner">
      <Text>{`演示时钟 · 当前 ${formatClock(now)}`}</Text>
    </View>
  );
}
