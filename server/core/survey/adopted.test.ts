/** Adopted suggestions in 居民点单, on plain records without a store. */
import type { RoundRecord, SuggestionRecord } from '../ports';
import { adoptable, checkLinks, proposalOf, roundOf, votedIn } from './adopted';

const suggestion = (fields: Partial<SuggestionRecord> = {}): SuggestionRecord => ({
  id: 's1',
  community: 'c1',
  receipt: 'JS-1202-001',
  userId: 'u1',
  name: '',
  category: 'other',
  text: '希望开手机课',
  photo: null,
  followUpId: null,
  source: 'resident',
  status: 'adopted',
  reply: '采纳',
  reason: null,
  mergedInto: null,
  changeId: null,
  solved: null,
  requestId: 'r',
  createdAt: '2026-12-01T11:00:00.000Z',
  updatedAt: '2026-12-01T11:00:00.000Z',
  answeredAt: '2026-12-02T11:00:00.000Z',
  ...fields,
});
const round = (fields: Partial<RoundRecord> = {}): RoundRecord => ({
  id: 'r1',
  community: 'c1',
  title: '点单',
  candidates: [
    {
      id: 'a',
      name: '甲',
      kind: 'booking',
      description: '',
      source: 'current',
      suggestionId: null,
    },
    {
      id: 'p-1',
      name: '手机课',
      kind: 'drop-in',
      description: '',
      source: 'suggestion',
      suggestionId: 's1',
    },
  ],
  maxChoices: 1,
  closesOn: '2026-12-09',
  status: 'open',
  menu: null,
  createdBy: 'staff',
  createdAt: '2026-12-02T12:00:00.000Z',
  publishedAt: null,
  ...fields,
});
const published = (menu: string[]) =>
  round({ status: 'published', menu, publishedAt: '2026-12-10T12:00:00.000Z' });

describe('adopted suggestions in a round', () => {
  it('offers adopted suggestions not yet a service nor in a round, oldest answer first', () => {
    const list = [
      suggestion({ id: 's2', answeredAt: '2026-12-03T00:00:00.000Z' }),
      suggestion({ id: 's3', status: 'answered' }),
      suggestion({ id: 's4', changeId: 'ch1' }),
      suggestion({ id: 's5', answeredAt: '2026-11-30T00:00:00.000Z' }),
      suggestion(),
    ];
    expect(adoptable(list, []).map((s) => s.id)).toEqual(['s5', 's1', 's2']);
    // In an open round, or voted onto a menu: taken. Left off a menu: offered again.
    expect(adoptable(list, [round()]).map((s) => s.id)).toEqual(['s5', 's2']);
    expect(adoptable(list, [published(['p-1'])]).map((s) => s.id)).toEqual(['s5', 's2']);
    expect(adoptable(list, [published(['a'])]).map((s) => s.id)).toEqual(['s5', 's1', 's2']);
  });

  it('makes a proposal within the form’s limits, on one line', () => {
    const long = suggestion({ text: '\n  希望社区开一个教老年人用智能手机挂号缴费的课程\n第二行' });
    const { proposal } = proposalOf(long);
    expect(proposal.name).toBe('希望社区开一个教老年人用智能手机挂号缴费');
    expect([...proposal.name]).toHaveLength(20);
    expect(proposal.description).not.toMatch(/\n/);
    expect([...proposal.description].length).toBeLessThanOrEqual(60);
    expect(proposal).toMatchObject({ kind: 'drop-in', suggestionId: 's1' });
  });

  it('links only adopted suggestions of the community, each once', () => {
    const linked = new Map([
      ['s1', suggestion()],
      ['s2', suggestion({ id: 's2', status: 'received' })],
      ['s3', suggestion({ id: 's3', community: 'c2' })],
    ]);
    expect(() => checkLinks('c1', [undefined, 's1'], linked)).not.toThrow();
    for (const bad of ['s2', 's3', 'missing']) {
      expect(() => checkLinks('c1', [bad], linked)).toThrow('只能把本社区已采纳的建议列入点单');
    }
    expect(() => checkLinks('c1', ['s1', 's1'], linked)).toThrow('同一条建议只能列入一次');
  });

  it('says which suggestions a published menu voted in, and where one got', () => {
    expect(votedIn(round())).toEqual([]);
    expect(votedIn(published(['p-1', 'a']))).toEqual(['s1']);
    expect(roundOf('s1', [round()])?.status).toBe('voting');
    expect(roundOf('s1', [published(['p-1'])])?.status).toBe('voted-in');
    expect(roundOf('s1', [published(['a'])])?.status).toBe('not-chosen');
    expect(roundOf('s9', [round()])).toBeNull();
  });
});
