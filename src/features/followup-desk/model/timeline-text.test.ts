import { residentTimelineFixture } from '@/test-utils/fixtures';
import type { TimelineEntry } from '@/types/contract';
import { entryWhen, inOrder } from './timeline-text';

describe('timeline words', () => {
  it('puts entries oldest first, keeping the server’s order within the same moment', () => {
    const { entries } = residentTimelineFixture();
    const shuffled = [
      entries[5],
      entries[3],
      entries[0],
      entries[4],
      entries[2],
      entries[6],
      entries[1],
    ];
    const ordered = inOrder(shuffled);
    expect(ordered.map((e) => e.kind)).toEqual([
      'visit',
      'follow-up',
      'follow-up',
      'suggestion',
      'follow-up',
      'reply',
      'change',
    ]);
    // Same moment (15:20): the order they came in.
    expect(ordered.slice(2, 5).map((e) => e.text)).toEqual([
      entries[3].text,
      entries[4].text,
      entries[2].text,
    ]);
  });

  it('shows a visit as its evening and the rest with their time', () => {
    const visit: TimelineEntry = { kind: 'visit', at: '2026-12-02T17:00:00+08:00', text: '' };
    const call: TimelineEntry = {
      kind: 'follow-up',
      id: 'f',
      at: '2026-12-03T10:05:00+08:00',
      text: '',
    };
    expect(entryWhen(visit)).toBe('12月2日 周三 晚');
    expect(entryWhen(call)).toBe('12月3日 周四 10:05');
  });
});
