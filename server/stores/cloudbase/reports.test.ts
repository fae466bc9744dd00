/**
 * The CloudBase ReportRepo against wx-server-sdk mocked at its edge: one document per community,
 * read and written by `_id`, as the follow-up rules are (followups.test.ts).
 */
import { createCloudBaseStore } from './index';
import { mockDb, notFoundError, type MockDb } from './mock-sdk';

let mock: MockDb;
const reports = () => createCloudBaseStore(mock.db).reports;

beforeEach(() => {
  mock = mockDb();
});

describe('reports costs', () => {
  it('are null before staff set any, whichever way the SDK reports the missing document', async () => {
    expect(await reports().getCosts('c1')).toBeNull();
    mock.doc('report_costs', 'c2').get.mockRejectedValueOnce(notFoundError('report_costs', 'c2'));
    expect(await reports().getCosts('c2')).toBeNull();
    expect(mock.dbOps()).toEqual(['get report_costs/c1', 'get report_costs/c2']);
    expect(mock.queries).toEqual([]);
  });

  it('are saved as one list per community (set, replacing the last) and read back as a map', async () => {
    const costs = { paperwork: 20, activity: 12.5, health: 0 };
    await reports().saveCosts('c1', costs);
    expect(mock.dbOps()).toEqual(['set report_costs/c1']);
    const data = mock.doc('report_costs', 'c1').set.mock.calls[0]![0].data;
    expect(data).toEqual({
      community: 'c1',
      costs: [
        { service: 'paperwork', yuan: 20 },
        { service: 'activity', yuan: 12.5 },
        { service: 'health', yuan: 0 },
      ],
    });
    mock.doc('report_costs', 'c1').get.mockResolvedValueOnce({ data: { _id: 'c1', ...data } });
    expect(await reports().getCosts('c1')).toEqual(costs);
  });

  it('save an empty map as an empty list, which reads back as {} (set, not null)', async () => {
    await reports().saveCosts('c1', {});
    const data = mock.doc('report_costs', 'c1').set.mock.calls[0]![0].data;
    expect(data).toEqual({ community: 'c1', costs: [] });
    mock.doc('report_costs', 'c1').get.mockResolvedValueOnce({ data });
    expect(await reports().getCosts('c1')).toEqual({});
  });

  it('fail loudly on a malformed document, naming the field', async () => {
    const bad = (costs: unknown) =>
      mock
        .doc('report_costs', 'c1')
        .get.mockResolvedValueOnce({ data: { community: 'c1', costs } });
    bad([{ service: 'paperwork', yuan: '20' }]);
    await expect(reports().getCosts('c1')).rejects.toThrow(
      'report_costs/c1 costs[0]: bad or missing "yuan"',
    );
    bad([{ service: 'paperwork', yuan: Number.NaN }]);
    await expect(reports().getCosts('c1')).rejects.toThrow('"yuan"');
    bad([{ yuan: 20 }]);
    await expect(reports().getCosts('c1')).rejects.toThrow('"service"');
    bad({ paperwork: 20 });
    await expect(reports().getCosts('c1')).rejects.toThrow(
      'report_costs/c1: bad or missing "costs"',
    );
  });

  it('use the prefixed collection', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).reports;
    await prefixed.getCosts('c1');
    await prefixed.saveCosts('c1', { paperwork: 1 });
    expect(mock.collections).toEqual(['contract_report_costs', 'contract_report_costs']);
  });
});
