import { parseLaunchParams } from './launch-params';

describe('launch params', () => {
  it('reads c and q from an encoded mini-program scene', () => {
    expect(parseLaunchParams({ scene: encodeURIComponent('c=jinse&q=bp') })).toEqual({
      community: 'jinse',
      queue: 'bp',
    });
  });

  it('reads c directly from a link or H5 URL', () => {
    expect(parseLaunchParams({ c: 'huchi' })).toEqual({ community: 'huchi', queue: null });
  });

  it('returns nulls without parameters', () => {
    expect(parseLaunchParams({})).toEqual({ community: null, queue: null });
    expect(parseLaunchParams({ c: '  ' })).toEqual({ community: null, queue: null });
  });

  it('survives malformed encoding', () => {
    expect(parseLaunchParams({ scene: 'c=%E0%A4%A' }).community).toBe('%E0%A4%A');
  });
});
