import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decideJoin, openEvening } from '../../core/queue/evening';
import { replaceTickets } from '../../core/queue/line-index';
import type { EveningRecord, TicketRecord } from '../../core/ports';
import { sampleCommunity, sampleLineSetup } from '../contract-tests/store-contract';
import { openSqliteStore } from './index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-queues-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DATE = '2026-12-02';
const AT = new Date('2026-12-02T11:00:00.000Z');
const setup = sampleLineSetup;
let files = 0;
const freshFile = () => path.join(dir, `lines-${++files}.db`);
type Store = Awaited<ReturnType<typeof openSqliteStore>>;
const opened = openEvening({ community: 'c1', queue: 'library', date: DATE, key: 'K1', setup });
/** Takes a number the way the core does: its decision inside the store's change. */
const joinOn = (store: Store, userId: string, requestId = `req-${userId}-0000`) =>
  store.queues.change('c1', 'library', DATE, (current) => {
    const evening = current ?? opened;
    const asked = { userId, requestId, note: '', byStaff: false };
    const { next, result } = decideJoin(evening, setup, asked, AT);
    return { next: next && { ...next, version: evening.version + 1 }, line: null, result };
  });

describe('sqlite queue group commit', () => {
  it('writes each row a group changed once, as its last change left it', async () => {
    const file = path.join(dir, 'queues.db');
    const store = await openSqliteStore(file);
    await store.communities.save({ id: 'c1', name: '社区', evenings: [], services: [] });
    const change = <T>(decide: (e: EveningRecord) => { next: EveningRecord | null; result: T }) =>
      store.queues.change('c1', 'library', DATE, (current) => {
        const evening =
          current ??
          openEvening({ community: 'c1', queue: 'library', date: DATE, key: 'K', setup });
        const { next, result } = decide(evening);
        return { next: next && { ...next, version: evening.version + 1 }, line: null, result };
      });
    for (const user of ['u1', 'u2', 'u3']) {
      await change((e) =>
        decideJoin(
          e,
          setup,
          { userId: user, requestId: `r-${user}`, note: '', byStaff: false },
          AT,
        ),
      );
    }
    /** A change of the first ticket (and, with `extra`, a new ticket too). */
    const patchFirst = (patch: Partial<TicketRecord>, extra?: TicketRecord) =>
      change((e) => {
        const next = { ...e, tickets: replaceTickets(e.tickets, [{ ...e.tickets[0]!, ...patch }]) };
        return {
          next: extra ? { ...next, tickets: [...next.tickets, extra] } : next,
          result: null,
        };
      });
    const rowChanges = () =>
      (store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = rowChanges();
    const first = (await store.queues.getEvening('c1', 'library', DATE))!.tickets[0]!;
    // One turn: four changes of the same ticket, the third failing on its new ticket's insert
    // (the number of the second ticket, taken): it rolls back alone, its patch with it.
    const group = [
      patchFirst({ alerted: true, alertedAt: '2026-12-02T11:01:00.000Z' }),
      patchFirst({ status: 'called', calledAt: '2026-12-02T11:02:00.000Z' }),
      patchFirst({ note: 'lost' }, { ...first, id: 'K-9', number: 2 }),
      patchFirst({ status: 'done', serviceSeconds: 120 }),
    ];
    const settled = await Promise.allSettled(group);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    // The evening row and the ticket's: one write each.
    expect(rowChanges() - before).toBe(2);
    const reader = new Database(file, { readonly: true });
    expect(
      reader
        .prepare(
          'SELECT status, note, alerted, called_at, service_seconds FROM tickets WHERE id = ?',
        )
        .get(first.id),
    ).toEqual({
      status: 'done',
      note: '',
      alerted: 1,
      called_at: '2026-12-02T11:02:00.000Z',
      service_seconds: 120,
    });
    expect(reader.prepare('SELECT version FROM queue_evenings').get()).toEqual({ version: 6 });
    reader.close();
    expect((await store.queues.getEvening('c1', 'library', DATE))!.tickets[0]).toMatchObject({
      status: 'done',
      note: '',
      alerted: true,
    });
    await store.close();
  });

  it("keeps a retried request to one ticket even if a decision forgot to look (the schema's unique key)", async () => {
    const store = await openSqliteStore(freshFile());
    await store.communities.save(sampleCommunity('c1'));
    await joinOn(store, 'u0', 'req-retry000');
    const walkIn = store.queues.change('c1', 'library', DATE, (current) => {
      const asked = { userId: null, requestId: 'req-walkin00', note: '', byStaff: true };
      const { next, result } = decideJoin(current!, setup, asked, AT);
      return { next, line: null, result };
    });
    await walkIn;
    /** A second ticket (its own id and number) copying the owner and request of `like`. */
    const twinOf = (like: (tickets: readonly TicketRecord[]) => TicketRecord, patch = {}) =>
      store.queues.change('c1', 'library', DATE, (current) => {
        const last = current!.tickets[current!.tickets.length - 1]!;
        const copy = { ...like(current!.tickets), ...patch };
        const twin = { ...copy, id: `K1-twin${last.number + 1}`, number: last.number + 1 };
        const next = { ...current!, tickets: [...current!.tickets, twin] };
        return { next: { ...next, version: current!.version + 1 }, line: null, result: null };
      });
    const resident = (tickets: readonly TicketRecord[]) => tickets.find((t) => t.userId === 'u0')!;
    const walkedIn = (tickets: readonly TicketRecord[]) => tickets.find((t) => t.userId === null)!;
    // By code: better-sqlite3's error class comes from the first test file's realm (a native
    // module is loaded once per worker), where toThrow does not see it as an Error.
    const refused = { code: 'SQLITE_CONSTRAINT_UNIQUE' };
    await expect(twinOf(resident)).rejects.toMatchObject(refused);
    await expect(twinOf(walkedIn)).rejects.toMatchObject(refused);
    // Another request of the same resident, and tickets without a request id, do not clash.
    await twinOf(resident, { requestId: 'req-retry001' });
    await twinOf(walkedIn, { requestId: null });
    await twinOf(walkedIn, { requestId: null });
    expect((await store.queues.getEvening('c1', 'library', DATE))!.tickets).toHaveLength(5);
    await store.close();
  });

  it('writes a line changed by a group once, as its last change left it; failed changes leave nothing', async () => {
    const file = freshFile();
    const store = await openSqliteStore(file);
    await store.communities.save(sampleCommunity('c1'));
    // A change whose one write (a ticket insert, no savepoint of its own) fails on the schema:
    // a new ticket with the first one's number, UNIQUE (community, queue, date, number).
    const clash = () =>
      store.queues.change('c1', 'library', DATE, (current) => {
        const copy = { ...current!.tickets[0]!, id: 'K1-clash', requestId: 'req-clash000' };
        const tickets = [...current!.tickets, copy];
        return {
          next: { ...current!, tickets, version: current!.version + 1 },
          line: null,
          result: null,
        };
      });
    // A change of several inserts that fails at its last undoes them all (its own savepoint):
    // opening the evening with two tickets of one number.
    const broken = store.queues.change('c1', 'library', DATE, () => {
      const asked = { userId: 'ux', requestId: 'req-xxxxxxxx', note: '', byStaff: false };
      const { next } = decideJoin(opened, setup, asked, AT);
      const twin = { ...next!.tickets[0]!, id: 'K1-twin', requestId: 'req-twin0000' };
      return {
        next: { ...next!, tickets: [...next!.tickets, twin], version: 1 },
        line: null,
        result: null,
      };
    });
    // The first group opens the evening (its row inserted); the second finds it stored.
    const first = await Promise.allSettled([broken, joinOn(store, 'u0'), joinOn(store, 'u1')]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    const settled = await Promise.allSettled([
      joinOn(store, 'u2'),
      clash(),
      joinOn(store, 'u3'),
      store.queues.change('c1', 'library', DATE, () => {
        throw new Error('a decision that fails');
      }),
      joinOn(store, 'u4'),
    ]);
    expect(settled.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    await store.close();
    // Read past every cache: the file as another process would.
    const db = new Database(file, { readonly: true });
    expect(
      db.prepare('SELECT version, last_number AS lastNumber FROM queue_evenings').all(),
    ).toEqual([{ version: 5, lastNumber: 5 }]);
    expect(
      db.prepare('SELECT number, user_id AS userId FROM tickets ORDER BY number').all(),
    ).toEqual(['u0', 'u1', 'u2', 'u3', 'u4'].map((userId, i) => ({ number: i + 1, userId })));
    db.close();
  });

  it("sees another connection's numbers: its cached line is dropped when the file changed", async () => {
    const file = freshFile();
    const a = await openSqliteStore(file);
    const b = await openSqliteStore(file);
    await a.communities.save(sampleCommunity('c1'));
    const numberOf = (outcome: unknown) =>
      (outcome as { ticket: { number: number } }).ticket.number;
    expect(numberOf(await joinOn(a, 'u1'))).toBe(1);
    expect(numberOf(await joinOn(b, 'u2'))).toBe(2);
    expect(numberOf(await joinOn(a, 'u3'))).toBe(3);
    expect((await a.queues.getEvening('c1', 'library', DATE))?.tickets.length).toBe(3);
    await a.close();
    await b.close();
  });
});
