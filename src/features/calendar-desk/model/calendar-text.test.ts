import { cancelledText } from './calendar-text';

describe('what a cancellation did, in words', () => {
  it('names the sign-ups it cancelled only when there were some', () => {
    expect(cancelledText('2026-12-09', 1, 1)).toBe(
      '已暂停 12月9日 周三：取消了 1 个预约，已通知 1 位居民',
    );
    expect(cancelledText('2026-12-09', 0, 2, 2)).toBe(
      '已暂停 12月9日 周三：取消了 0 个预约和 2 个活动报名，已通知 2 位居民',
    );
  });
});
