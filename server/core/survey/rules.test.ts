/** The 居民点单 rules on plain records, without a store. */
import type { CommunityRecord, RoundRecord } from '../ports';
import { newRound, paperBallots, patchRoundIfStatus, publication, residentBallot } from './rules';

/** Wednesday 2026-12-02 21:00 in Suzhou. */
const NOW = new Date('2026-12-02T13:00:00.000Z');

describe('居民点单 rounds', () => {
  const community: CommunityRecord = {
    id: 'c1',
    name: '一号社区',
    evenings: [],
    contactPhone: null,
    limits: null,
    services: [
      { id: 'b', name: '乙', kind: 'queue', description: '', sort: 2 },
      { id: 'a', name: '甲', kind: 'booking', description: '', sort: 1 },
    ],
  };
  const round = (fields: Partial<RoundRecord> = {}): RoundRecord => ({
    id: 'r1',
    community: 'c1',
    title: '点单',
    candidates: [
      { id: 'a', name: '甲', kind: 'booking', description: '', source: 'current' },
      { id: 'p-1', name: '手机课', kind: 'drop-in', description: '', source: 'proposal' },
    ],
    maxChoices: 1,
    closesOn: '2026-12-09',
    status: 'open',
    menu: null,
    createdBy: 'staff',
    createdAt: NOW.toISOString(),
    publishedAt: null,
    ...fields,
  });
  let n = 0;
  const ids = () => `ID${(n += 1)}`;

  it('opens one round at a time, not closing before today, services first then proposals', () => {
    const input = {
      title: '点单',
      maxChoices: 3,
      closesOn: '2026-12-09',
      proposals: [
        { name: '手机课', kind: 'drop-in' as const, description: '', suggestionId: 's1' },
      ],
    };
    const made = newRound(community, null, input, 'staff', ids, NOW);
    expect(made.candidates.map((c) => [c.id.startsWith('p-') ? 'p' : c.id, c.source])).toEqual([
      ['a', 'current'],
      ['b', 'current'],
      ['p', 'suggestion'],
    ]);
    expect(() => newRound(community, round(), input, 'staff', ids, NOW)).toThrow('还有一轮点单');
    expect(newRound(community, round({ status: 'closed' }), input, 'staff', ids, NOW).status).toBe(
      'open',
    );
    expect(() =>
      newRound(community, null, { ...input, closesOn: '2026-12-01' }, 'staff', ids, NOW),
    ).toThrow('截止日期不能早于今天');
  });

  it('takes one ballot per resident while open, and keys paper copies by request', () => {
    expect(residentBallot(round(), 'u1', ['a', 'a'], NOW)).toMatchObject({
      voterKey: 'u1',
      choices: ['a'],
      paper: false,
    });
    expect(() => residentBallot(round(), 'u1', ['a', 'p-1'], NOW)).toThrow('每人最多选 1 项');
    expect(() => residentBallot(round({ status: 'closed' }), 'u1', ['a'], NOW)).toThrow('已经结束');
    const input = { choices: ['p-1'], copies: 2, requestId: 'req' };
    expect(paperBallots(round(), 's1', input, NOW).map((b) => b.voterKey)).toEqual([
      'paper:s1:req:0',
      'paper:s1:req:1',
    ]);
  });

  it('moves status by compare-and-set and publishes a closed round’s menu once', () => {
    expect(patchRoundIfStatus(round(), ['open'], { status: 'closed' })?.status).toBe('closed');
    expect(patchRoundIfStatus(round(), ['closed'], { status: 'published' })).toBeNull();
    expect(() => publication(round(), ['a'], NOW)).toThrow('请先结束投票');
    expect(() => publication(round({ status: 'published' }), ['a'], NOW)).toThrow('已经发布过了');
    expect(() => publication(round({ status: 'closed' }), ['x'], NOW)).toThrow('菜单里有');
    const { services, from, patch } = publication(round({ status: 'closed' }), ['p-1', 'a'], NOW);
    expect(services.map((s) => [s.id, s.sort])).toEqual([
      ['p-1', 1],
      ['a', 2],
    ]);
    expect(from).toEqual(['open', 'closed']);
    expect(patch).toMatchObject({ status: 'published', menu: ['p-1', 'a'] });
  });
});
