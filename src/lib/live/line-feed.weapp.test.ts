import { cloud, resetTaroDouble } from '../../../tests/doubles/taro';
import { lineFixture } from '@/test-utils/fixtures';
import { resetCloudForTests } from '@/lib/cloud';
import { docsOf, subscribeLines, toLineState } from './line-feed.weapp';

interface WatchOptions {
  onChange: (snapshot: unknown) => void;
  onError: (error: unknown) => void;
}

let watches: { where: unknown; options: WatchOptions; close: jest.Mock }[] = [];
const collection = jest.fn();

beforeEach(() => {
  resetTaroDouble();
  resetCloudForTests();
  watches = [];
  collection.mockReset();
  collection.mockImplementation(() => ({
    where: (where: unknown) => ({
      watch: (options: WatchOptions) => {
        const close = jest.fn(() => Promise.resolve());
        watches.push({ where, options, close });
        return { close };
      },
    }),
  }));
  cloud.database.mockReturnValue({ collection });
  jest.useFakeTimers();
});

afterEach(() => jest.useRealTimers());

const doc = (overrides = {}) => ({ _id: 'jinse:library', ...lineFixture(overrides) });

describe('weapp line feed (database watch)', () => {
  it('watches the public lines of one community and hands over each line', () => {
    const onLine = jest.fn();
    const stop = subscribeLines('jinse', { onLine });

    expect(cloud.init).toHaveBeenCalledTimes(1);
    expect(collection).toHaveBeenCalledWith('queue_lines');
    expect(watches[0].where).toEqual({ community: 'jinse' });

    watches[0].options.onChange({ type: 'init', docs: [doc()], docChanges: [] });
    watches[0].options.onChange({
      docs: [doc({ version: 11 })],
      docChanges: [{ dataType: 'update', doc: doc({ version: 11 }) }],
    });
    expect(onLine.mock.calls.map(([l]) => l)).toEqual([
      lineFixture(),
      lineFixture({ version: 11 }),
    ]);

    stop();
    expect(watches[0].close).toHaveBeenCalled();
  });

  it('says it has settled after the first snapshot, once, so missing lines are untouched ones', () => {
    const onSettled = jest.fn();
    subscribeLines('jinse', { onLine: jest.fn(), onSettled });
    expect(onSettled).not.toHaveBeenCalled();
    watches[0].options.onChange({ type: 'init', docs: [], docChanges: [] });
    expect(onSettled).toHaveBeenCalledTimes(1);
    watches[0].options.onChange({
      docs: [doc()],
      docChanges: [{ dataType: 'add', doc: doc() }],
    });
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('opens a new watch after the platform closed one on error', () => {
    subscribeLines('jinse', { onLine: jest.fn() });
    watches[0].options.onError(new Error('socket closed'));
    expect(watches).toHaveLength(1);
    jest.advanceTimersByTime(3_000);
    expect(watches).toHaveLength(2);
  });

  it('reads snapshots defensively', () => {
    expect(docsOf(null)).toEqual([]);
    expect(docsOf({ docChanges: [{ dataType: 'remove', doc: doc() }], docs: [] })).toEqual([]);
    expect(toLineState({ _id: 'x', community: 'jinse' })).toBeNull();
    expect(toLineState(doc())).toEqual(lineFixture());
  });
});
