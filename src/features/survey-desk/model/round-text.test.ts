import { deskRoundFixture, deskRoundsFixture, deskTiedRoundFixture } from '@/test-utils/fixtures';
import { menuNames, roundFacts, tiedAtCut, tieText, votesText } from './round-text';

describe('round text', () => {
  it('says the votes, with the paper ones', () => {
    const [first, second] = deskRoundFixture().ranking;
    expect(votesText(first!)).toBe('12 票（其中纸质 3 票）');
    expect(votesText(second!)).toBe('10 票');
    expect(roundFacts(deskRoundFixture())).toBe(
      '截止 12月16日 周三（含当天） · 每人最多选 3 项 · 20 人投票',
    );
  });

  it('names the candidates tied at the cut, only when the tie passes eight', () => {
    expect(tiedAtCut(deskRoundFixture())).toEqual([]);
    expect(tieText(deskRoundFixture())).toBeNull();
    expect(tiedAtCut(deskTiedRoundFixture()).map((c) => c.name)).toEqual(['康复理疗', '儿童托管']);
    expect(tieText(deskTiedRoundFixture())).toBe(
      '第 8 名有 2 项票数相同（康复理疗、儿童托管），入选的有 9 项，超过 8 项：请工作人员商量决定，发布菜单时取消勾选多出的',
    );
  });

  it('names a published menu', () => {
    expect(menuNames(deskRoundsFixture()[1]!)).toEqual(['政务服务', '血压测量', '家电维修']);
    expect(menuNames(deskRoundFixture())).toEqual([]);
  });
});
