import { staffSuggestionsFixture } from '@/test-utils/fixtures';
import {
  answerLines,
  canLinkToChange,
  countOf,
  filterSuggestions,
  mergeTargets,
  shortName,
} from './suggestion-text';

const list = staffSuggestionsFixture();
const byId = (id: string) => list.find((s) => s.id === id)!;

describe('suggestion desk words', () => {
  it('filters and counts by status', () => {
    expect(countOf(list, 'all')).toBe(5);
    expect(countOf(list, 'adopted')).toBe(2);
    expect(countOf(list, 'not-adopted')).toBe(0);
    expect(filterSuggestions(list, 'merged').map((s) => s.receipt)).toEqual(['JS-1203-002']);
  });

  it('offers the other suggestions that are not merged as merge targets', () => {
    expect(mergeTargets(list, byId('sg-2')).map((s) => s.id)).toEqual(['sg-1', 'sg-3', 'sg-4']);
  });

  it('names a suggestion by receipt and the start of its text', () => {
    expect(shortName(byId('sg-1'))).toBe('JS-1201-001 希望周五晚上也能开放');
    expect(shortName(byId('sg-2'), 6)).toBe('JS-1202-001 量血压排队太…');
  });

  it('links only adopted suggestions without a change yet', () => {
    expect(list.filter(canLinkToChange).map((s) => s.id)).toEqual(['sg-3', 'sg-4']);
    const done = {
      ...byId('sg-3'),
      change: {
        id: 'ch-1',
        title: '活动室换亮灯',
        detail: '',
        since: '2026-12-09',
        receipts: ['JS-1202-002'],
        createdAt: '2026-12-05T10:00:00+08:00',
      },
    };
    expect(canLinkToChange(done)).toBe(false);
    expect(answerLines(done, list)).toEqual([
      '答复：感谢建议，已经安排',
      '改进：活动室换亮灯（2026-12-09 起）',
    ]);
  });

  it('says where a merged suggestion went, and why one was not adopted', () => {
    expect(answerLines(byId('sg-5'), list)).toEqual(['已合并到 JS-1201-001']);
    const refused = {
      ...byId('sg-1'),
      status: 'not-adopted' as const,
      reply: '暂不具备条件',
      reason: '场地',
    };
    expect(answerLines(refused, list)).toEqual(['答复：暂不具备条件', '原因：场地']);
  });
});
