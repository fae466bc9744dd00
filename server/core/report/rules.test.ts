/** The unit cost rules on plain records, without a store. */
import type { CommunityRecord } from '../ports';
import { mergedCosts } from './rules';

describe('unit costs', () => {
  it('merges over saved costs, for known services and activities only', () => {
    const community = {
      services: [{ id: 'a', name: '甲', kind: 'queue', description: '', sort: 1 }],
    } as CommunityRecord;
    expect(mergedCosts(community, { a: 5 }, { activity: 2 })).toEqual({ a: 5, activity: 2 });
    expect(() => mergedCosts(community, null, { x: 1 })).toThrow('没有“x”这项服务');
  });
});
