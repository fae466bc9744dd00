import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { Disclosure } from '@/components/disclosure/disclosure';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { useRemote } from '@/hooks/use-remote';
import type { RunResult } from '@/hooks/use-desk-run';
import { errorMessage } from '@/lib/gateway';
import type { BallotView, Round } from '@/types/contract';
import { loadBallots, voidBallot } from '../api/survey';
import { ballotLine, ballotsToReview, reviewSummary } from '../model/ballot-text';

export interface BallotReviewPanelProps {
  round: Round;
  busy: boolean;
  run: <T>(action: () => Promise<T>) => Promise<RunResult<T>>;
}

/**
 * 选票核查: a cookie costs nothing in a browser, so a script can cast many ballots. Staff see the
 * bursts (many identical online ballots within minutes) and void or recount them; the ranking
 * above follows at once.
 */
export function BallotReviewPanel({ round, busy, run }: BallotReviewPanelProps) {
  const review = useRemote(round.id, loadBallots);
  const toggle = async (b: BallotView) => {
    const result = await run(() => voidBallot(round.id, b.ref, !b.voided));
    if (result.ok) await review.reload();
  };
  const listed = review.data ? ballotsToReview(review.data) : [];
  return (
    <Disclosure
      id={`ballots-${round.id}`}
      title="选票核查"
      summary={review.data ? reviewSummary(review.data) : undefined}
    >
      {!review.data ? (
        review.error ? (
          <ErrorState message={errorMessage(review.error)} onRetry={() => void review.reload()} />
        ) : (
          <LoadingState text="正在加载选票…" />
        )
      ) : (
        <View className="bdb-ballot-review">
          <Text className="bdb-desk-card__meta">
            短时间内出现大量相同的网上选票时标为可疑；作废的选票不计票，重新投票也不会恢复。
          </Text>
          {listed.length === 0 ? (
            <Text className="bdb-desk-card__line">没有需要处理的选票</Text>
          ) : null}
          {listed.map((b) => (
            <View key={b.ref} className="bdb-desk-card">
              <Text className="bdb-desk-card__line">{ballotLine(b)}</Text>
              <Text className={`bdb-desk-tag bdb-desk-tag--${b.voided ? 'closed' : 'open'}`}>
                {b.voided ? '已作废' : '可疑：短时间内大量相同选票'}
              </Text>
              <BigButton
                variant="secondary"
                disabled={busy}
                label={`${b.voided ? '恢复计票' : '作废'}：${ballotLine(b)}`}
                onClick={() => void toggle(b)}
              >
                {b.voided ? '恢复计票' : '作废'}
              </BigButton>
            </View>
          ))}
        </View>
      )}
    </Disclosure>
  );
}
