import { functionNames } from '../../../core/registry';

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  database: jest.fn(),
  getWXContext: jest.fn(),
}));

describe('cloud function entries', () => {
  it.each(functionNames())('%s has an entry exporting main', async (fn) => {
    const entry: unknown = await import(`./${fn}`);
    expect(entry).toHaveProperty('main', expect.any(Function));
  });
});
