import { eveningReportFixture } from '@/test-utils/fixtures';
import { costsDraftOf, parseCosts, parseYuan } from './costs-form';

const services = eveningReportFixture().services;

describe('unit cost form', () => {
  it('starts from the report’s unit costs', () => {
    expect(costsDraftOf(services)).toEqual({ bp: '15', repair: '', chess: '0', activity: '20' });
  });

  it('reads yuan amounts', () => {
    expect(parseYuan('15')).toBe(15);
    expect(parseYuan(' 12.5 元')).toBe(12.5);
    expect(parseYuan('0')).toBe(0);
    expect(parseYuan('10001')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
    expect(parseYuan('十五')).toBeNull();
  });

  it('sends only what changed', () => {
    const draft = { ...costsDraftOf(services), repair: '30', activity: '25.5' };
    expect(parseCosts('jinse', services, draft)).toEqual({
      input: { community: 'jinse', costs: { repair: 30, activity: 25.5 } },
      errors: {},
    });
    expect(parseCosts('jinse', services, costsDraftOf(services))).toEqual({
      input: null,
      errors: { form: '单价没有改动' },
    });
  });

  it('says what is wrong next to each service', () => {
    const draft = { ...costsDraftOf(services), bp: '', repair: 'abc' };
    expect(parseCosts('jinse', services, draft)).toEqual({
      input: null,
      errors: { bp: '单价不能清空；不计费请填 0', repair: '请填 0–10000 元，如 15 或 12.5' },
    });
  });
});
