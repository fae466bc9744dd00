import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import type { Round } from '@/types/contract';
import { mineLine, rulesLine, votersLine } from '../model/survey-text';
import { BallotForm } from './ballot-form';
import { PublishedMenu } from './published-menu';
import { RankingList } from './ranking-list';
import './round-view.scss';

export interface RoundViewProps {
  round: Round;
  onVoted: (round: Round) => void;
  onClosed: () => void;
}

/**
 * One demand round: its title and rules; the ballot while it is open, else "投票已结束" (and the
 * published menu once there is one); the ranking below.
 */
export function RoundView({ round, onVoted, onClosed }: RoundViewProps) {
  const open = round.status === 'open';
  const mine = mineLine(round);
  return (
    <View className="bdb-survey-round">
      <View className="bdb-survey-round__head">
        <Text className="bdb-survey-round__title">{round.title}</Text>
        <Text className="bdb-survey-round__rules">{rulesLine(round)}</Text>
        <Text className="bdb-survey-round__voters">{votersLine(round.voters)}</Text>
      </View>
      {open ? (
        <BallotForm key={round.id} round={round} onVoted={onVoted} onClosed={onClosed} />
      ) : (
        <View className="bdb-survey-round__closed" {...a11y({ role: 'status' })}>
          <Text className="bdb-survey-round__closed-title">投票已结束</Text>
          {mine ? <Text className="bdb-survey-round__mine">{mine}</Text> : null}
          <Text className="bdb-survey-round__mine">谢谢关心，结果见下方。</Text>
        </View>
      )}
      {round.status === 'published' ? <PublishedMenu round={round} /> : null}
      <RankingList round={round} />
    </View>
  );
}
