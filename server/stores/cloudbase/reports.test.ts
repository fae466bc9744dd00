/**
 * The CloudBase ReportRepo on the CloudBase emulator, for what the shared contract
 * (emulator.contract.test.ts) does not check: the one document per community that production
 * data depends on, malformed documents, and the collection prefix. Documents seeded here bypass
 * the adapter.
 */
import { emulatedStore } from '../../testing/emulated-store';

function setup(prefix = '') {
  const env = emulatedStore({ prefix });
  return { ...env, reports: env.store.reports };
}

describe('reports costs', () => {
  it('are stored as one list per community, replaced whole by each save, and read back as a map', async () => {
    const { emulator, reports } = setup();
    await reports.saveCosts('c1', { paperwork: 20, activity: 12.5, health: 0 });
    expect(emulator.dump('report_costs')).toEqual([
      {
        _id: 'c1',
        community: 'c1',
        costs: [
          { service: 'paperwork', yuan: 20 },
          { service: 'activity', yuan: 12.5 },
          { service: 'health', yuan: 0 },
        ],
      },
    ]);
    expect(await reports.getCosts('c1')).toEqual({ paperwork: 20, activity: 12.5, health: 0 });
    // A service left out is no longer costed.
    await reports.saveCosts('c1', { activity: 10 });
    expect(await reports.getCosts('c1')).toEqual({ activity: 10 });
  });

  it('save an empty map as an empty list, which reads back as {} (not null)', async () => {
    const { emulator, reports } = setup();
    await reports.saveCosts('c1', {});
    expect(emulator.dump('report_costs')).toEqual([{ _id: 'c1', community: 'c1', costs: [] }]);
    expect(await reports.getCosts('c1')).toEqual({});
  });

  it('fail loudly on a malformed document, naming the field', async () => {
    const { reports, seed } = setup();
    const bad = async (costs: unknown) => {
      await seed('report_costs', 'c1', { community: 'c1', costs });
      return reports.getCosts('c1');
    };
    await expect(bad([{ service: 'paperwork', yuan: '20' }])).rejects.toThrow(
      'report_costs/c1 costs[0]: bad or missing "yuan"',
    );
    // NaN is stored as null, as the SDK's wire format does.
    await expect(bad([{ service: 'paperwork', yuan: Number.NaN }])).rejects.toThrow(
      'report_costs/c1 costs[0]: bad or missing "yuan"',
    );
    await expect(bad([{ yuan: 20 }])).rejects.toThrow(
      'report_costs/c1 costs[0]: bad or missing "service"',
    );
    await expect(bad({ paperwork: 20 })).rejects.toThrow('report_costs/c1: bad or missing "costs"');
  });

  it('use the prefixed collection', async () => {
    // Only the prefixed collections exist: an unprefixed name would fail as missing.
    const { emulator, reports } = setup('contract_');
    await reports.saveCosts('c1', { paperwork: 1 });
    expect(await reports.getCosts('c1')).toEqual({ paperwork: 1 });
    expect(emulator.log().map((op) => op.collection)).toEqual([
      'contract_report_costs',
      'contract_report_costs',
    ]);
  });
});
