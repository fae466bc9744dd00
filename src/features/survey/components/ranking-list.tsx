import { Text, View } from '@tarojs/components';
import type { CSSProperties } from 'react';
import { a11y } from '@/lib/a11y';
import type { RankedCandidate, Round } from '@/types/contract';
import { barPercent } from '../model/ballot';
import { paperText, votesText } from '../model/survey-text';
import './ranking-list.scss';

export interface RankingListProps {
  round: Pick<Round, 'status' | 'ranking' | 'tieAtCut' | 'voters'>;
}

/**
 * The ranking: place, name, votes as a bar (drawn as wide as the leader's votes allow) and in
 * words, paper votes noted, and the top eight marked 入选 in words.
 */
export function RankingList({ round }: RankingListProps) {
  const top = round.ranking.reduce((most, c) => Math.max(most, c.votes), 0);
  // An empty round has no ranking yet: saying "nine tie for first" would mislead.
  const empty = round.voters === 0;
  return (
    <View className="bdb-survey-ranking">
      <Text className="bdb-survey-ranking__title">
        {round.status === 'open' ? '实时排名' : '投票结果'}
      </Text>
      <Text className="bdb-survey-ranking__hint">得票前八的服务入选下一期服务菜单。</Text>
      {empty ? (
        <Text className="bdb-survey-ranking__empty" {...a11y({ role: 'status' })}>
          {round.status === 'open' ? '还没有人投票，您可以投第一票' : '这一轮没有人投票'}
        </Text>
      ) : null}
      {!empty && round.tieAtCut ? (
        <Text className="bdb-survey-ranking__tie">第八名有并列，最后的菜单由社区商定。</Text>
      ) : null}
      <View className="bdb-survey-ranking__list" {...a11y({ role: 'list' })}>
        {round.ranking.map((c) => (
          <RankRow key={c.id} candidate={c} top={top} ranked={!empty} />
        ))}
      </View>
    </View>
  );
}

interface RankRowProps {
  candidate: RankedCandidate;
  top: number;
  /** False before any vote: no places to show. */
  ranked: boolean;
}

function RankRow({ candidate, top, ranked }: RankRowProps) {
  const paper = paperText(candidate.paperVotes);
  const classes = `bdb-survey-ranking__row${candidate.proposed ? ' bdb-survey-ranking__row--in' : ''}`;
  // The bar is the head's ::after (ranking-list.scss), as wide as --bdb-bar: drawn, not two nodes
  // a row in the first render (issue #15), and never read: the votes are in words below it.
  const style = { '--bdb-bar': `${barPercent(candidate.votes, top)}%` } as CSSProperties;
  return (
    <View className={classes} style={style} {...a11y({ role: 'listitem' })}>
      <View className="bdb-survey-ranking__head">
        {ranked ? (
          <Text className="bdb-survey-ranking__rank">{`第 ${candidate.rank} 名`}</Text>
        ) : null}
        <Text className="bdb-survey-ranking__name">{candidate.name}</Text>
        {candidate.proposed ? <Text className="bdb-survey-ranking__in">入选</Text> : null}
      </View>
      <Text className="bdb-survey-ranking__votes">
        {paper ? `${votesText(candidate.votes)}（${paper}）` : votesText(candidate.votes)}
      </Text>
    </View>
  );
}
