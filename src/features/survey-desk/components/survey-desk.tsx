import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { errorMessage } from '@/lib/gateway';
import type { OpenRoundInput, PaperVotesInput, Round } from '@/types/contract';
import { closeRound, enterPaperVotes, openRound, publishMenu } from '../api/survey';
import type { RunResult } from '@/hooks/use-desk-run';
import type { SurveyDeskState } from '../hooks/use-survey-desk';
import { isPaperField } from '../model/ballots';
import { isRoundField } from '../model/round-form';
import { menuNames, ROUND_STATUS_LABELS, roundFacts } from '../model/round-text';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { OpenRoundForm } from './open-round-form';
import { BallotReviewPanel } from './ballot-review';
import { RoundView } from './round-view';
import '@/components/desk-parts/desk-forms.scss';

export interface SurveyDeskProps {
  community: string;
  /** Shown in the title when known. */
  communityName: string | null;
  desk: SurveyDeskState;
}

const paperSaid = (input: PaperVotesInput, round: Round) => {
  const names = input.choices.map((id) => round.ranking.find((c) => c.id === id)?.name ?? id);
  return `已录入 ${input.copies} 张纸质票（${names.join('、')}）`;
};

/** 居民点单: open a round, follow its ranking, add paper ballots, close it and publish the menu. */
export function SurveyDesk({ community, communityName, desk }: SurveyDeskProps) {
  const [opening, setOpening] = useState(false);
  const rounds = desk.rounds.data;
  const current = rounds?.[0] ?? null;

  // What came of it is said at the top: go there (a field's refusal stays by its field).
  const act = <T,>(
    action: () => Promise<T>,
    done: (value: T) => string,
    isField?: (f: string | undefined) => boolean,
  ): Promise<RunResult<T>> => desk.run(action, { done, isField, scrollTop: true });

  const open = (input: OpenRoundInput) =>
    act(
      () => openRound(input),
      (r) => `已开始点单“${r.title}”，共 ${r.ranking.length} 项候选，居民现在可以投票`,
      isRoundField,
    );
  const paper = (input: PaperVotesInput) =>
    act(
      () => enterPaperVotes(input),
      (r) => paperSaid(input, r),
      isPaperField,
    );
  const close = (round: Round) =>
    act(
      () => closeRound(round.id),
      () => `已结束投票“${round.title}”，可以发布菜单了`,
    );
  const publish = (round: Round, menu: string[]) =>
    act(
      () => publishMenu({ roundId: round.id, menu }),
      (r) => `已发布菜单，社区的服务项目换成了这 ${r.menu?.length ?? menu.length} 项`,
    );

  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">
        {communityName ? `${communityName} 居民点单` : '居民点单'}
      </Text>
      <Text className="bdb-desk-page__hint">
        居民给想要的晚间服务投票，票数前八的进入菜单；发布后社区的服务项目随之更换
      </Text>
      <FeedbackLine feedback={desk.feedback} />
      {rounds && current?.status !== 'open' ? (
        opening ? (
          <OpenRoundForm
            community={community}
            busy={desk.busy}
            onOpen={open}
            onClose={() => setOpening(false)}
          />
        ) : (
          <BigButton onClick={() => setOpening(true)} disabled={desk.busy}>
            开一轮点单
          </BigButton>
        )
      ) : null}
      <Rounds desk={desk} onPaper={paper} onCloseVoting={close} onPublish={publish} />
    </View>
  );
}

interface RoundsProps {
  desk: SurveyDeskState;
  onPaper: (input: PaperVotesInput) => Promise<RunResult<Round>>;
  onCloseVoting: (round: Round) => Promise<RunResult<Round>>;
  onPublish: (round: Round, menu: string[]) => Promise<RunResult<Round>>;
}

function Rounds({ desk, onPaper, onCloseVoting, onPublish }: RoundsProps) {
  const { data, error } = desk.rounds;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void desk.rounds.reload()} />
    ) : (
      <LoadingState text="正在加载点单…" />
    );
  }
  const [current, ...previous] = data;
  if (!current) return <EmptyState text="还没有开过点单" />;
  return (
    <>
      <View className="bdb-desk-section">
        <Text className="bdb-desk-section__title">
          {current.status === 'published' ? '最近一轮' : '当前这一轮'}
        </Text>
        <RoundView
          key={current.id}
          round={current}
          busy={desk.busy}
          onPaper={onPaper}
          onCloseVoting={() => onCloseVoting(current)}
          onPublish={(menu) => onPublish(current, menu)}
        />
        {current.status !== 'published' ? (
          <BallotReviewPanel round={current} busy={desk.busy} run={desk.run} />
        ) : null}
      </View>
      {previous.length > 0 ? (
        <View className="bdb-desk-section">
          <Text className="bdb-desk-section__title">{`往期点单（${previous.length} 轮）`}</Text>
          {previous.map((r) => (
            <View key={r.id} className="bdb-desk-card">
              <View className="bdb-desk-card__head">
                <Text className="bdb-desk-card__name">{r.title}</Text>
                <Text className={`bdb-desk-tag bdb-desk-tag--${r.status}`}>
                  {ROUND_STATUS_LABELS[r.status]}
                </Text>
              </View>
              <Text className="bdb-desk-card__meta">{roundFacts(r)}</Text>
              {r.menu ? (
                <Text className="bdb-desk-card__line">{`菜单：${menuNames(r).join('、')}`}</Text>
              ) : null}
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}
