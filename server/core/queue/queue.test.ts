/** The queue's rules, through dispatch, on a real SQLite file. */
import type { Board, QueueDesk, Ticket, WalkInIssued } from '../../../contract/queue';
import { coreHarness, ok } from '../../testing/core-harness';
import { DESK_WAITING_LISTED } from './service';

async function setup(at = '2026-12-02T18:30:00+08:00') {
  const published: number[] = [];
  const h = await coreHarness(at, {
    publisher: { publish: async (state) => void published.push(state.version) },
  });
  const join = async (userId: string, queue = 'library') =>
    ok(
      await h.as(userId)<Ticket>('queue.join', {
        community: 'jinse',
        queue,
        requestId: `req-${userId}-${queue}`,
      }),
    );
  return { ...h, alerts: h.alerts.queue, published, join };
}

type Setup = Awaited<ReturnType<typeof setup>>;
let t: Setup;
afterEach(async () => {
  await t?.close();
});

describe('taking a number', () => {
  it('numbers residents B001, B002 with people ahead and a default estimate', async () => {
    t = await setup();
    const first = await t.join('r1');
    const second = await t.join('r2');
    expect(first).toMatchObject({
      label: 'B001',
      number: 1,
      status: 'waiting',
      ahead: 0,
      estimatedWaitMinutes: 0,
      queueName: '图书阅览',
      date: '2026-12-02',
    });
    expect(second).toMatchObject({ label: 'B002', ahead: 1, estimatedWaitMinutes: 5 });
    const health = await t.join('r1', 'health');
    expect(health.label).toBe('A001');
    // Published once the requests of this turn are answered, once per line changed.
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.published.length).toBeGreaterThanOrEqual(2);
  });

  it('returns the held ticket on a retry or a second tap, never a second number', async () => {
    t = await setup();
    const first = await t.join('r1');
    const again = ok(
      await t.as('r1')<Ticket>('queue.join', {
        community: 'jinse',
        queue: 'library',
        requestId: 'another-request',
      }),
    );
    expect(again.id).toBe(first.id);
    expect(
      (await t.store.queues.getEvening('jinse', 'library', '2026-12-02'))?.tickets,
    ).toHaveLength(1);
  });

  it.each([
    ['before opening', '2026-12-02T16:30:00+08:00', /下次开放：12月2日 17:00/],
    ['after closing', '2026-12-02T20:05:00+08:00', /下次开放：12月9日 17:00/],
    ['on a Thursday', '2026-12-03T18:30:00+08:00', /下次开放/],
    ['after the last-join time', '2026-12-02T19:35:00+08:00', /19:30 截止/],
  ])('is CLOSED %s', async (_label, at, message) => {
    t = await setup(at);
    const response = await t.as('r1')('queue.join', {
      community: 'jinse',
      queue: 'library',
      requestId: 'req-closed-1',
    });
    expect(response).toEqual({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringMatching(message) },
    });
  });

  it('refuses a line that is not a queue, and an unknown community', async () => {
    t = await setup();
    expect(
      await t.as('r1')('queue.join', {
        community: 'jinse',
        queue: 'repair',
        requestId: 'req-repair-1',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'queue' } });
    expect(
      await t.as('r1')('queue.join', {
        community: 'nowhere',
        queue: 'library',
        requestId: 'req-nowhere',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('honours capacity and pause set by staff; walk-ins still go in while paused', async () => {
    t = await setup();
    ok(
      await t.staff('queue.configure', {
        community: 'jinse',
        queue: 'library',
        capacity: 2,
        lastJoin: '19:50',
      }),
    );
    await t.join('r1');
    ok(await t.staff('queue.pause', { community: 'jinse', queue: 'library' }));
    expect(
      await t.as('r2')('queue.join', {
        community: 'jinse',
        queue: 'library',
        requestId: 'req-r2-paused',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringMatching(/暂停/) },
    });
    const desk = ok(
      await t.staff<QueueDesk>('queue.addWalkIn', {
        community: 'jinse',
        queue: 'library',
        note: '王阿姨，红外套',
      }),
    );
    expect(desk.tickets.map((x) => [x.label, x.note, x.walkIn])).toEqual([
      ['B001', '', false],
      ['B002', '王阿姨，红外套', true],
    ]);
    expect(desk.line).toMatchObject({
      paused: true,
      accepting: false,
      issued: 2,
      capacity: 2,
      lastJoin: '19:50',
    });
    ok(await t.staff('queue.resume', { community: 'jinse', queue: 'library' }));
    expect(
      await t.as('r3')('queue.join', {
        community: 'jinse',
        queue: 'library',
        requestId: 'req-r3-full',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/取完/) },
    });
  });
});

describe('the desk', () => {
  it('calls in order, completes the previous ticket, and alerts your turn and 3 ahead', async () => {
    t = await setup();
    const tickets = [];
    for (const r of ['r1', 'r2', 'r3', 'r4', 'r5']) tickets.push(await t.join(r));
    const first = ok(
      await t.staff<QueueDesk>('queue.callNext', { community: 'jinse', queue: 'library' }),
    );
    expect(first.line).toMatchObject({ nowCalling: 'B001', waiting: 4, recentlyCalled: ['B001'] });
    expect(t.alerts.filter((a) => a.kind === 'your-turn').map((a) => a.ticket.label)).toEqual([
      'B001',
    ]);
    // B002..B004 are now within three of the desk; B005 is not.
    expect(
      t.alerts
        .filter((a) => a.kind === 'three-ahead')
        .map((a) => [a.userId, a.ticket.ahead, a.ticket.estimatedWaitMinutes]),
    ).toEqual([['r5', 3, Math.ceil(3 * first.line.serviceMinutes)]]); // B002–B004 started near the desk (no alert); B005 now has three ahead
    t.clock.advance(4);
    const second = ok(
      await t.staff<QueueDesk>('queue.callNext', { community: 'jinse', queue: 'library' }),
    );
    expect(second.line).toMatchObject({ nowCalling: 'B002', recentlyCalled: ['B002', 'B001'] });
    expect(second.stats).toMatchObject({ served: 1, averageServiceMinutes: 4 });
    expect(t.alerts.filter((a) => a.kind === 'three-ahead').map((a) => a.userId)).toEqual(['r5']);
    // The desk lists what the line told its residents, newest first, from the evening itself
    // (no log read): the same on SQLite and on CloudBase (this file also runs as core-cloudbase).
    expect(second.alerts).toEqual([
      { kind: 'your-turn', label: 'B002', at: '2026-12-02T18:34:00+08:00' },
      // Told in the same change as B001's call, which caused it: listed after it, newest first.
      { kind: 'three-ahead', label: 'B005', at: '2026-12-02T18:30:00+08:00' },
      { kind: 'your-turn', label: 'B001', at: '2026-12-02T18:30:00+08:00' },
    ]);
    const mine = ok(await t.as('r1')<Ticket[]>('queue.mine'));
    expect(mine).toEqual([expect.objectContaining({ label: 'B001', status: 'done' })]);
  });

  it("learns the estimate from tonight's service times once three residents are served", async () => {
    t = await setup();
    for (const r of ['r1', 'r2', 'r3', 'r4', 'r5']) await t.join(r);
    const next = () =>
      t.staff<QueueDesk>('queue.callNext', { community: 'jinse', queue: 'library' }).then(ok);
    await next();
    t.clock.advance(8);
    await next();
    t.clock.advance(12);
    // Two served: still the line's default.
    expect((await next()).line.serviceMinutes).toBe(5);
    t.clock.advance(10);
    const c = await next();
    expect(c.line.serviceMinutes).toBe(10);
    const r5 = ok(await t.as('r5')<Ticket[]>('queue.mine'))[0]!;
    expect(r5).toMatchObject({ ahead: 0, estimatedWaitMinutes: 0 });
    expect(c.tickets.find((x) => x.label === 'B005')).toMatchObject({ ahead: 0 });
  });

  it('keeps the default estimate when the desk taps 叫下一位 through a line quickly', async () => {
    t = await setup();
    const residents = Array.from({ length: 10 }, (_, i) => `r${i + 1}`);
    for (const r of residents) await t.join(r);
    // Eight calls in a row, seconds apart: nobody was served for a minute.
    let c: QueueDesk | null = null;
    for (let i = 0; i < 8; i += 1) {
      c = ok(await t.staff<QueueDesk>('queue.callNext', { community: 'jinse', queue: 'library' }));
      t.clock.advance(0.1);
    }
    expect(c!.line).toMatchObject({ serviceMinutes: 5, waiting: 2 });
    const last = ok(await t.as('r10')<Ticket[]>('queue.mine'))[0]!;
    expect(last).toMatchObject({ ahead: 1, estimatedWaitMinutes: 5 });
  });

  it('lists the head of a long line, in order with each place, and counts the rest', async () => {
    t = await setup();
    const waiting = DESK_WAITING_LISTED + 5;
    for (let i = 1; i <= waiting + 1; i += 1) await t.join(`r${i}`);
    const desk = ok(
      await t.staff<QueueDesk>('queue.callNext', { community: 'jinse', queue: 'library' }),
    );
    expect(desk.line.waiting).toBe(waiting);
    const listed = desk.tickets.filter((x) => x.status === 'waiting');
    expect(listed.map((x) => [x.number, x.ahead])).toEqual(
      Array.from({ length: DESK_WAITING_LISTED }, (_, i) => [i + 2, i]),
    );
    expect(desk.tickets[0]).toMatchObject({ label: 'B001', status: 'called' });
    // The waiting numbers are for residents' ticket pages; the desk has its rows and the count.
    expect(desk.line).not.toHaveProperty('waitingNumbers');

    // A walk-in at the back of the line is not among the rows: its answer carries it apart.
    const walkIn = ok(
      await t.staff<WalkInIssued>('queue.addWalkIn', {
        community: 'jinse',
        queue: 'library',
        note: '李大爷，拐杖',
        requestId: 'walk-in-long-line',
      }),
    );
    expect(walkIn.tickets.some((x) => x.walkIn)).toBe(false);
    expect(walkIn.issued).toMatchObject({
      label: `B0${waiting + 2}`,
      note: '李大爷，拐杖',
      walkIn: true,
      status: 'waiting',
      ahead: waiting,
      companion: null,
    });
    // Asked again (a retry), the same number.
    const again = ok(
      await t.staff<WalkInIssued>('queue.addWalkIn', {
        community: 'jinse',
        queue: 'library',
        note: '李大爷，拐杖',
        requestId: 'walk-in-long-line',
      }),
    );
    expect(again.issued.id).toBe(walkIn.issued.id);
    expect(again.line.waiting).toBe(waiting + 1);
  });

  it('answers CONFLICT when nobody waits, and for a ticket already handled', async () => {
    t = await setup();
    expect(await t.staff('queue.callNext', { community: 'jinse', queue: 'library' })).toMatchObject(
      { ok: false, error: { code: 'CONFLICT' } },
    );
    const ticket = await t.join('r1');
    expect(await t.staff('queue.complete', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/正在排队/) },
    });
  });

  it('recalls a called ticket and announces it again', async () => {
    t = await setup();
    const ticket = await t.join('r1');
    ok(await t.staff('queue.callNext', { community: 'jinse', queue: 'library' }));
    ok(await t.staff('queue.recall', { ticketId: ticket.id }));
    expect(t.alerts.filter((a) => a.kind === 'your-turn')).toHaveLength(2);
  });
});

describe('missed turns', () => {
  it('lets the holder requeue within the grace period, behind two waiting residents', async () => {
    t = await setup();
    const r1 = await t.join('r1');
    for (const r of ['r2', 'r3', 'r4', 'r5']) await t.join(r);
    ok(await t.staff('queue.callNext', { community: 'jinse', queue: 'library' }));
    ok(await t.staff('queue.miss', { ticketId: r1.id }));
    const missed = ok(await t.as('r1')<Ticket[]>('queue.mine'))[0]!;
    expect(missed).toMatchObject({
      status: 'missed',
      requeueUntil: '2026-12-02T18:40:00+08:00',
      requeueSecondsLeft: 600,
    });
    t.clock.advance(6);
    const back = ok(await t.as('r1')<Ticket>('queue.requeue', { ticketId: r1.id }));
    expect(back).toMatchObject({ status: 'waiting', ahead: 2, label: 'B001' });
    const order = ok(
      await t.staff<QueueDesk>('queue.desk', { community: 'jinse', queue: 'library' }),
    ).tickets.map((x) => x.label);
    expect(order).toEqual(['B002', 'B003', 'B001', 'B004', 'B005']);
  });

  it('closes a missed ticket after the grace period, and the resident may take a new number', async () => {
    t = await setup();
    const r1 = await t.join('r1');
    ok(await t.staff('queue.callNext', { community: 'jinse', queue: 'library' }));
    ok(await t.staff('queue.miss', { ticketId: r1.id }));
    t.clock.advance(11);
    expect(await t.as('r1')('queue.requeue', { ticketId: r1.id })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringMatching(/10 分钟/) },
    });
    const fresh = ok(
      await t.as('r1')<Ticket>('queue.join', {
        community: 'jinse',
        queue: 'library',
        requestId: 'req-r1-fresh',
      }),
    );
    expect(fresh.label).toBe('B002');
  });

  it('does not let another resident touch my ticket', async () => {
    t = await setup();
    const mine = await t.join('r1');
    expect(await t.as('r2')('queue.cancel', { ticketId: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const cancelled = ok(await t.as('r1')<Ticket>('queue.cancel', { ticketId: mine.id }));
    expect(cancelled.status).toBe('cancelled');
    expect(await t.as('r1')('queue.cancel', { ticketId: mine.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('staff boundaries and the board', () => {
  it("keeps staff of another community away from this community's tickets", async () => {
    t = await setup();
    const ticket = await t.join('r1');
    await t.store.identities.ensureUser('huchi-worker', new Date());
    await t.store.communities.list();
    await t.store.identities.createInvite(
      {
        code: 'HUCHIINVITE',
        community: 'huchi',
        createdBy: 'staff-1',
        expiresAt: '2099-01-01T00:00:00Z',
      },
      new Date(),
    );
    await t.store.identities.redeemInvite('HUCHIINVITE', 'huchi-worker', new Date());
    expect(await t.as('huchi-worker')('queue.complete', { ticketId: ticket.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await t.as('huchi-worker')('queue.callNext', { community: 'jinse', queue: 'library' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it("carries tonight's hours in the public state, and stops accepting at the last-join time", async () => {
    t = await setup('2026-12-02T19:29:00+08:00');
    await t.join('r1');
    const before = ok(await t.as(null)<Board>('queue.board', { community: 'jinse' }));
    expect(before.lines.find((l) => l.queue === 'library')).toMatchObject({
      opensAt: '17:00',
      closesAt: '20:00',
      lastJoin: '19:30',
      accepting: true,
    });
    t.clock.set('2026-12-02T19:30:00+08:00');
    const after = ok(await t.as(null)<Board>('queue.board', { community: 'jinse' }));
    expect(after.lines.map((l) => [l.queue, l.accepting])).toEqual([
      ['health', false],
      ['library', false],
    ]);
  });

  it('gives a day without a service evening no hours, so no line looks open', async () => {
    // Thursday 18:30: the hours of Wednesday's evening must not make Thursday's line "open".
    t = await setup('2026-12-03T18:30:00+08:00');
    const board = ok(await t.as(null)<Board>('queue.board', { community: 'jinse' }));
    expect(board.lines.map((l) => [l.opensAt, l.closesAt, l.accepting])).toEqual([
      ['', '', false],
      ['', '', false],
    ]);
    expect(board).toMatchObject({ opensAt: '17:00', closesAt: '20:00', open: false });
  });

  it('shows every queue line on the public board', async () => {
    t = await setup();
    await t.join('r1');
    const board = ok(
      await t.as(null)<{ lines: Array<{ queue: string; waiting: number; accepting: boolean }> }>(
        'queue.board',
        { community: 'jinse' },
      ),
    );
    expect(board.lines.map((l) => [l.queue, l.waiting, l.accepting])).toEqual([
      ['health', 0, true],
      ['library', 1, true],
    ]);
  });
});
