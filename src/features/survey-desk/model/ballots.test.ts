import { deskRoundFixture, deskTiedRoundFixture } from '@/test-utils/fixtures';
import { initialMenu, parseMenu, parsePaper, publishWarning, toggleId } from './ballots';

describe('paper ballots and the menu', () => {
  it('ticks and unticks', () => {
    expect(toggleId(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleId(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('checks a stack of paper ballots against the round', () => {
    const round = deskRoundFixture();
    expect(parsePaper(round, [], '0').errors).toEqual({
      choices: '请至少选一项',
      copies: '张数请填 1–200',
    });
    expect(parsePaper(round, ['bp', 'library', 'chess', 'paperwork'], '3').errors).toEqual({
      choices: '每张选票最多 3 项，现在选了 4 项',
    });
    expect(parsePaper(round, ['bp'], '201').errors).toEqual({ copies: '张数请填 1–200' });
    // Choices go in ranking order.
    expect(parsePaper(round, ['library', 'paperwork'], ' 5 ')).toEqual({
      input: { roundId: 'round-2', choices: ['paperwork', 'library'], copies: 5 },
      errors: {},
    });
  });

  it('starts the menu from the proposed candidates, and wants at most eight', () => {
    const round = deskRoundFixture({ status: 'closed' });
    expect(initialMenu(round)).toEqual([
      'paperwork',
      'bp',
      'p-phone',
      'library',
      'repair',
      'p-legal',
      'chess',
      'p-rehab',
    ]);
    const tied = deskTiedRoundFixture();
    expect(initialMenu(tied)).toHaveLength(9);
    expect(parseMenu(tied, initialMenu(tied))).toEqual({
      menu: null,
      error: '菜单最多 8 项，现在选了 9 项，请取消勾选几项',
    });
    expect(parseMenu(tied, [])).toEqual({ menu: null, error: '请至少选一项服务' });
    expect(parseMenu(tied, ['p-kids', 'paperwork'])).toEqual({
      menu: ['paperwork', 'p-kids'],
      error: null,
    });
    expect(publishWarning(8)).toBe('发布后，社区的服务项目会换成这 8 项');
  });
});
