import { createCloudBaseEmulator } from '../server/testing/cloudbase-emulator';
import { COLLECTIONS } from '../server/stores/cloudbase';
import { communitiesFrom, parseEvening, prepareEnvironment } from './cloud-seed';

describe('npm run cloud:seed', () => {
  it('creates every collection and the pilots in an empty environment, and changes nothing the second time', async () => {
    const emulator = createCloudBaseEmulator();
    const db = emulator.database();
    const first = await prepareEnvironment(db, communitiesFrom(['--pilots']));
    expect(first.collections.sort()).toEqual([...COLLECTIONS].sort());
    expect(first.communities).toEqual(['jinse', 'huchi']);
    expect(emulator.dump('communities').map((c) => c._id)).toEqual(['jinse', 'huchi']);
    const again = await prepareEnvironment(db, communitiesFrom(['--pilots']));
    expect(again).toEqual({ collections: [], communities: [] });
  });

  it('creates one community from the command line with the eight pilot services', async () => {
    const emulator = createCloudBaseEmulator();
    const [community] = communitiesFrom([
      '--community',
      'xinyuan',
      '--name',
      '新苑社区',
      '--evening',
      '4@17:30-20:30',
    ]);
    await prepareEnvironment(emulator.database(), [community!]);
    expect(emulator.dump('communities')).toEqual([
      expect.objectContaining({
        _id: 'xinyuan',
        name: '新苑社区',
        evenings: [{ weekday: 4, opensAt: '17:30', closesAt: '20:30' }],
      }),
    ]);
  });

  it('refuses a malformed evening or id before touching anything', () => {
    expect(() => parseEvening('周三 17:00')).toThrow(/3@17:00-20:00/);
    expect(() => parseEvening('3@20:00-17:00')).toThrow(/closes before/);
    expect(() =>
      communitiesFrom(['--community', 'Bad Id', '--name', 'x', '--evening', '3@17:00-20:00']),
    ).toThrow(/a-z/);
    expect(() => communitiesFrom([])).toThrow(/--pilots/);
  });
});
