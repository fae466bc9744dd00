import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import type { PaperVotesInput, Round } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { maxOf } from '@/components/bar/bars';
import {
  menuNames,
  ROUND_STATUS_LABELS,
  roundFacts,
  SOURCE_LABELS,
  tieText,
  votesText,
} from '../model/round-text';
import { Bar } from '@/components/bar/bar';
import { PaperForm } from './paper-form';
import { PublishForm } from './publish-form';
import '@/components/desk-parts/desk-forms.scss';
import './round-view.scss';

export interface RoundViewProps {
  round: Round;
  busy: boolean;
  onPaper: (input: PaperVotesInput) => Promise<RunResult<Round>>;
  onCloseVoting: () => Promise<RunResult<Round>>;
  onPublish: (menu: string[]) => Promise<RunResult<Round>>;
}

/** The newest round: facts, the live ranking as bars with 入选 marks, and the moves its status allows. */
export function RoundView(props: RoundViewProps) {
  const { round } = props;
  const tie = tieText(round);
  return (
    <View className="bdb-round">
      <View className="bdb-desk-card__head">
        <Text className="bdb-round__title">{round.title}</Text>
        <Text className={`bdb-desk-tag bdb-desk-tag--${round.status}`}>
          {ROUND_STATUS_LABELS[round.status]}
        </Text>
      </View>
      <Text className="bdb-desk-card__meta">{roundFacts(round)}</Text>
      {round.menu ? (
        <Text className="bdb-round__menu">{`已发布的菜单：${menuNames(round).join('、')}`}</Text>
      ) : null}
      {tie ? (
        <Text className="bdb-round__tie" {...a11y({ role: 'status' })}>
          {`⚠ ${tie}`}
        </Text>
      ) : null}
      <Ranking round={round} />
      {round.status === 'published' ? null : <RoundMoves {...props} />}
    </View>
  );
}

type Open = 'paper' | 'close' | 'publish' | null;

/** While open: 录入纸质票 and 结束投票 (confirmed); once closed: 发布菜单. */
function RoundMoves({ round, busy, onPaper, onCloseVoting, onPublish }: RoundViewProps) {
  const [open, setOpen] = useState<Open>(null);
  const toggle = (form: Exclude<Open, null>) => setOpen(open === form ? null : form);
  const variant = (form: Open) => (open === form ? 'primary' : 'secondary');
  if (round.status === 'closed') {
    return (
      <>
        <View className="bdb-desk-card__actions">
          <BigButton disabled={busy} onClick={() => toggle('publish')}>
            发布菜单
          </BigButton>
        </View>
        {open === 'publish' ? (
          <PublishForm
            round={round}
            busy={busy}
            onPublish={onPublish}
            onClose={() => setOpen(null)}
          />
        ) : null}
      </>
    );
  }
  return (
    <>
      <View className="bdb-desk-card__actions">
        <BigButton variant={variant('paper')} disabled={busy} onClick={() => toggle('paper')}>
          录入纸质票
        </BigButton>
        <BigButton variant={variant('close')} disabled={busy} onClick={() => toggle('close')}>
          结束投票
        </BigButton>
      </View>
      {open === 'paper' ? (
        <PaperForm round={round} busy={busy} onEnter={onPaper} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'close' ? (
        <View className="bdb-desk-form bdb-desk-form--warning">
          <Text className="bdb-desk-form__warning">结束后居民就不能再投票了，确定结束吗？</Text>
          <View className="bdb-desk-form__row">
            <BigButton
              disabled={busy}
              onClick={() => void onCloseVoting().then(() => setOpen(null))}
            >
              确定结束投票
            </BigButton>
            <BigButton variant="quiet" onClick={() => setOpen(null)} label="不结束投票">
              取消
            </BigButton>
          </View>
        </View>
      ) : null}
    </>
  );
}

/** Every candidate by rank: its bar, votes in words, where it came from, and 入选 when proposed. */
function Ranking({ round }: { round: Round }) {
  const max = maxOf(round.ranking.map((c) => c.votes));
  return (
    <View className="bdb-round__ranking">
      <Text className="bdb-desk-form__label">实时排名</Text>
      {round.ranking.map((c) => (
        // The bar is the row: one level less, within the templates' depth (mini.baseLevel).
        <Bar
          key={c.id}
          className={`bdb-round__row${c.proposed ? ' bdb-round__row--in' : ''}`}
          name={c.name}
          value={c.votes}
          max={max}
          text={votesText(c)}
          tone={c.proposed ? 'chosen' : 'main'}
        >
          <View className="bdb-desk-card__head bdb-round__top">
            <Text className="bdb-round__rank">{`第 ${c.rank} 名`}</Text>
            <Text className="bdb-desk-tag">{SOURCE_LABELS[c.source]}</Text>
            {c.proposed ? <Text className="bdb-desk-tag bdb-desk-tag--chosen">✓ 入选</Text> : null}
          </View>
        </Bar>
      ))}
    </View>
  );
}
