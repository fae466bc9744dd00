import type { LineState } from '../../../contract/queue';
import { mockDb, type MockDb } from '../../stores/cloudbase/mock-sdk';
import type { DocData } from '../../stores/cloudbase/sdk';
import { createLinePublisher, lineStateId, LINE_STATE_COLLECTION } from './publisher';

/** A LineState as the stored document the mock returns. */
const stored = (fields: Partial<LineState> = {}): DocData => ({ ...state(fields) });

const state = (fields: Partial<LineState> = {}): LineState => ({
  community: 'c1',
  queue: 'library',
  name: '图书阅览',
  prefix: 'A',
  date: '2026-12-02',
  nowCalling: 'A003',
  nowCallingAt: '2026-12-02T18:28:00+08:00',
  recentlyCalled: ['A003', 'A002', 'A001'],
  waiting: 4,
  issued: 7,
  capacity: 60,
  lastJoin: '19:30',
  paused: false,
  accepting: true,
  serviceMinutes: 5,
  version: 12,
  ...fields,
});

let mock: MockDb;
const log = { error: jest.fn() };
const publisher = () => createLinePublisher(mock.db, { log });
const lineDoc = () => mock.txDoc('queue_lines', 'c1:library');

beforeEach(() => {
  mock = mockDb();
  log.error.mockReset();
});

afterEach(() => jest.restoreAllMocks());

describe('createLinePublisher', () => {
  it('sets the whole LineState on queue_lines/<community>:<queue>, creating it on first publish', async () => {
    expect(LINE_STATE_COLLECTION).toBe('queue_lines');
    expect(lineStateId('c1', 'library')).toBe('c1:library');
    await publisher().publish(state());
    expect(mock.txOps()).toEqual(['get queue_lines/c1:library', 'set queue_lines/c1:library']);
    expect(lineDoc().set).toHaveBeenCalledWith({ data: state() });
    expect(log.error).not.toHaveBeenCalled();
  });

  it('replaces an older version, and an equal one (time-based fields change without a bump)', async () => {
    lineDoc().get.mockResolvedValueOnce({
      data: { _id: 'c1:library', ...stored({ version: 11 }) },
    });
    await publisher().publish(state());
    lineDoc().get.mockResolvedValueOnce({ data: stored({ accepting: true }) });
    await publisher().publish(state({ accepting: false }));
    expect(lineDoc().set).toHaveBeenCalledTimes(2);
    expect(lineDoc().set).toHaveBeenLastCalledWith({ data: state({ accepting: false }) });
  });

  it('never overwrites a newer version published by another instance', async () => {
    lineDoc().get.mockResolvedValueOnce({ data: stored({ version: 13 }) });
    await publisher().publish(state({ version: 12 }));
    expect(lineDoc().set).not.toHaveBeenCalled();
  });

  it('a new evening wins whatever its version (versions restart every evening)', async () => {
    lineDoc().get.mockResolvedValueOnce({ data: stored({ date: '2026-12-01', version: 80 }) });
    await publisher().publish(state({ date: '2026-12-02', version: 1 }));
    expect(lineDoc().set).toHaveBeenCalledWith({ data: state({ version: 1 }) });
    lineDoc().get.mockResolvedValueOnce({ data: stored({ date: '2026-12-02', version: 1 }) });
    await publisher().publish(state({ date: '2026-12-01', version: 81 }));
    expect(lineDoc().set).toHaveBeenCalledTimes(1);
  });

  it('overwrites a stored document it cannot read a version from', async () => {
    lineDoc().get.mockResolvedValueOnce({ data: { junk: true } });
    await publisher().publish(state());
    expect(lineDoc().set).toHaveBeenCalledTimes(1);
  });

  it('never throws: a failing database is logged once the retries are spent', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    mock.runTransaction.mockRejectedValue(new Error('network down'));
    await expect(publisher().publish(state())).resolves.toBeUndefined();
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0]![0]).toContain('queue_lines/c1:library (version 12)');
    expect(log.error.mock.calls[0]![1]).toEqual(new Error('network down'));
  });

  it('uses the collection prefix', async () => {
    await createLinePublisher(mock.db, { collectionPrefix: 'contract_', log }).publish(state());
    expect(mock.txOps()).toEqual([
      'get contract_queue_lines/c1:library',
      'set contract_queue_lines/c1:library',
    ]);
  });
});
