import { Text, View } from '@tarojs/components';
import type { ServedBy } from '@/types/contract';
import './served-by-line.scss';

/**
 * 今晚志愿服务: "义剪 — 姑苏区某志愿服务队" for each service volunteers serve tonight, from the
 * tonight answer itself (no call of its own); nothing when nobody volunteers.
 */
export function ServedByLine({ servedBy }: { servedBy: ServedBy[] }) {
  if (servedBy.length === 0) return null;
  return (
    <View className="bdb-served-by">
      <Text className="bdb-served-by__title">今晚志愿服务</Text>
      {servedBy.map((s) => (
        <Text key={s.service} className="bdb-served-by__line">
          {`${s.serviceName} — ${s.by}`}
        </Text>
      ))}
    </View>
  );
}
