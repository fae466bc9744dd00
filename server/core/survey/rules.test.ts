/** The 居民点单 rules on plain records, without a store. */
import type { CommunityRecord, RoundRecord } from '../ports';
import type { VoteRecord } from '../ports';
import {
  ballotKind,
  ballotRef,
  BURST,
  burstVoters,
  newRound,
  paperBallots,
  patchRoundIfStatus,
  publication,
  rank,
  residentBallot,
} from './rules';

/** Wednesday 2026-12-02 21:00 in Suzhou. */
const NOW = new Date('2026-12-02T13:00:00.000Z');

describe('居民点单 rounds', () => {
  const community: CommunityRecord = {
    id: 'c1',
    name: '一号社区',
    evenings: [],
    contactPhone: null,
    limits: null,
    address: '',
    archivedAt: null,
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

describe('reviewing ballots', () => {
  const at = (minute: number) => new Date(NOW.getTime() + minute * 60_000).toISOString();
  const vote = (voterKey: string, minute: number, choices = ['a'], paper = false): VoteRecord => ({
    roundId: 'r1',
    voterKey,
    choices,
    paper,
    updatedAt: at(minute),
    voidedAt: null,
    voidedBy: null,
  });

  it(`flags ${BURST.size} online ballots with the same choices within ${BURST.minutes} minutes`, () => {
    const burst = Array.from({ length: BURST.size }, (_, i) => vote(`u_${i}`, i * 2));
    const others = [vote('wx:o-1', 3, ['p-1']), vote('u_late', 40)];
    expect([...burstVoters([...burst, ...others])].sort()).toEqual(
      burst.map((v) => v.voterKey).sort(),
    );
  });

  it('does not flag fewer, slower, differently chosen or paper ballots', () => {
    const fewer = Array.from({ length: BURST.size - 1 }, (_, i) => vote(`u_${i}`, i));
    expect(burstVoters(fewer).size).toBe(0);
    const slower = Array.from({ length: BURST.size }, (_, i) => vote(`u_${i}`, i * 3));
    expect(burstVoters(slower).size).toBe(0);
    const mixed = Array.from({ length: BURST.size }, (_, i) => vote(`u_${i}`, i, [`c${i}`]));
    expect(burstVoters(mixed).size).toBe(0);
    const paper = Array.from({ length: 10 }, (_, i) => vote(`paper:s:r:${i}`, 0, ['a'], true));
    expect(burstVoters(paper).size).toBe(0);
  });

  it('names the kind of voter and a ref that does not reveal them', () => {
    expect(ballotKind(vote('wx:o-1', 0))).toBe('wechat');
    expect(ballotKind(vote('u_abc', 0))).toBe('browser');
    expect(ballotKind(vote('paper:s:r:0', 0, ['a'], true))).toBe('paper');
    const ref = ballotRef(vote('wx:o-1', 0));
    expect(ref).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(ref).not.toContain('o-1');
    expect(ballotRef(vote('wx:o-1', 9))).toBe(ref);
    expect(ballotRef({ roundId: 'r2', voterKey: 'wx:o-1' })).not.toBe(ref);
  });

  it('leaves voided ballots out of the count', () => {
    const candidates = [
      {
        id: 'a',
        name: '甲',
        kind: 'booking' as const,
        description: '',
        source: 'current' as const,
      },
      { id: 'b', name: '乙', kind: 'queue' as const, description: '', source: 'current' as const },
    ];
    const votes = [
      { ...vote('u_1', 0, ['a']), voidedAt: at(5), voidedBy: 's' },
      { ...vote('u_2', 0, ['a']), voidedAt: at(5), voidedBy: 's' },
      vote('wx:o-1', 0, ['b']),
    ];
    const { ranking } = rank(candidates, votes);
    expect(ranking.map((r) => [r.id, r.votes])).toEqual([
      ['b', 1],
      ['a', 0],
    ]);
  });
});
