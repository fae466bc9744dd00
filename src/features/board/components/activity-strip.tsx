import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import { stripTime, type StripActivity } from '../model/activities';
import './activity-strip.scss';

export interface ActivityStripProps {
  activities: StripActivity[];
}

/** "今晚活动": time · name · place, large enough to read across the room. Nothing when empty. */
export function ActivityStrip({ activities }: ActivityStripProps) {
  if (activities.length === 0) return null;
  return (
    <View className="bdb-activity-strip" {...a11y({ role: 'region', label: '今晚活动' })}>
      <Text className="bdb-activity-strip__title">今晚活动</Text>
      <View className="bdb-activity-strip__items">
        {activities.map((a) => (
          <View key={`${a.startsAt} ${a.name} ${a.place}`} className="bdb-activity-strip__item">
            <Text className="bdb-activity-strip__time">{stripTime(a)}</Text>
            <Text className="bdb-activity-strip__what">{`${a.name} · ${a.place}`}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
