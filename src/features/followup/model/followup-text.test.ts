import { followUpTopic, pendingPrompt } from './followup-text';

describe('follow-up words', () => {
  it('says the evening and what waits for me', () => {
    expect(followUpTopic({ date: '2026-12-02' })).toBe('关于 12月2日 的服务');
    const f = {
      id: 'f-1',
      community: 'jinse',
      communityName: '金色里程',
      date: '2026-12-02',
      services: [],
    };
    expect(pendingPrompt(null)).toBeNull();
    expect(pendingPrompt([])).toBeNull();
    expect(
      pendingPrompt([
        { ...f, kind: 'ask' },
        { ...f, kind: 'invite' },
      ]),
    ).toBe('您有 1 条回访待回复');
    expect(pendingPrompt([{ ...f, kind: 'invite' }])).toBe('社工回访过您，还有想法欢迎提建议');
  });
});
