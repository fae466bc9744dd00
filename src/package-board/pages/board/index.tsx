import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { Page } from '@/components/page/page';
import { BoardScreen } from '@/features/board';
import { useTonight } from '@/features/community';
import { errorMessage } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

const POLL_MS = 30_000;

export default function BoardPage() {
  const { params } = useRouter();
  const community = useMemo(() => parseLaunchParams(params).community, [params]);
  const tonight = useTonight(community, { pollMs: POLL_MS });

  let body;
  if (community === null) {
    body = <Text className="bdb-board-page__message">请在地址中指定社区，例如 /board/jinse</Text>;
  } else if (tonight.data) {
    body = <BoardScreen tonight={tonight.data} stale={Boolean(tonight.error)} />;
  } else if (tonight.error) {
    // Nobody is there to press "retry": polling keeps trying on its own.
    body = (
      <Text className="bdb-board-page__message">{`${errorMessage(tonight.error)}（自动重试中）`}</Text>
    );
  } else {
    body = <Text className="bdb-board-page__message">正在加载…</Text>;
  }

  // The TV shows the community's name large; the heading is for screen readers.
  return (
    <Page title="排队看板" titleVisible={false}>
      <View className="bdb-board-page">{body}</View>
    </Page>
  );
}
