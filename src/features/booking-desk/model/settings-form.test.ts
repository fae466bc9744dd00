import { parseServiceSettings, splitBring } from './settings-form';

const current = { slotMinutes: 30, seatsPerSlot: 2, cutoffHours: 2, bring: ['身份证', '户口本'] };

describe('booking settings form', () => {
  it('returns only the changed settings', () => {
    expect(
      parseServiceSettings(
        { slotMinutes: '15', seatsPerSlot: ' 2 ', cutoffHours: '2', bring: '身份证、户口本' },
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
        { slotMinutes: '30', seatsPerSlot: '2', cutoffHours: '2', bring: '  ' },
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
      },
      current,
    );
    expect(errors).toEqual({ bring: '需携带材料最多填 10 项' });
  });
});
