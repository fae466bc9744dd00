import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decideJoin, openEvening } from '../../core/queue/evening';
import { replaceTickets } from '../../core/queue/line-index';
import type { EveningRecord, LineSetup, TicketRecord } from '../../core/ports';
import { openSqliteStore } from './index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-queues-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DATE = '2026-12-02';
const AT = new Date('2026-12-02T11:00:00.000Z');
const setup: LineSetup = {
  name: '图书阅览',
  prefix: 'A',
  capacity: 100,
  lastJoin: '19:30',
  graceMinutes: 10,
  defaultServiceMinutes: 5,
  numbersPerResident: 3,
  opensAt: '17:00',
  closesAt: '20:00',
};

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
});
