import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import type { Timeline } from '@/types/contract';
import { entryWhen, inOrder, KIND_LOOK } from '../model/timeline-text';
import '@/components/desk-parts/desk-forms.scss';
import './timeline-view.scss';

export interface TimelineViewProps {
  timeline: Timeline;
}

/** One resident's thread, oldest first: visits → calls → suggestions → answers → votes → changes. */
export function TimelineView({ timeline }: TimelineViewProps) {
  const entries = inOrder(timeline.entries);
  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">{`${timeline.name} 的记录`}</Text>
      <Text className="bdb-desk-page__hint">
        到访、回访、建议、答复、居民点单和改进，按时间先后
      </Text>
      {entries.length === 0 ? (
        <EmptyState text="还没有这位居民的记录" />
      ) : (
        <View className="bdb-timeline__list" {...a11y({ role: 'list' })}>
          {entries.map((e, i) => {
            const look = KIND_LOOK[e.kind];
            return (
              <View
                key={`${e.kind}-${e.at}-${i}`}
                className={`bdb-timeline__entry bdb-timeline__entry--${e.kind}`}
                {...a11y({ role: 'listitem' })}
              >
                <Text className="bdb-timeline__icon" {...a11y({ hidden: true })}>
                  {look.icon}
                </Text>
                <View className="bdb-timeline__body">
                  <Text className="bdb-timeline__head">{`${look.word} · ${entryWhen(e)}`}</Text>
                  <Text className="bdb-timeline__text">{e.text}</Text>
                </View>
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
