/**
 * A suggestion's thread as its author reads it in 我的建议, from loaded records: the evening and
 * the call it came from, the suggestion, the answer, the 居民点单 round that proposed it and
 * whether residents voted it in, and the new service it became.
 */
import type { SuggestionStep } from '../../../contract/suggestion';
import { isoLocal } from '../kernel/time';
import type { ChangeRecord, FollowUpRecord, RoundRecord, SuggestionRecord } from '../ports';
import { roundOf } from '../survey/adopted';

const SATISFACTION = { satisfied: '满意', mostly: '基本满意', unsatisfied: '不满意' } as const;
const SOLVED = { yes: '已解决', partly: '部分解决', no: '未解决' } as const;

const at = (iso: string) => isoLocal(new Date(iso));

function followUpSteps(task: FollowUpRecord | null): SuggestionStep[] {
  if (!task) return [];
  const steps: SuggestionStep[] = [
    {
      kind: 'visit',
      at: `${task.date}T19:00:00+08:00`,
      text: `${task.date} 晚来过：${task.services.join('、')}`,
    },
  ];
  if (task.result && task.closedAt) {
    const how = task.channel === 'call' ? '电话回访' : '小程序回访';
    const r = task.result;
    const verdict = `${SATISFACTION[r.satisfaction]}，${SOLVED[r.solved]}`;
    steps.push({ kind: 'call', at: at(task.closedAt), text: `${how}：${verdict}` });
  }
  return steps;
}

/** The 居民点单 steps (proposed, voted in or not): the author's thread and the staff timeline. */
export function roundSteps(s: SuggestionRecord, rounds: RoundRecord[]): SuggestionStep[] {
  const found = roundOf(s.id, rounds);
  if (!found) return [];
  const { round, status } = found;
  const steps: SuggestionStep[] = [
    { kind: 'round', at: at(round.createdAt), text: `列入居民点单「${round.title}」，请居民投票` },
  ];
  if (round.publishedAt && status === 'voted-in') {
    steps.push({ kind: 'menu', at: at(round.publishedAt), text: '居民投票选中，已列入点单' });
  }
  if (round.publishedAt && status === 'not-chosen') {
    steps.push({ kind: 'menu', at: at(round.publishedAt), text: '这轮点单没有选中' });
  }
  return steps;
}

export interface ThreadSources {
  task: FollowUpRecord | null;
  rounds: RoundRecord[];
  change: ChangeRecord | null;
  /** The status words the page shows (STATUS_WORDS). */
  statusWords: Record<SuggestionRecord['status'], string>;
}

/** The steps, oldest first; the round one is the newest round that proposed it. */
export function threadOf(s: SuggestionRecord, from: ThreadSources): SuggestionStep[] {
  const steps: SuggestionStep[] = [
    ...followUpSteps(from.task),
    { kind: 'suggestion', at: at(s.createdAt), text: `提出建议 ${s.receipt}` },
  ];
  if (s.reply && s.answeredAt) {
    steps.push({
      kind: 'reply',
      at: at(s.answeredAt),
      text: `${from.statusWords[s.status]}：${s.reply}`,
    });
  }
  steps.push(...roundSteps(s, from.rounds));
  if (from.change) {
    const c = from.change;
    steps.push({
      kind: 'service',
      at: at(c.createdAt),
      text: `已开通：${c.title}（${c.since} 起）`,
    });
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

/** 已列入点单 and the like: where the suggestion got in the rounds, null when never proposed. */
export function roundStatusOf(s: SuggestionRecord, rounds: RoundRecord[]) {
  const found = roundOf(s.id, rounds);
  return found ? { title: found.round.title, status: found.status } : null;
}
