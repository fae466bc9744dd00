import { normaliseHhmm, parseSettings } from './settings-form';

const config = { capacity: 100, lastJoin: '19:30', graceMinutes: 10, defaultServiceMinutes: 5 };

describe('settings form', () => {
  it('returns only the changed settings', () => {
    expect(
      parseSettings(
        { capacity: '60', lastJoin: '19：40', graceMinutes: '10', defaultServiceMinutes: '5' },
        config,
      ),
    ).toEqual({ patch: { capacity: 60, lastJoin: '19:40' }, errors: {} });
  });

  it('names each wrong field in Chinese', () => {
    const { patch, errors } = parseSettings(
      { capacity: '0', lastJoin: '25:00', graceMinutes: '61', defaultServiceMinutes: 'abc' },
      config,
    );
    expect(patch).toEqual({});
    expect(errors).toEqual({
      capacity: '名额请填 1 到 999 之间的整数',
      lastJoin: '截止取号时间请按 19:30 这样的格式填写',
      graceMinutes: '过号保留分钟请填 0 到 60 之间的整数',
      defaultServiceMinutes: '每位预计分钟请填 1 到 60 之间的整数',
    });
  });

  it('reads times the way staff type them', () => {
    expect(normaliseHhmm('9:05')).toBe('09:05');
    expect(normaliseHhmm('1930')).toBe('19:30');
    expect(normaliseHhmm(' 19:30 ')).toBe('19:30');
    expect(normaliseHhmm('19.30')).toBeNull();
    expect(normaliseHhmm('19:60')).toBeNull();
  });
});
