import { emptyChange, parseChange } from './change-form';

describe('你说我做 form', () => {
  it('says everything that is missing', () => {
    expect(parseChange('jinse', { title: ' ', detail: '', since: '2026-02-30' }, [])).toEqual({
      input: null,
      errors: {
        title: '请写改进的标题，如：周三晚增加康复理疗',
        detail: '请写改进的内容',
        since: '请选择从哪天开始',
        suggestionIds: '请先勾选这项改进回应的已采纳建议',
      },
    });
  });

  it('builds the entry with the ticked suggestions', () => {
    const draft = { ...emptyChange('2026-12-03'), title: ' 活动室换亮灯 ', detail: '已换 LED 灯' };
    expect(parseChange('jinse', draft, ['sg-3', 'sg-4'])).toEqual({
      input: {
        community: 'jinse',
        title: '活动室换亮灯',
        detail: '已换 LED 灯',
        since: '2026-12-03',
        suggestionIds: ['sg-3', 'sg-4'],
      },
      errors: {},
    });
  });

  it('keeps the title within 60 characters', () => {
    const draft = { title: '灯'.repeat(61), detail: '换灯', since: '2026-12-03' };
    expect(parseChange('jinse', draft, ['sg-3']).errors).toEqual({ title: '标题最多 60 字' });
  });
});
