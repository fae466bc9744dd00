import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import type { Round } from '@/types/contract';
import { menuOf } from '../model/survey-text';
import './published-menu.scss';

/** "已发布的服务菜单": what the community offers from now on, in the published order. */
export function PublishedMenu({ round }: { round: Pick<Round, 'menu' | 'ranking'> }) {
  const menu = menuOf(round);
  return (
    <View className="bdb-survey-menu">
      <Text className="bdb-survey-menu__title">已发布的服务菜单</Text>
      <Text className="bdb-survey-menu__hint">根据居民点单的结果，社区晚间提供这些服务：</Text>
      <View className="bdb-survey-menu__list" {...a11y({ role: 'list' })}>
        {menu.map((c, index) => (
          <View key={c.id} className="bdb-survey-menu__item" {...a11y({ role: 'listitem' })}>
            <Text className="bdb-survey-menu__name">{`${index + 1}. ${c.name}`}</Text>
            {c.description ? <Text className="bdb-survey-menu__desc">{c.description}</Text> : null}
          </View>
        ))}
      </View>
    </View>
  );
}
