import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { a11y } from '@/lib/a11y';
import { activitiesKey, stripTime, type StripActivity } from '../model/activities';
import { evenPages } from '../model/pages';
import './activity-strip.scss';

/** As many as fit side by side on a 16:9 TV, each readable from across the hall. */
export const ACTIVITIES_PER_PAGE = 3;
/** Long enough to read three activities at leisure; the page then changes as a whole. */
export const ACTIVITY_PAGE_MS = 8000;

export interface ActivityStripProps {
  activities: StripActivity[];
}

/**
 * "今晚活动": time, name and place. When they do not all fit, whole pages take turns every
 * ACTIVITY_PAGE_MS (a calm change with "1/2", never a scrolling marquee). Nothing when empty.
 */
export function ActivityStrip({ activities }: ActivityStripProps) {
  const pages = evenPages(activities, ACTIVITIES_PER_PAGE);
  const count = pages.length;
  // The board renders often (calls, the clock): the rotation restarts only when the list changes.
  const key = activitiesKey(activities);
  const [turn, setTurn] = useState(0);

  useEffect(() => {
    setTurn(0);
    if (count <= 1) return undefined;
    const timer = setInterval(() => setTurn((t) => t + 1), ACTIVITY_PAGE_MS);
    return () => clearInterval(timer);
  }, [count, key]);

  if (count === 0) return null;
  const index = turn % count;
  return (
    <View className="bdb-activity-strip" {...a11y({ role: 'region', label: '今晚活动' })}>
      <View className="bdb-activity-strip__head">
        <Text className="bdb-activity-strip__title">今晚活动</Text>
        {count > 1 ? (
          <Text
            className="bdb-activity-strip__page"
            {...a11y({ label: `第 ${index + 1} 页，共 ${count} 页` })}
          >
            {`${index + 1}/${count}`}
          </Text>
        ) : null}
      </View>
      {/* Keyed by page: the new page fades in (CSS), the old one is simply replaced. */}
      <View key={index} className="bdb-activity-strip__items">
        {pages[index]!.map((a) => (
          <View key={`${a.startsAt} ${a.name} ${a.place}`} className="bdb-activity-strip__item">
            <Text className="bdb-activity-strip__time">{stripTime(a)}</Text>
            <Text className="bdb-activity-strip__name">{a.name}</Text>
            <Text className="bdb-activity-strip__place">{a.place}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
