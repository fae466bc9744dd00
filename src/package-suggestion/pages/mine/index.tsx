import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import {
  ContactSwitch,
  ErasePanel,
  FollowUpCard,
  usePendingList,
  type PendingListState,
} from '@/features/followup';
import {
  submitUrl,
  SuggestionCard,
  useMySuggestionList,
  type MySuggestionsState,
} from '@/features/suggestion';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { readString, STORAGE_KEYS } from '@/lib/storage';
import type { ResidentFollowUp } from '@/types/contract';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/**
 * 我的建议: follow-ups waiting for me first (answer here, or an invitation to suggest), then my
 * suggestions with their status, answers and what changed; 删除我的个人信息 at the bottom.
 */
export default function MySuggestionsPage() {
  const mode = useElderMode();
  const pending = usePendingList();
  const mine = useMySuggestionList();
  const [notice, setNotice] = useState<string | null>(null);
  // Erasing deletes the 不要电话回访 choice too: the switch loads again after it.
  const [erasures, setErasures] = useState(0);
  const community = readString(STORAGE_KEYS.community);
  const reloadAll = () => Promise.all([pending.remote.reload(), mine.remote.reload()]);

  // Back from 提建议: a suggestion may have been filed there.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reloadAll();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh());
  });

  const onAnswered = (next: ResidentFollowUp[]) => {
    pending.replace(next);
    setNotice('谢谢您的回复，社区会认真看每一条回访');
  };
  const backToTonight = () => {
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      title="我的建议"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-my-suggestions-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-my-suggestions-page__body">
        <Text className="bdb-my-suggestions-page__title">我的建议</Text>
        {notice ? (
          <Text
            className="bdb-my-suggestions-page__notice"
            {...a11y({ role: 'status', live: 'polite' })}
          >
            {`✓ ${notice}`}
          </Text>
        ) : null}
        <PendingSection pending={pending} onAnswered={onAnswered} />
        <Text className="bdb-my-suggestions-page__section">我提的建议</Text>
        <SuggestionsSection mine={mine} />
        <View className="bdb-my-suggestions-page__footer">
          {community ? (
            <BigButton onClick={() => void Taro.navigateTo({ url: submitUrl(community) })}>
              提建议
            </BigButton>
          ) : null}
          <BigButton variant="secondary" onClick={backToTonight}>
            回到今晚服务
          </BigButton>
        </View>
        <ContactSwitch key={erasures} />
        <ErasePanel
          onErased={() => {
            setErasures((n) => n + 1);
            void reloadAll();
          }}
        />
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}

interface PendingSectionProps {
  pending: PendingListState;
  onAnswered: (pending: ResidentFollowUp[]) => void;
}

/** Shown only when something is pending; a failed load says so quietly, with retry. */
function PendingSection({ pending, onAnswered }: PendingSectionProps) {
  const { remote } = pending;
  const items = pending.pending;
  if (!items) {
    return remote.error ? (
      <View className="bdb-my-suggestions-page__pending-error">
        <Text className="bdb-my-suggestions-page__muted">{`回访没有加载出来：${errorMessage(remote.error)}`}</Text>
        <BigButton variant="secondary" onClick={() => void remote.reload()}>
          重新加载回访
        </BigButton>
      </View>
    ) : null;
  }
  if (items.length === 0) return null;
  return (
    <View className="bdb-my-suggestions-page__list">
      <Text className="bdb-my-suggestions-page__section">{`待回复的回访（${items.length} 条）`}</Text>
      {items.map((f) => (
        <FollowUpCard key={`${f.id}-${f.kind}`} followUp={f} onAnswered={onAnswered} />
      ))}
    </View>
  );
}

function SuggestionsSection({ mine }: { mine: MySuggestionsState }) {
  const { remote, suggestions } = mine;
  if (!suggestions) {
    return remote.error ? (
      <ErrorState message={errorMessage(remote.error)} onRetry={() => void remote.reload()} />
    ) : (
      <LoadingState text="正在查看我的建议…" />
    );
  }
  if (suggestions.length === 0) return <EmptyState text="还没有提过建议" />;
  return (
    <View className="bdb-my-suggestions-page__list">
      {suggestions.map((s) => (
        <SuggestionCard
          key={s.id}
          suggestion={s}
          onChanged={mine.apply}
          onFailed={() => void remote.reload()}
        />
      ))}
    </View>
  );
}
