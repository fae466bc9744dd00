/**
 * The CloudBase QueueRepo against wx-server-sdk mocked at its edge: every document read is
 * canned, every call recorded. What is checked is what the adapter asks the database to do (and
 * how many operations that costs), not a database's behaviour; the shared contract suite checks
 * behaviour against a real environment.
 */
import type { JoinOutcome, JoinRequest, TicketRecord } from '../../core/ports';
import {
  createCloudBaseStore,
  JOIN_MAX_OPERATIONS,
  JOIN_OPERATIONS,
  PAGE_SIZE,
  SUMMARY_OPERATIONS,
} from './index';
import { notFoundError } from './mock-sdk';
import { fieldKey, requestKey } from './queues';
import type { DocData } from './sdk';
import { instantRetries, mock, noWrites, useMockDb, written } from './test-support';
import { MANY_RACERS } from './transaction';

const DATE = '2026-12-02';
const NOW = new Date('2026-12-02T11:00:00.000Z');
const NOW_ISO = '2026-12-02T11:00:00.000Z';
const EVENING = `c1:library:${DATE}`;
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

useMockDb();
const queues = () => createCloudBaseStore(mock.db).queues;

const request = (fields: Partial<JoinRequest> = {}): JoinRequest => ({
  community: 'c1',
  queue: 'library',
  date: DATE,
  prefix: 'A',
  userId: 'wx:o-1',
  requestId: 'req-aaaaaaaa',
  note: '',
  capacity: 100,
  now: NOW,
  graceMinutes: 10,
  ignorePause: false,
  ...fields,
});

const eveningDoc = (fields: DocData = {}): DocData => ({
  community: 'c1',
  queue: 'library',
  date: DATE,
  paused: false,
  lastNumber: 0,
  version: 0,
  holders: {},
  requests: {},
  servedCount: 0,
  servedSeconds: 0,
  ...fields,
});

const ticketRecord = (fields: Partial<TicketRecord> = {}): TicketRecord => ({
  id: 't1',
  community: 'c1',
  queue: 'library',
  date: DATE,
  number: 1,
  label: 'A001',
  status: 'waiting',
  userId: 'wx:o-1',
  note: '',
  requestId: 'req-aaaaaaaa',
  sortKey: 1,
  createdAt: '2026-12-02T10:50:00.000Z',
  calledAt: null,
  missedAt: null,
  closedAt: null,
  serviceSeconds: null,
  alerted: false,
  ...fields,
});

const ticketDoc = (fields: Partial<TicketRecord> = {}): DocData => {
  const { id: _id, ...doc } = ticketRecord(fields);
  return doc;
};

const cannedEvening = (fields: DocData = {}) =>
  mock.txDoc('queue_evenings', EVENING).get.mockResolvedValueOnce({ data: eveningDoc(fields) });
const cannedTicket = (id: string, fields: Partial<TicketRecord> = {}) =>
  mock.txDoc('tickets', id).get.mockResolvedValueOnce({ data: ticketDoc({ id, ...fields }) });

describe('fieldKey / requestKey', () => {
  it('leaves the ids the app makes unchanged', () => {
    expect(fieldKey('wx:oAbC-12_x')).toBe('wx:oAbC-12_x');
    expect(fieldKey('u_Ab3')).toBe('u_Ab3');
    expect(requestKey('wx:o-1', 'req-aaaaaaaa')).toBe('wx:o-1|req-aaaaaaaa');
    // A walk-in has no user; staff scope its request id with their own id.
    expect(requestKey(null, 'wx:o-staff:req-1')).toBe('|wx:o-staff:req-1');
  });

  it('encodes what CloudBase field names cannot hold, and the escape and separator themselves', () => {
    expect(fieldKey('a.b')).toBe('a%2Eb');
    expect(fieldKey('$where')).toBe('%24where');
    expect(fieldKey('100%')).toBe('100%25');
    expect(fieldKey('a|b')).toBe('a%7Cb');
    expect(fieldKey('王')).toBe('%E7%8E%8B');
    for (const key of ['a.b', '$where', '100%', 'a|b', '王', 'x y']) {
      expect(fieldKey(key)).toMatch(/^[A-Za-z0-9_:%-]+$/);
    }
  });

  it('never lets two different ids share a key', () => {
    const ids = ['a.b', 'a%2Eb', 'a%252Eb', 'a|b', 'a%7Cb'];
    expect(new Set(ids.map(fieldKey)).size).toBe(ids.length);
    expect(requestKey('a|b', 'c')).not.toBe(requestKey('a', 'b|c'));
  });
});

describe('queues.join', () => {
  it(`issues a number in one transaction of ${JOIN_MAX_OPERATIONS} operations, creating the evening`, async () => {
    const outcome = await queues().join(request());
    expect(outcome.kind).toBe('created');
    if (outcome.kind !== 'created') return;
    const { ticket } = outcome;
    expect(ticket).toEqual(ticketRecord({ id: ticket.id, createdAt: NOW_ISO }));
    expect(ticket.id).toMatch(/^[A-Za-z0-9_-]{12}$/);

    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txOps()).toEqual([
      `get queue_evenings/${EVENING}`,
      `set queue_evenings/${EVENING}`,
      `set tickets/${ticket.id}`,
    ]);
    expect(mock.txOps()).toHaveLength(JOIN_MAX_OPERATIONS);
    expect(JOIN_OPERATIONS.created).toBe(JOIN_MAX_OPERATIONS);
    // Nothing outside the transaction.
    expect(mock.collections).toEqual([]);

    expect(written('queue_evenings', EVENING)).toEqual(
      eveningDoc({
        lastNumber: 1,
        version: 1,
        holders: { 'wx:o-1': { ticketId: ticket.id, missedAt: null } },
        requests: { 'wx:o-1|req-aaaaaaaa': ticket.id },
      }),
    );
    // The ticket document carries every record field but its id, which is the _id.
    expect(written('tickets', ticket.id)).toEqual(ticketDoc({ createdAt: NOW_ISO }));
  });

  it('takes the next number on an existing evening, keeping the other holders and requests', async () => {
    cannedEvening({
      lastNumber: 4,
      version: 9,
      holders: { 'wx:o-2': { ticketId: 't2', missedAt: null } },
      requests: { 'wx:o-2|req-bbbbbbbb': 't2' },
    });
    const outcome = await queues().join(request({ prefix: 'B' }));
    if (outcome.kind !== 'created') throw new Error(outcome.kind);
    expect(outcome.ticket).toMatchObject({ number: 5, label: 'B005', sortKey: 5 });
    const id = outcome.ticket.id;
    expect(written('queue_evenings', EVENING)).toEqual(
      eveningDoc({
        lastNumber: 5,
        version: 10,
        holders: {
          'wx:o-2': { ticketId: 't2', missedAt: null },
          'wx:o-1': { ticketId: id, missedAt: null },
        },
        requests: { 'wx:o-2|req-bbbbbbbb': 't2', 'wx:o-1|req-aaaaaaaa': id },
      }),
    );
    expect(mock.txOps()).toHaveLength(JOIN_OPERATIONS.created);
  });

  it('creates the evening also when the SDK throws not-found for it', async () => {
    mock
      .txDoc('queue_evenings', EVENING)
      .get.mockRejectedValueOnce(notFoundError('queue_evenings', EVENING));
    expect((await queues().join(request())).kind).toBe('created');
    expect(written('queue_evenings', EVENING)).toMatchObject({ lastNumber: 1, version: 1 });
  });

  it(`returns a retried request's ticket in ${JOIN_OPERATIONS.existing} operations, whatever its status`, async () => {
    cannedEvening({ lastNumber: 3, requests: { 'wx:o-1|req-aaaaaaaa': 't1' } });
    cannedTicket('t1', { status: 'cancelled', closedAt: NOW_ISO });
    expect(await queues().join(request())).toEqual({
      kind: 'existing',
      ticket: ticketRecord({ status: 'cancelled', closedAt: NOW_ISO }),
    });
    expect(mock.txOps()).toEqual([`get queue_evenings/${EVENING}`, 'get tickets/t1']);
    expect(JOIN_OPERATIONS.existing).toBe(2);
  });

  it('a known request wins over a paused or full line', async () => {
    cannedEvening({ paused: true, lastNumber: 1, requests: { 'wx:o-1|req-aaaaaaaa': 't1' } });
    cannedTicket('t1');
    expect(await queues().join(request({ capacity: 1 }))).toMatchObject({ kind: 'existing' });
    noWrites();
  });

  it("returns the resident's active ticket for a new request id", async () => {
    cannedEvening({ lastNumber: 2, holders: { 'wx:o-1': { ticketId: 't1', missedAt: null } } });
    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    expect(await queues().join(request({ requestId: 'req-other-123' }))).toEqual({
      kind: 'existing',
      ticket: ticketRecord({ status: 'called', calledAt: NOW_ISO }),
    });
    expect(mock.txOps()).toHaveLength(JOIN_OPERATIONS.existing);
    noWrites();
  });

  it('a missed ticket is the active one until missedAt + graceMinutes, not at that instant', async () => {
    const holders = { 'wx:o-1': { ticketId: 't1', missedAt: NOW_ISO } };
    cannedEvening({ lastNumber: 1, holders });
    cannedTicket('t1', { status: 'missed', missedAt: NOW_ISO });
    expect(
      await queues().join(request({ requestId: 'req-again-001', now: minutes(9.99) })),
    ).toEqual({
      kind: 'existing',
      ticket: ticketRecord({ status: 'missed', missedAt: NOW_ISO }),
    });

    cannedEvening({ lastNumber: 1, holders });
    const fresh = await queues().join(request({ requestId: 'req-again-002', now: minutes(10) }));
    if (fresh.kind !== 'created') throw new Error(fresh.kind);
    expect(fresh.ticket.number).toBe(2);
    expect(written('queue_evenings', EVENING)).toMatchObject({
      holders: { 'wx:o-1': { ticketId: fresh.ticket.id, missedAt: null } },
    });
  });

  it('a walk-in has no holder entry, and its request key has an empty user part', async () => {
    const walkIn = request({ userId: null, requestId: 'wx:o-staff:req-1', note: '王阿姨，红外套' });
    const outcome = await queues().join(walkIn);
    if (outcome.kind !== 'created') throw new Error(outcome.kind);
    expect(outcome.ticket).toMatchObject({ userId: null, note: '王阿姨，红外套' });
    expect(written('queue_evenings', EVENING)).toMatchObject({
      holders: {},
      requests: { '|wx:o-staff:req-1': outcome.ticket.id },
    });
    expect(written('tickets', outcome.ticket.id)).toMatchObject({ userId: null });
  });

  it('a walk-in without a request id is always a new ticket', async () => {
    cannedEvening({ lastNumber: 1, requests: { '|wx:o-staff:req-1': 't1' } });
    const outcome = await queues().join(request({ userId: null, requestId: null }));
    expect(outcome.kind).toBe('created');
    expect(written('queue_evenings', EVENING)).toMatchObject({
      requests: { '|wx:o-staff:req-1': 't1' },
    });
  });

  it(`refuses a paused line in ${JOIN_OPERATIONS.refused} operation, unless staff add a walk-in`, async () => {
    cannedEvening({ paused: true, lastNumber: 1 });
    expect(await queues().join(request())).toEqual({ kind: 'paused' });
    expect(mock.txOps()).toEqual([`get queue_evenings/${EVENING}`]);

    cannedEvening({ paused: true, lastNumber: 1 });
    const walkIn = await queues().join(
      request({ userId: null, requestId: null, ignorePause: true }),
    );
    expect(walkIn).toMatchObject({ kind: 'created', ticket: { number: 2 } });
    // The walk-in does not resume the line.
    expect(written('queue_evenings', EVENING)).toMatchObject({ paused: true, lastNumber: 2 });
  });

  it('refuses at capacity in one operation; paused is reported before full', async () => {
    cannedEvening({ lastNumber: 2 });
    expect(await queues().join(request({ capacity: 2 }))).toEqual({ kind: 'full' });
    expect(mock.txOps()).toHaveLength(JOIN_OPERATIONS.refused);
    cannedEvening({ paused: true, lastNumber: 2 });
    expect(await queues().join(request({ capacity: 2 }))).toEqual({ kind: 'paused' });
    cannedEvening({ lastNumber: 2 });
    expect(await queues().join(request({ capacity: 2, ignorePause: true }))).toEqual({
      kind: 'full',
    });
    noWrites();
  });

  it('runs the whole transaction again after a conflict, reading the winner’s commit', async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValueOnce(
      new Error('document.set:fail -501001 database transaction conflict'),
    );
    cannedEvening({ lastNumber: 7, version: 12 });
    const outcome = await queues().join(request());
    expect(outcome).toMatchObject({ kind: 'created', ticket: { number: 8 } });
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
    expect(mock.txOps()).toHaveLength(JOIN_OPERATIONS.created);
  });

  it(`a retry after a lost commit reply finds its own ticket in ${JOIN_OPERATIONS.existing} operations`, async () => {
    instantRetries();
    const evening = mock.txDoc('queue_evenings', EVENING);
    let firstId = '';
    mock.runTransaction.mockImplementationOnce(async (run) => {
      const first = (await run({
        collection: (name) => ({ doc: (id) => mock.txDoc(name, id) }),
      })) as JoinOutcome;
      if (first.kind !== 'created') throw new Error('expected a created ticket');
      firstId = first.ticket.id;
      // The commit happened, the reply was lost: the rerun reads what was committed.
      evening.get.mockResolvedValueOnce({ data: written('queue_evenings', EVENING) });
      mock.txDoc('tickets', firstId).get.mockResolvedValueOnce({
        data: written('tickets', firstId),
      });
      throw new Error('ESOCKETTIMEDOUT');
    });
    const outcome = await queues().join(request());
    expect(outcome).toEqual({ kind: 'existing', ticket: expect.objectContaining({ id: firstId }) });
    expect(mock.txOps().slice(JOIN_OPERATIONS.created)).toEqual([
      `get queue_evenings/${EVENING}`,
      `get tickets/${firstId}`,
    ]);
  });

  it(`gives up after ${MANY_RACERS.attempts} failed transactions with the last error`, async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValue(new Error('conflict'));
    mock.runTransaction.mockRejectedValueOnce(new Error('first'));
    await expect(queues().join(request())).rejects.toThrow('conflict');
    expect(mock.runTransaction).toHaveBeenCalledTimes(MANY_RACERS.attempts);
  });

  it('does not retry a malformed evening document, and names the field', async () => {
    cannedEvening({ lastNumber: 'three' });
    await expect(queues().join(request())).rejects.toThrow(
      `queue_evenings/${EVENING}: bad or missing "lastNumber"`,
    );
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
  });

  it('fails loudly when a map entry points at a missing ticket', async () => {
    cannedEvening({ requests: { 'wx:o-1|req-aaaaaaaa': 'gone' } });
    await expect(queues().join(request())).rejects.toThrow('ticket gone');
    noWrites();
  });
});

describe('queues.updateTicket', () => {
  const T1_HOLDER = { 'wx:o-1': { ticketId: 't1', missedAt: null } };
  const OTHERS = { 'wx:o-2': { ticketId: 't2', missedAt: null } };
  const REQUESTS = { 'wx:o-1|req-aaaaaaaa': 't1' };

  it('returns null for a missing ticket after one read, writing nothing', async () => {
    expect(await queues().updateTicket('none', ['waiting'], { status: 'called' })).toBeNull();
    expect(mock.txOps()).toEqual(['get tickets/none']);
  });

  it('returns null when the status moved on, without bumping the version', async () => {
    cannedTicket('t1', { status: 'done' });
    expect(await queues().updateTicket('t1', ['waiting'], { status: 'called' })).toBeNull();
    expect(mock.txOps()).toEqual(['get tickets/t1']);
  });

  it('calls a ticket: updates the given fields and bumps the version in 4 operations', async () => {
    cannedTicket('t1');
    cannedEvening({
      lastNumber: 3,
      version: 5,
      holders: { ...T1_HOLDER, ...OTHERS },
      requests: REQUESTS,
    });
    const called = await queues().updateTicket('t1', ['waiting'], {
      status: 'called',
      // Stored as UTC whatever offset the caller used.
      calledAt: '2026-12-02T19:00:00+08:00',
      missedAt: undefined,
    });
    expect(called).toEqual(ticketRecord({ status: 'called', calledAt: NOW_ISO }));
    expect(mock.txOps()).toEqual([
      'get tickets/t1',
      `get queue_evenings/${EVENING}`,
      'update tickets/t1',
      `set queue_evenings/${EVENING}`,
    ]);
    expect(mock.txDoc('tickets', 't1').update).toHaveBeenCalledWith({
      data: { status: 'called', calledAt: NOW_ISO },
    });
    expect(written('queue_evenings', EVENING)).toEqual(
      eveningDoc({
        lastNumber: 3,
        version: 6,
        holders: { ...T1_HOLDER, ...OTHERS },
        requests: REQUESTS,
      }),
    );
  });

  it('marks the holder missed, so a rejoin within grace finds the ticket', async () => {
    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    cannedEvening({ lastNumber: 1, version: 2, holders: { ...T1_HOLDER, ...OTHERS } });
    await queues().updateTicket('t1', ['called'], { status: 'missed', missedAt: NOW_ISO });
    expect(written('queue_evenings', EVENING)).toMatchObject({
      version: 3,
      holders: { 'wx:o-1': { ticketId: 't1', missedAt: NOW_ISO }, ...OTHERS },
    });
  });

  it('a requeue clears missedAt in the holder entry', async () => {
    cannedTicket('t1', { status: 'missed', calledAt: NOW_ISO, missedAt: NOW_ISO, alerted: true });
    cannedEvening({ lastNumber: 4, holders: { 'wx:o-1': { ticketId: 't1', missedAt: NOW_ISO } } });
    const requeued = await queues().updateTicket('t1', ['missed'], {
      status: 'waiting',
      missedAt: null,
      calledAt: null,
      alerted: false,
      sortKey: 3.5,
    });
    expect(requeued).toEqual(ticketRecord({ sortKey: 3.5 }));
    expect(mock.txDoc('tickets', 't1').update).toHaveBeenCalledWith({
      data: { status: 'waiting', missedAt: null, calledAt: null, alerted: false, sortKey: 3.5 },
    });
    expect(written('queue_evenings', EVENING)).toMatchObject({ holders: T1_HOLDER });
  });

  it.each(['done', 'cancelled'] as const)(
    'removes the holder entry when the ticket is %s, keeping requests and other holders',
    async (status) => {
      cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
      cannedEvening({ lastNumber: 2, holders: { ...T1_HOLDER, ...OTHERS }, requests: REQUESTS });
      const closed = await queues().updateTicket('t1', ['waiting', 'called', 'missed'], {
        status,
        closedAt: NOW_ISO,
        serviceSeconds: status === 'done' ? 300 : undefined,
      });
      expect(closed).toMatchObject({ status, closedAt: NOW_ISO });
      // A retried request still gets this ticket back, as in SQLite.
      expect(written('queue_evenings', EVENING)).toEqual(
        eveningDoc({
          lastNumber: 2,
          version: 1,
          holders: OTHERS,
          requests: REQUESTS,
          ...(status === 'done' ? { servedCount: 1, servedSeconds: 300 } : {}),
        }),
      );
    },
  );

  it("does not touch an entry that belongs to the user's other ticket", async () => {
    const newer = { 'wx:o-1': { ticketId: 't9', missedAt: null } };
    cannedTicket('t1', { status: 'missed', missedAt: NOW_ISO });
    cannedEvening({ lastNumber: 9, holders: newer });
    await queues().updateTicket('t1', ['missed'], { status: 'cancelled', closedAt: NOW_ISO });
    expect(written('queue_evenings', EVENING)).toMatchObject({ holders: newer });

    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    cannedEvening({ lastNumber: 9, holders: newer });
    await queues().updateTicket('t1', ['called'], { status: 'missed', missedAt: NOW_ISO });
    expect(written('queue_evenings', EVENING)).toMatchObject({ holders: newer });
  });

  it('a missed ticket without a time is not active, so its entry goes', async () => {
    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    cannedEvening({ lastNumber: 1, holders: T1_HOLDER });
    await queues().updateTicket('t1', ['called'], { status: 'missed' });
    expect(written('queue_evenings', EVENING)).toMatchObject({ holders: {} });
  });

  it('leaves holders alone for a patch that moves neither status nor missedAt', async () => {
    cannedTicket('t1');
    // Even an entry this patch might "repair" stays: only status moves maintain holders.
    cannedEvening({ lastNumber: 1, version: 4, holders: OTHERS });
    const alerted = await queues().updateTicket('t1', ['waiting'], { alerted: true });
    expect(alerted).toEqual(ticketRecord({ alerted: true }));
    expect(mock.txDoc('tickets', 't1').update).toHaveBeenCalledWith({ data: { alerted: true } });
    expect(written('queue_evenings', EVENING)).toMatchObject({ version: 5, holders: OTHERS });
  });

  it('a walk-in ticket never gets a holder entry', async () => {
    cannedTicket('t1', { userId: null });
    cannedEvening({ lastNumber: 1 });
    await queues().updateTicket('t1', ['waiting'], { status: 'called', calledAt: NOW_ISO });
    expect(written('queue_evenings', EVENING)).toMatchObject({ holders: {} });
  });

  it('an empty patch still bumps the version, without updating the ticket', async () => {
    cannedTicket('t1');
    expect(await queues().updateTicket('t1', ['waiting'], {})).toEqual(ticketRecord());
    expect(mock.txDoc('tickets', 't1').update).not.toHaveBeenCalled();
    // A missing evening is created, as SQLite's ensureEvening does.
    expect(written('queue_evenings', EVENING)).toEqual(eveningDoc({ version: 1 }));
  });

  it('retries a conflicting transaction', async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValueOnce(new Error('transaction conflict'));
    cannedTicket('t1');
    expect(await queues().updateTicket('t1', ['waiting'], { alerted: true })).toMatchObject({
      alerted: true,
    });
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
  });
});

describe('queues.updateTicket served totals', () => {
  const totals = (servedCount: number, servedSeconds: number) => ({ servedCount, servedSeconds });
  const complete = (serviceSeconds: number | null) =>
    queues().updateTicket('t1', ['called'], { status: 'done', closedAt: NOW_ISO, serviceSeconds });

  it('adds a completed, measured service to the running totals in the same 4 operations', async () => {
    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    cannedEvening({ lastNumber: 5, version: 7, ...totals(2, 500) });
    await complete(300);
    expect(written('queue_evenings', EVENING)).toEqual(
      eveningDoc({ lastNumber: 5, version: 8, ...totals(3, 800) }),
    );
    expect(mock.txOps()).toEqual([
      'get tickets/t1',
      `get queue_evenings/${EVENING}`,
      'update tickets/t1',
      `set queue_evenings/${EVENING}`,
    ]);
  });

  it('reads missing totals as 0 (evenings written before they existed)', async () => {
    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    const { servedCount: _c, servedSeconds: _s, ...old } = eveningDoc({ lastNumber: 1 });
    mock.txDoc('queue_evenings', EVENING).get.mockResolvedValueOnce({ data: old });
    await complete(120);
    expect(written('queue_evenings', EVENING)).toMatchObject(totals(1, 120));
  });

  it.each([null, 0])('does not count a service without a measured time (%s)', async (seconds) => {
    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    cannedEvening(totals(2, 500));
    await complete(seconds);
    expect(written('queue_evenings', EVENING)).toMatchObject(totals(2, 500));
  });

  it('does not count cancelled tickets, nor other moves', async () => {
    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    cannedEvening(totals(2, 500));
    await queues().updateTicket('t1', ['called'], {
      status: 'cancelled',
      closedAt: NOW_ISO,
      serviceSeconds: 60,
    });
    expect(written('queue_evenings', EVENING)).toMatchObject(totals(2, 500));

    cannedTicket('t1');
    cannedEvening(totals(2, 500));
    await queues().updateTicket('t1', ['waiting'], { status: 'called', calledAt: NOW_ISO });
    expect(written('queue_evenings', EVENING)).toMatchObject(totals(2, 500));
  });

  it('never counts a ticket that was already done twice', async () => {
    const done = { status: 'done' as const, calledAt: NOW_ISO, serviceSeconds: 300 };
    cannedTicket('t1', done);
    cannedEvening(totals(1, 300));
    await queues().updateTicket('t1', ['done'], { alerted: true });
    expect(written('queue_evenings', EVENING)).toMatchObject(totals(1, 300));

    cannedTicket('t1', done);
    cannedEvening(totals(1, 300));
    await queues().updateTicket('t1', ['done'], { status: 'done', serviceSeconds: 300 });
    expect(written('queue_evenings', EVENING)).toMatchObject(totals(1, 300));
  });

  it('follows a done ticket whose seconds change or that leaves done, as a COUNT/SUM would', async () => {
    const done = { status: 'done' as const, calledAt: NOW_ISO, serviceSeconds: 300 };
    cannedTicket('t1', done);
    cannedEvening(totals(2, 500));
    await queues().updateTicket('t1', ['done'], { serviceSeconds: 240 });
    expect(written('queue_evenings', EVENING)).toMatchObject(totals(2, 440));

    cannedTicket('t1', done);
    cannedEvening(totals(2, 500));
    await queues().updateTicket('t1', ['done'], { status: 'called' });
    expect(written('queue_evenings', EVENING)).toMatchObject(totals(1, 200));
  });

  it('a join and touchEvening keep the totals', async () => {
    cannedEvening({ lastNumber: 3, ...totals(2, 500) });
    expect((await queues().join(request())).kind).toBe('created');
    expect(written('queue_evenings', EVENING)).toMatchObject({ lastNumber: 4, ...totals(2, 500) });

    cannedEvening({ lastNumber: 3, ...totals(2, 500) });
    await queues().touchEvening('c1', 'library', DATE, { paused: true });
    expect(written('queue_evenings', EVENING)).toMatchObject({ paused: true, ...totals(2, 500) });
  });

  it('fails loudly on a malformed total, naming the field', async () => {
    cannedTicket('t1', { status: 'called', calledAt: NOW_ISO });
    cannedEvening({ servedSeconds: '500' });
    await expect(complete(300)).rejects.toThrow(
      `queue_evenings/${EVENING}: bad or missing "servedSeconds"`,
    );
    noWrites();
  });
});

describe('queues.lineSummary / countWaitingBefore', () => {
  const LINE = { community: 'c1', queue: 'library', date: DATE };
  const doc = (id: string, fields: Partial<TicketRecord> = {}) => ({
    _id: id,
    ...ticketDoc({ id, ...fields }),
  });

  it(`asks for counts and the few tickets it needs, in ${SUMMARY_OPERATIONS.lineSummary} operations at once`, async () => {
    mock.counts.push(42);
    mock.pages.push(
      // head
      [doc('t4', { number: 4, sortKey: 3.5, label: 'A004' }), doc('t3', { number: 3, sortKey: 4 })],
      // called
      [doc('t2', { number: 2, status: 'called', calledAt: NOW_ISO, label: 'A002' })],
      // recently called: the projection returns _id and label only
      [
        { _id: 't2', label: 'A002' },
        { _id: 't1', label: 'A001' },
      ],
    );
    mock.doc('queue_evenings', EVENING).get.mockResolvedValueOnce({
      data: { _id: EVENING, ...eveningDoc({ lastNumber: 44, servedCount: 3, servedSeconds: 900 }) },
    });

    const summary = await queues().lineSummary('c1', 'library', DATE, 2);
    expect(summary).toEqual({
      waiting: 42,
      head: [
        ticketRecord({ id: 't4', number: 4, sortKey: 3.5, label: 'A004' }),
        ticketRecord({ id: 't3', number: 3, sortKey: 4 }),
      ],
      called: [
        ticketRecord({ id: 't2', number: 2, status: 'called', calledAt: NOW_ISO, label: 'A002' }),
      ],
      recentlyCalled: ['A002', 'A001'],
      served: { count: 3, totalSeconds: 900 },
    });

    expect(mock.queries).toEqual([
      {
        collection: 'tickets',
        steps: [['where', { ...LINE, status: 'waiting' }], ['count']],
      },
      {
        collection: 'tickets',
        steps: [
          ['where', { ...LINE, status: 'waiting' }],
          ['orderBy', 'sortKey', 'asc'],
          ['orderBy', 'number', 'asc'],
          ['limit', 2],
          ['get'],
        ],
      },
      {
        collection: 'tickets',
        steps: [
          ['where', { ...LINE, status: 'called' }],
          ['orderBy', 'calledAt', 'desc'],
          ['limit', 100],
          ['get'],
        ],
      },
      {
        collection: 'tickets',
        steps: [
          // Never-called tickets (calledAt null) are left out, whatever their status now.
          ['where', { ...LINE, calledAt: { command: 'neq', value: null } }],
          ['orderBy', 'calledAt', 'desc'],
          ['limit', 5],
          ['field', { label: true }],
          ['get'],
        ],
      },
    ]);
    // The served totals come from the evening document: no ticket is scanned for them.
    expect(mock.dbOps()).toEqual([`get queue_evenings/${EVENING}`]);
    expect(mock.queries.length + mock.dbOps().length).toBe(SUMMARY_OPERATIONS.lineSummary);
    expect(mock.runTransaction).not.toHaveBeenCalled();
  });

  it('sends every read before waiting for any', async () => {
    const pending = queues().lineSummary('c1', 'library', DATE, 3);
    // Nothing has resolved yet, and all five operations are out.
    expect(mock.queries.map((q) => q.steps.at(-1))).toEqual([['count'], ['get'], ['get'], ['get']]);
    expect(mock.dbOps()).toEqual([`get queue_evenings/${EVENING}`]);
    await pending;
  });

  it('an empty line, or no evening yet, has zero counts and no tickets', async () => {
    expect(await queues().lineSummary('c1', 'library', DATE, 3)).toEqual({
      waiting: 0,
      head: [],
      called: [],
      recentlyCalled: [],
      served: { count: 0, totalSeconds: 0 },
    });
    const { servedCount: _c, servedSeconds: _s, ...old } = eveningDoc({ lastNumber: 2 });
    mock.doc('queue_evenings', EVENING).get.mockResolvedValueOnce({ data: old });
    expect((await queues().lineSummary('c1', 'library', DATE, 3)).served).toEqual({
      count: 0,
      totalSeconds: 0,
    });
  });

  it('skips the head query when no head is asked for, and refuses more than one read holds', async () => {
    mock.counts.push(9);
    expect(await queues().lineSummary('c1', 'library', DATE, 0)).toMatchObject({
      waiting: 9,
      head: [],
    });
    expect(mock.queries).toHaveLength(3);
    expect(mock.queries.map((q) => q.steps.at(-1))).toEqual([['count'], ['get'], ['get']]);
    expect(mock.queries[1]!.steps[0]).toEqual(['where', { ...LINE, status: 'called' }]);
    await expect(queues().lineSummary('c1', 'library', DATE, PAGE_SIZE + 1)).rejects.toThrow(
      RangeError,
    );
    expect(mock.queries).toHaveLength(3);
  });

  it('fails loudly on a malformed ticket in the head', async () => {
    mock.pages.push([{ ...doc('t1'), sortKey: 'one' }]);
    await expect(queues().lineSummary('c1', 'library', DATE, 1)).rejects.toThrow(
      'tickets/t1: bad or missing "sortKey"',
    );
  });

  it(`countWaitingBefore is ${SUMMARY_OPERATIONS.countWaitingBefore} count of the waiting tickets with a smaller sortKey`, async () => {
    mock.counts.push(6);
    expect(await queues().countWaitingBefore('c1', 'library', DATE, 7.5)).toBe(6);
    expect(mock.queries).toEqual([
      {
        collection: 'tickets',
        steps: [
          ['where', { ...LINE, status: 'waiting', sortKey: { command: 'lt', value: 7.5 } }],
          ['count'],
        ],
      },
    ]);
    expect(mock.dbOps()).toEqual([]);
    expect(mock.runTransaction).not.toHaveBeenCalled();
  });

  it('uses the prefixed collections', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).queues;
    await prefixed.lineSummary('c1', 'library', DATE, 1);
    await prefixed.countWaitingBefore('c1', 'library', DATE, 1);
    expect(mock.queries.map((q) => q.collection)).toEqual(Array(5).fill('contract_tickets'));
    expect(mock.dbOps()).toEqual([`get contract_queue_evenings/${EVENING}`]);
  });
});

describe('queues.touchEvening / getEvening', () => {
  it('creates a missing evening with version 1 and returns it, without the maps', async () => {
    expect(await queues().touchEvening('c1', 'library', DATE, { paused: true })).toEqual({
      community: 'c1',
      queue: 'library',
      date: DATE,
      paused: true,
      lastNumber: 0,
      version: 1,
    });
    expect(mock.txOps()).toEqual([
      `get queue_evenings/${EVENING}`,
      `set queue_evenings/${EVENING}`,
    ]);
    expect(written('queue_evenings', EVENING)).toEqual(eveningDoc({ paused: true, version: 1 }));
  });

  it('bumps the version, keeps paused unless given, and keeps holders and requests', async () => {
    const maps = {
      holders: { 'wx:o-1': { ticketId: 't1', missedAt: null } },
      requests: { k: 't1' },
    };
    cannedEvening({ paused: true, lastNumber: 3, version: 8, ...maps });
    expect(await queues().touchEvening('c1', 'library', DATE, {})).toMatchObject({
      paused: true,
      lastNumber: 3,
      version: 9,
    });
    expect(written('queue_evenings', EVENING)).toEqual(
      eveningDoc({ paused: true, lastNumber: 3, version: 9, ...maps }),
    );
  });

  it('getEvening reads outside any transaction and hides the maps', async () => {
    expect(await queues().getEvening('c1', 'library', DATE)).toBeNull();
    mock.doc('queue_evenings', EVENING).get.mockResolvedValueOnce({
      data: { _id: EVENING, ...eveningDoc({ lastNumber: 2, version: 4, requests: { k: 't' } }) },
    });
    expect(await queues().getEvening('c1', 'library', DATE)).toEqual({
      community: 'c1',
      queue: 'library',
      date: DATE,
      paused: false,
      lastNumber: 2,
      version: 4,
    });
    expect(mock.runTransaction).not.toHaveBeenCalled();
  });
});

describe('queues.getConfig / saveConfig', () => {
  const config = { capacity: 40, lastJoin: '19:40', graceMinutes: 5, defaultServiceMinutes: 4 };

  it('sets the config under <community>:<queue> and reads back only the config fields', async () => {
    await queues().saveConfig('c1', 'library', config);
    expect(mock.doc('queue_configs', 'c1:library').set).toHaveBeenCalledWith({
      data: { community: 'c1', queue: 'library', ...config },
    });
    mock.doc('queue_configs', 'c1:library').get.mockResolvedValueOnce({
      data: { _id: 'c1:library', community: 'c1', queue: 'library', ...config },
    });
    expect(await queues().getConfig('c1', 'library')).toEqual(config);
    expect(await queues().getConfig('c1', 'health')).toBeNull();
  });
});

describe('queues.getTicket', () => {
  it('maps the document by _id, or null', async () => {
    mock.doc('tickets', 't1').get.mockResolvedValueOnce({ data: { _id: 't1', ...ticketDoc() } });
    expect(await queues().getTicket('t1')).toEqual(ticketRecord());
    mock.doc('tickets', 'gone').get.mockRejectedValueOnce(notFoundError('tickets', 'gone'));
    expect(await queues().getTicket('gone')).toBeNull();
  });

  it('fails loudly on an unknown status', async () => {
    mock
      .doc('tickets', 't1')
      .get.mockResolvedValueOnce({ data: ticketDoc({ status: 'lost' as 'done' }) });
    await expect(queues().getTicket('t1')).rejects.toThrow('tickets/t1: bad or missing "status"');
  });
});

describe('queues.listTickets / ticketsOfUser', () => {
  const page = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const n = from + i + 1;
      return { _id: `t${n}`, ...ticketDoc({ number: n, sortKey: n, label: `A${n}` }) };
    });

  it('queries one line in sortKey order, number breaking ties', async () => {
    mock.pages.push(page(0, 3));
    const list = await queues().listTickets('c1', 'library', DATE);
    expect(list.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(list[0]).toEqual(ticketRecord({ label: 'A1' }));
    expect(mock.queries).toEqual([
      {
        collection: 'tickets',
        steps: [
          ['where', { community: 'c1', queue: 'library', date: DATE }],
          ['orderBy', 'sortKey', 'asc'],
          ['orderBy', 'number', 'asc'],
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
  });

  it('pages past the 100-per-read cap', async () => {
    mock.pages.push(page(0, 100), page(100, 100), page(200, 5));
    const list = await queues().listTickets('c1', 'library', DATE);
    expect(list).toHaveLength(205);
    expect(list.at(-1)!.id).toBe('t205');
    expect(mock.queries.map((q) => q.steps.find(([s]) => s === 'skip'))).toEqual([
      ['skip', 0],
      ['skip', 100],
      ['skip', 200],
    ]);
    for (const q of mock.queries) expect(q.steps).toContainEqual(['limit', 100]);
  });

  it('stops after an empty page when the count is a multiple of 100', async () => {
    mock.pages.push(page(0, 100));
    expect(await queues().listTickets('c1', 'library', DATE)).toHaveLength(100);
    expect(mock.queries).toHaveLength(2);
  });

  it("queries a user's tickets of one evening in creation order, paging too", async () => {
    mock.pages.push(page(0, 100), page(100, 1));
    const list = await queues().ticketsOfUser('wx:o-1', DATE);
    expect(list).toHaveLength(101);
    expect(mock.queries[0]).toEqual({
      collection: 'tickets',
      steps: [
        ['where', { userId: 'wx:o-1', date: DATE }],
        ['orderBy', 'createdAt', 'asc'],
        ['orderBy', '_id', 'asc'],
        ['skip', 0],
        ['limit', PAGE_SIZE],
        ['get'],
      ],
    });
    expect(mock.queries[1]!.steps).toContainEqual(['skip', 100]);
  });
});

describe('collectionPrefix', () => {
  it('prefixes the queue collections, inside transactions too', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).queues;
    await prefixed.getConfig('c1', 'library');
    await prefixed.getTicket('t1');
    await prefixed.listTickets('c1', 'library', DATE);
    const outcome = await prefixed.join(request());
    if (outcome.kind !== 'created') throw new Error(outcome.kind);
    expect(mock.collections).toEqual([
      'contract_queue_configs',
      'contract_tickets',
      'contract_tickets',
    ]);
    expect(mock.txOps()).toEqual([
      `get contract_queue_evenings/${EVENING}`,
      `set contract_queue_evenings/${EVENING}`,
      `set contract_tickets/${outcome.ticket.id}`,
    ]);
  });
});
