/** The suggestion rules on plain records, without a store. */
import type { ChangeRecord, SuggestionRecord } from '../ports';
import {
  adoptedBy,
  countsTowardLimit,
  decideSubmit,
  erasedSuggestion,
  mergeChange,
  numbered,
  patchIfStatus,
  receiptOf,
  reopenChange,
  replyChange,
  solvedChange,
  withFiling,
  type Submission,
} from './rules';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const submission = (fields: Partial<Submission> = {}): Submission => ({
  id: 's1',
  community: 'c1',
  userId: 'u1',
  name: '',
  category: 'hours',
  text: '希望周五也开放',
  photo: null,
  followUpId: null,
  source: 'resident',
  status: 'received',
  reply: null,
  reason: null,
  mergedInto: null,
  changeId: null,
  solved: null,
  requestId: 'req-1',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  answeredAt: null,
  ...fields,
});
const record = (fields: Partial<SuggestionRecord> = {}): SuggestionRecord => ({
  ...submission(),
  receipt: 'C1-1202-001',
  ...fields,
});
const limit = { since: '2026-12-01T16:00:00.000Z', max: 2 };

describe('submitting', () => {
  it('gives a known request back as it was filed, before any limit', () => {
    const known = record();
    expect(
      decideSubmit(known, [NOW.toISOString(), NOW.toISOString()], submission(), limit),
    ).toEqual({ kind: 'existing', record: known });
  });

  it('limits a resident who filed max since the start of the day, counting only since then', () => {
    const yesterday = '2026-12-01T15:00:00.000Z';
    const today = '2026-12-02T01:00:00.000Z';
    expect(decideSubmit(null, [today, yesterday], submission(), limit)).toEqual({ kind: 'file' });
    expect(decideSubmit(null, [today, today], submission(), limit)).toEqual({ kind: 'limited' });
    expect(decideSubmit(null, [today, today], submission(), null)).toEqual({ kind: 'file' });
    expect(decideSubmit(null, [today, today], submission({ userId: null }), limit)).toEqual({
      kind: 'file',
    });
  });

  it('counts a resident’s own suggestions only, not one filed for them on a call', () => {
    expect(countsTowardLimit({ userId: 'u1', source: 'resident' })).toBe(true);
    expect(countsTowardLimit({ userId: 'u1', source: 'call' })).toBe(false);
    expect(countsTowardLimit({ userId: null, source: 'resident' })).toBe(false);
  });

  it('numbers after the last number of the prefix, three digits at least', () => {
    expect(numbered(submission(), 'JS-1202', 0).receipt).toBe('JS-1202-001');
    expect(numbered(submission(), 'JS-1202', 41).receipt).toBe('JS-1202-042');
    expect(receiptOf('JS-1202', 1234)).toBe('JS-1202-1234');
  });

  it('keeps the latest filings of an author, newest first', () => {
    const [a, b, c] = ['2026-12-01T15:00:00.000Z', '2026-12-02T01:00:00.000Z', NOW.toISOString()];
    expect(withFiling([b, a], c, 3)).toEqual([c, b, a]);
    expect(withFiling([c, a], b, 2)).toEqual([c, b]);
    expect(withFiling([], a, 1)).toEqual([a]);
  });
});

describe('status changes', () => {
  it('applies a patch only from the listed statuses, leaving undefined fields', () => {
    const s = record({ reason: 'x' });
    expect(patchIfStatus(s, ['received'], { status: 'answered', reason: undefined })).toEqual({
      ...s,
      status: 'answered',
    });
    expect(patchIfStatus(s, ['reviewing'], { status: 'answered' })).toBeNull();
    expect(patchIfStatus(null, ['received'], { status: 'answered' })).toBeNull();
  });

  it('replies: 暂不采纳 needs a reason, 处理中 keeps the answer time, a merged one cannot be answered', () => {
    const s = record({ answeredAt: null });
    expect(() => replyChange(s, { status: 'not-adopted', reply: '不行' }, NOW)).toThrow(
      '暂不采纳时请写明原因',
    );
    const reviewing = replyChange(s, { status: 'reviewing', reply: '在看' }, NOW);
    expect(reviewing.patch.answeredAt).toBeNull();
    const answered = replyChange(s, { status: 'answered', reply: '好' }, NOW);
    expect(answered.patch.answeredAt).toBe(NOW.toISOString());
    expect(answered.from).not.toContain('merged');
  });

  it('merges only into another, unmerged suggestion of the community, naming its receipt', () => {
    const s = record();
    const target = record({ id: 's2', receipt: 'C1-1202-002' });
    expect(() => mergeChange(s, null, NOW)).toThrow('只能合并到本社区的另一条建议');
    expect(() => mergeChange(s, s, NOW)).toThrow('只能合并到本社区的另一条建议');
    expect(() => mergeChange(s, { ...target, community: 'c2' }, NOW)).toThrow('本社区');
    expect(() => mergeChange(s, { ...target, status: 'merged' }, NOW)).toThrow('已合并');
    expect(mergeChange(s, target, NOW).patch).toMatchObject({
      status: 'merged',
      mergedInto: 's2',
      reply: expect.stringContaining('C1-1202-002'),
    });
  });

  it('reopens an answer within 30 days only, and asks "solved?" only after an answer', () => {
    const answered = record({ status: 'answered', answeredAt: '2026-11-03T10:00:00.000Z' });
    expect(reopenChange(answered, NOW).patch.status).toBe('reviewing');
    const old = { ...answered, answeredAt: '2026-11-01T10:00:00.000Z' };
    expect(() => reopenChange(old, NOW)).toThrow('30 天内');
    expect(() => solvedChange(record(), 'yes', NOW)).toThrow('社区答复以后');
    expect(solvedChange(answered, 'partly', NOW).patch.solved).toBe('partly');
  });
});

describe('changes and erasure', () => {
  const change: ChangeRecord = {
    id: 'ch1',
    community: 'c1',
    title: '周五晚也开放',
    detail: '',
    since: '2026-12-04',
    suggestionIds: ['s1'],
    createdBy: 'staff',
    createdAt: NOW.toISOString(),
  };
  const later = '2026-12-03T00:00:00.000Z';

  it('adopts its community’s suggestions, keeps merged ones merged and the first answer time', () => {
    expect(adoptedBy(record(), change, later)).toMatchObject({
      status: 'adopted',
      changeId: 'ch1',
      answeredAt: later,
    });
    const merged = record({ status: 'merged', answeredAt: NOW.toISOString() });
    expect(adoptedBy(merged, change, later)).toMatchObject({
      status: 'merged',
      answeredAt: NOW.toISOString(),
    });
    expect(adoptedBy(record({ community: 'c2' }), change, later)).toBeNull();
    expect(adoptedBy(null, change, later)).toBeNull();
  });

  it('erases the author, name and photo but keeps the text', () => {
    expect(erasedSuggestion(record({ name: '王阿姨', photo: 'cloud://a.jpg' }))).toMatchObject({
      userId: null,
      name: '',
      photo: null,
      text: '希望周五也开放',
    });
  });
});
