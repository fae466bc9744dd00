import { parseLaunchParams } from './launch-params';

describe('launch params', () => {
  it('reads c and q from an encoded mini-program scene', () => {
    expect(parseLaunchParams({ scene: encodeURIComponent('c=jinse&q=bp') })).toEqual({
      community: 'jinse',
      queue: 'bp',
      service: null,
    });
  });

  it('reads c directly from a link or H5 URL', () => {
    expect(parseLaunchParams({ c: 'huchi' })).toEqual({
      community: 'huchi',
      queue: null,
      service: null,
    });
  });

  it('returns nulls without parameters', () => {
    const none = { community: null, queue: null, service: null };
    expect(parseLaunchParams({})).toEqual(none);
    expect(parseLaunchParams({ c: '  ' })).toEqual(none);
  });

  it('reads a bookable service as s, from a link or a scene', () => {
    expect(parseLaunchParams({ c: 'jinse', s: 'paperwork' }).service).toBe('paperwork');
    expect(parseLaunchParams({ scene: encodeURIComponent('c=jinse&s=repair') })).toEqual({
      community: 'jinse',
      queue: null,
      service: 'repair',
    });
  });

  it('survives malformed encoding', () => {
    expect(parseLaunchParams({ scene: 'c=%E0%A4%A' }).community).toBe('%E0%A4%A');
  });
});
