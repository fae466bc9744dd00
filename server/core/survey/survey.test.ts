/** 居民点单, through dispatch, on a real SQLite file. */
import type { Tonight } from '../../../contract/community';
import type { Round } from '../../../contract/survey';
import { coreHarness, ok } from '../../testing/core-harness';
import { rank } from './rules';

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
});

describe('居民点单', () => {
  it('ranks with shared places and shows a tie across the eighth place whole', () => {
    const candidates = 'abcdefghij'.split('').map((id) => ({
      id,
      name: id,
      kind: 'drop-in' as const,
      description: '',
      source: 'current' as const,
    }));
    // a 5, b 4, c..g 3 each... h and i tie for 8th with 1, j 0.
    const ballots = [
      ['a', 'b', 'c'],
      ['a', 'b', 'd'],
      ['a', 'b', 'e'],
      ['a', 'b', 'f'],
      ['a', 'c', 'g'],
      ['c', 'd', 'e'],
      ['d', 'e', 'f'],
      ['f', 'g', 'h'],
      ['g', 'i'],
    ].map((choices, n) => ({
      roundId: 'r',
      voterKey: `u${n}`,
      choices,
      paper: n === 0,
      updatedAt: '',
    }));
    const { ranking, tieAtCut } = rank(candidates, ballots);
    expect(ranking.map((r) => [r.id, r.votes, r.rank, r.proposed])).toEqual([
      ['a', 5, 1, true],
      ['b', 4, 2, true],
      ['c', 3, 3, true],
      ['d', 3, 3, true],
      ['e', 3, 3, true],
      ['f', 3, 3, true],
      ['g', 3, 3, true],
      ['h', 1, 8, true],
      ['i', 1, 8, true],
      ['j', 0, 10, false],
    ]);
    expect(tieAtCut).toBe(true);
    expect(ranking[0]!.paperVotes).toBe(1);
    // Before any vote, nine candidates do not "tie for first": nothing is proposed yet.
    const empty = rank(candidates.slice(0, 9), []);
    expect(empty.tieAtCut).toBe(false);
    expect(empty.ranking.filter((r) => r.proposed)).toEqual([]);
  });

  it('opens a round, takes one ballot per resident and paper votes, closes and publishes the menu', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    const round = ok(
      await h.staff<Round>('survey.open', {
        community: 'jinse',
        title: '明年的八点伴服务',
        maxChoices: 3,
        closesOn: '2026-12-09',
        proposals: [{ name: '手机使用课', kind: 'drop-in', description: '教老人用手机' }],
      }),
    );
    expect(round.ranking).toHaveLength(9);
    const phone = round.ranking.find((c) => c.name === '手机使用课')!;
    const vote = (userId: string, choices: string[]) =>
      h.as(userId)<Round>('survey.vote', { roundId: round.id, choices });
    expect(await vote('u1', ['health', 'library', 'repair', 'mending'])).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '每人最多选 3 项' },
    });
    ok(await vote('u1', ['health', 'library']));
    // Changing one's mind replaces the ballot.
    const changed = ok(await vote('u1', ['health', phone.id]));
    expect(changed.mine).toEqual(['health', phone.id]);
    expect(changed.voters).toBe(1);
    ok(await vote('u2', [phone.id]));
    const paper = {
      roundId: round.id,
      choices: [phone.id, 'paperwork'],
      copies: 3,
      requestId: 'paper-stack-01',
    };
    ok(await h.staff('survey.paper', paper));
    const again = ok(await h.staff<Round>('survey.paper', paper));
    expect(again.voters).toBe(5);
    expect(again.ranking[0]).toMatchObject({ id: phone.id, votes: 5, paperVotes: 3, rank: 1 });
    expect(
      ok(await h.as(null)<Round | null>('survey.current', { community: 'jinse' }))?.voters,
    ).toBe(5);

    expect(await h.staff('survey.publish', { roundId: round.id, menu: ['health'] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '请先结束投票，再发布菜单' },
    });
    ok(await h.staff('survey.close', { roundId: round.id }));
    expect(await vote('u3', ['health'])).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    const menu = [
      phone.id,
      'paperwork',
      'health',
      'library',
      'repair',
      'mending',
      'physio',
      'culture',
    ];
    const published = ok(await h.staff<Round>('survey.publish', { roundId: round.id, menu }));
    expect(published).toMatchObject({ status: 'published', menu });
    const tonight = ok(await h.as(null)<Tonight>('community.tonight', { community: 'jinse' }));
    expect(tonight.services.map((s) => s.name)).toEqual([
      '手机使用课',
      '政务服务',
      '健康检测',
      '图书阅览',
      '家电维修',
      '便民缝补',
      '康复理疗',
      '文体活动',
    ]);
  });
});
