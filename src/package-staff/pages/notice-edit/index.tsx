import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { getNotice, NoticeEditor, pageParam } from '@/features/notice-desk';
import { useRemote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** The notice editor: `?c=<community>` for a new notice, `&id=<notice>` to edit one. */
export default function NoticeEditPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const id = useMemo(() => pageParam(params, 'id'), [params]);
  const week = useMemo(() => pageParam(params, 'w'), [params]);
  const mode = useElderMode();
  const notice = useRemote(community ? id : null, getNotice);

  let body;
  if (community === null) {
    body = <Text className="bdb-notice-edit-page__message">请从“工作人员入口”进入活动通知</Text>;
  } else if (id === null) {
    body = <NoticeEditor community={community} notice={null} week={week} />;
  } else if (notice.data?.status === 'archived') {
    body = (
      <Text className="bdb-notice-edit-page__message">已归档的通知不能再修改，请新建一条</Text>
    );
  } else if (notice.data) {
    body = <NoticeEditor key={notice.data.id} community={community} notice={notice.data} />;
  } else if (notice.error) {
    body = <ErrorState message={errorMessage(notice.error)} onRetry={() => void notice.reload()} />;
  } else {
    body = <LoadingState text="正在打开通知…" />;
  }

  return (
    <AccessibleRoot
      title="编辑通知"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-notice-edit-page"
    >
      {body}
    </AccessibleRoot>
  );
}
