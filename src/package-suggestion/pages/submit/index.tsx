import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import { followUpTopic, servicesText, usePendingFollowUps } from '@/features/followup';
import {
  mySuggestionsUrl,
  SubmitResult,
  SuggestionForm,
  useEchoWall,
  useSubmitSuggestion,
} from '@/features/suggestion';
import type { Remote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import { launchParam } from '@/lib/launch-params';
import { readString, STORAGE_KEYS } from '@/lib/storage';
import type { ResidentFollowUp, EchoWall } from '@/types/contract';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/**
 * 提建议: `?c=<community>` (else the one remembered by the tonight page), and `&f=<followupId>`
 * when it answers a follow-up's invitation. The categories come from the public echo wall.
 */
export default function SubmitSuggestionPage() {
  const { params } = useRouter();
  const community = useMemo(
    () => launchParam(params, 'c') ?? readString(STORAGE_KEYS.community),
    [params],
  );
  const followupId = useMemo(() => launchParam(params, 'f'), [params]);
  const mode = useElderMode();
  const wall = useEchoWall(community);
  // Only to say which evening the suggestion is about; the suggestion works without it.
  const pending = usePendingFollowUps(followupId !== null);
  const followUp = pending.data?.find((f) => f.id === followupId) ?? null;

  const backToTonight = () => {
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      title="提建议"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-suggestion-submit-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-suggestion-submit-page__body">
        <Text className="bdb-suggestion-submit-page__title">提建议</Text>
        {followupId ? <FollowUpTopic followUp={followUp} /> : null}
        {community ? (
          <SubmitBody community={community} followupId={followupId} wall={wall} />
        ) : (
          <EmptyState text="还不知道是哪个社区，请先在“今晚服务”页选择社区" />
        )}
        <View className="bdb-suggestion-submit-page__footer">
          <BigButton
            variant="secondary"
            onClick={() => void Taro.navigateTo({ url: mySuggestionsUrl() })}
          >
            我的建议
          </BigButton>
          <BigButton variant="quiet" onClick={backToTonight}>
            回到今晚服务
          </BigButton>
        </View>
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}

/** "关于 12月2日 的服务" when the link came from a follow-up's invitation. */
function FollowUpTopic({ followUp }: { followUp: ResidentFollowUp | null }) {
  const services = followUp ? servicesText(followUp) : null;
  return (
    <View className="bdb-suggestion-submit-page__topic">
      <Text className="bdb-suggestion-submit-page__topic-title">
        {followUp ? followUpTopic(followUp) : '关于您接到的回访'}
      </Text>
      {services ? (
        <Text className="bdb-suggestion-submit-page__topic-text">{`您用过：${services}`}</Text>
      ) : null}
      <Text className="bdb-suggestion-submit-page__topic-text">
        谢谢您接受回访，这条建议会和回访记录放在一起，由社工跟进。
      </Text>
    </View>
  );
}

interface SubmitBodyProps {
  community: string;
  followupId: string | null;
  wall: Remote<EchoWall>;
}

function SubmitBody({ community, followupId, wall }: SubmitBodyProps) {
  const form = useSubmitSuggestion(community, followupId);
  if (form.result) return <SubmitResult suggestion={form.result} onAgain={form.again} />;
  const { data, error } = wall;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void wall.reload()} />
    ) : (
      <LoadingState text="正在准备…" />
    );
  }
  return (
    <>
      <Text className="bdb-suggestion-submit-page__to">{`写给 ${data.community.name}`}</Text>
      <SuggestionForm community={community} categories={data.categories} form={form} />
    </>
  );
}
