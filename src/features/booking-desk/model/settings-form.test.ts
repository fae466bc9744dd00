import { parseServiceSettings, splitBring, toggleWeekday } from './settings-form';

const current = {
  slotMinutes: 30,
  seatsPerSlot: 2,
  cutoffHours: 2,
  bring: ['身份证', '户口本'],
  weekdays: [],
};

describe('booking settings form', () => {
  it('returns only the changed settings', () => {
    expect(
      parseServiceSettings(
        {
          slotMinutes: '15',
          seatsPerSlot: ' 2 ',
          cutoffHours: '2',
          bring: '身份证、户口本',
          weekdays: [],
        },
        current,
      ),
    ).toEqual({ patch: { slotMinutes: 15 }, errors: {} });
  });

  it('reads the materials separated by commas or 顿号, and an empty field as nothing to bring', () => {
    expect(splitBring('身份证、户口本, 老年卡，医保卡;  ')).toEqual([
      '身份证',
      '户口本',
      '老年卡',
      '医保卡',
    ]);
    expect(
      parseServiceSettings(
        { slotMinutes: '30', seatsPerSlot: '2', cutoffHours: '2', bring: '  ', weekdays: [] },
        current,
      ).patch,
    ).toEqual({ bring: [] });
  });

  it('names each wrong field in Chinese', () => {
    const { patch, errors } = parseServiceSettings(
      {
        slotMinutes: '25',
        seatsPerSlot: '0',
        cutoffHours: '73',
        bring: '一二三四五六七八九十一二三四五六七八九十一',
        weekdays: [],
      },
      current,
    );
    expect(patch).toEqual({});
    expect(errors).toEqual({
      slotMinutes: '每段分钟请填 10、15、20、30、45、60 中的一个',
      seatsPerSlot: '每段名额请填 1 到 50 之间的整数',
      cutoffHours: '提前取消小时请填 0 到 72 之间的整数',
      bring: '每项材料最多 20 个字',
    });
  });

  it('caps the materials at ten', () => {
    const { errors } = parseServiceSettings(
      {
        ...{ slotMinutes: '30', seatsPerSlot: '2', cutoffHours: '2' },
        bring: 'a,b,c,d,e,f,g,h,i,j,k',
        weekdays: [],
      },
      current,
    );
    expect(errors).toEqual({ bring: '需携带材料最多填 10 项' });
  });

  describe('服务的晚上', () => {
    const draft = {
      slotMinutes: '30',
      seatsPerSlot: '2',
      cutoffHours: '2',
      bring: '身份证、户口本',
    };

    it('sends the ticked evenings ascending, and none ticked as every evening, only when changed', () => {
      expect(toggleWeekday(toggleWeekday([], 5), 3)).toEqual([3, 5]);
      expect(toggleWeekday([3, 5], 3)).toEqual([5]);
      expect(parseServiceSettings({ ...draft, weekdays: [3, 5] }, current, [3, 5]).patch).toEqual({
        weekdays: [3, 5],
      });
      expect(
        parseServiceSettings({ ...draft, weekdays: [] }, { ...current, weekdays: [3] }, [3, 5])
          .patch,
      ).toEqual({ weekdays: [] });
      expect(
        parseServiceSettings({ ...draft, weekdays: [5, 3] }, { ...current, weekdays: [3, 5] })
          .patch,
      ).toEqual({});
    });

    it('refuses an evening the community does not hold', () => {
      expect(parseServiceSettings({ ...draft, weekdays: [1, 3] }, current, [3])).toEqual({
        patch: {},
        errors: { weekdays: '周一不是本社区的服务夜，请取消勾选' },
      });
    });
  });
});
