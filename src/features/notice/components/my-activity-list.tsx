import { Text, View } from '@tarojs/components';
import { a11y, keyActivation } from '@/lib/a11y';
import type { MyActivity } from '@/types/contract';
import { splitMine } from '../model/my-activities';
import { activityWhen, cancelledText, isActive, mineText } from '../model/notice-text';
import './my-activity-list.scss';

export interface MyActivityListProps {
  mine: MyActivity[];
  /** "YYYY-MM-DD" in Asia/Shanghai: sign-ups on this date or later are upcoming. */
  today: string;
  onOpen: (item: MyActivity) => void;
}

function stateClass(item: MyActivity): string {
  if (item.signUp.attendedAt) return 'attended';
  return isActive(item.signUp) ? item.signUp.status : 'cancelled';
}

function MyActivityRow({ item, onOpen }: { item: MyActivity; onOpen: (i: MyActivity) => void }) {
  const why = cancelledText(item.signUp);
  return (
    <View
      className={`bdb-my-activities__item bdb-my-activities__item--${stateClass(item)}`}
      onClick={() => onOpen(item)}
      {...a11y({ role: 'link' })}
      {...keyActivation(() => onOpen(item))}
    >
      <View className="bdb-my-activities__head">
        <Text className="bdb-my-activities__name">{item.activity.name}</Text>
        <Text className="bdb-my-activities__status">{mineText(item.signUp)}</Text>
      </View>
      <Text className="bdb-my-activities__when">{activityWhen(item.activity)}</Text>
      <Text className="bdb-my-activities__detail">{`地点：${item.activity.place}`}</Text>
      <Text className="bdb-my-activities__detail">{`通知：${item.notice.title} ›`}</Text>
      {why ? <Text className="bdb-my-activities__reason">{why}</Text> : null}
    </View>
  );
}

/** My sign-ups: upcoming (soonest first), then past ones (latest first); each opens its notice. */
export function MyActivityList({ mine, today, onOpen }: MyActivityListProps) {
  const { upcoming, past } = splitMine(mine, today);
  const row = (m: MyActivity) => <MyActivityRow key={m.signUp.id} item={m} onOpen={onOpen} />;
  return (
    <View className="bdb-my-activities">
      <View className="bdb-my-activities__section bdb-my-activities__section--upcoming">
        <Text className="bdb-my-activities__title">{`接下来的活动（${upcoming.length} 项）`}</Text>
        {upcoming.length > 0 ? (
          upcoming.map(row)
        ) : (
          <Text className="bdb-my-activities__empty">暂无接下来的活动</Text>
        )}
      </View>
      {past.length > 0 ? (
        <View className="bdb-my-activities__section bdb-my-activities__section--past">
          <Text className="bdb-my-activities__title">{`以往的活动（${past.length} 项）`}</Text>
          {past.map(row)}
        </View>
      ) : null}
    </View>
  );
}
