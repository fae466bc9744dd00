import { boardAddressText, boardPath, boardUrl } from './board-address';

describe('board address', () => {
  it('opens the board page with the community, escaped like any query value', () => {
    expect(boardUrl('shishan')).toBe('/package-board/pages/board/index?c=shishan');
    expect(boardUrl('a&b')).toBe('/package-board/pages/board/index?c=a%26b');
    expect(boardPath('a b')).toBe('/board/a%20b');
  });

  it('gives the full address in H5 and the path alone in the mini-program', () => {
    expect(boardAddressText('shishan', 'http://192.168.1.20:8080')).toBe(
      '电视浏览器地址：http://192.168.1.20:8080/board/shishan',
    );
    expect(boardAddressText('shishan', null)).toBe('电视浏览器地址：网页版地址后加 /board/shishan');
  });
});
