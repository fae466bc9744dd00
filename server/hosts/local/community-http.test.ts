/**
 * Communities by the admin (#16) over HTTP against a started local host on real SQLite: only the
 * admin creates, edits and archives; bad ids and evenings are refused in Chinese and change
 * nothing; a new community's tonight page shows its name, address and evening; the seeded pilots
 * are ordinary data; an archived community leaves residents' list, takes no new numbers (not even
 * on a line already open), bookings or sign-ups, and cancels its coming bookings and sign-ups
 * with the reason, until it is restored. The host's clock is Wednesday 2 December 2026, 18:30.
 */
import type { Booking } from '../../../contract/booking';
import type { ManagedCommunity, Tonight } from '../../../contract/community';
import type { MySignUp, Notice } from '../../../contract/notice';
import { adminAndStaff, snapshot, startTestHost, type TestHost } from './testing';

const THURSDAY = { weekday: 4, opensAt: '17:30', closesAt: '20:00' };
const SHISHAN = {
  id: 'shishan',
  name: '狮山社区',
  address: '狮山路 88 号社区服务中心一楼',
  contactPhone: '0512-6888 1234',
  evenings: [THURSDAY],
};

describe('communities by the admin over HTTP', () => {
  let host: TestHost;

  beforeEach(async () => {
    host = await startTestHost({ rateLimit: false });
  });
  afterEach(async () => {
    await host.destroy();
  });

  it('lets neither a resident nor staff create, edit or archive a community', async () => {
    const { staff } = await adminAndStaff(host);
    const resident = host.client();
    await resident.session();
    const before = snapshot(host.db);
    for (const client of [resident, staff]) {
      const calls = [
        { action: 'create', ...SHISHAN },
        { action: 'update', community: 'jinse', ...SHISHAN, id: undefined },
        { action: 'archive', community: 'jinse', archived: true },
        { action: 'manage' },
      ];
      for (const body of calls) {
        const response = await client.call('community', body);
        expect(response.status).toBe(403);
        expect(response.body).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: '只有管理员可以这样做' },
        });
      }
    }
    const anonymous = await host.client().call('community', { action: 'create', ...SHISHAN });
    expect(anonymous.status).toBe(401);
    expect(snapshot(host.db)).toBe(before);
  });

  it('refuses bad and taken ids and inconsistent evenings in Chinese, changing nothing', async () => {
    const { admin } = await adminAndStaff(host);
    const before = snapshot(host.db);
    const refused = async (body: object, status: number, message: string, field: string) => {
      const response = await admin.call('community', { action: 'create', ...SHISHAN, ...body });
      expect(response.status).toBe(status);
      expect(response.body).toMatchObject({ ok: false, error: { message, field } });
    };
    const badId = '社区编号要用 2–16 位小写英文字母或数字，并以字母开头，例如 shishan';
    await refused({ id: 'Shi-Shan' }, 400, badId, 'id');
    await refused({ id: '狮山' }, 400, badId, 'id');
    await refused({ id: 'jinse' }, 409, '社区编号 jinse 已被其他社区使用，请换一个', 'id');
    await refused(
      { evenings: [{ weekday: 4, opensAt: '20:00', closesAt: '17:30' }] },
      400,
      '周四的结束时间要晚于开始时间（20:00）',
      'evenings',
    );
    await refused(
      { evenings: [THURSDAY, { weekday: 4, opensAt: '19:00', closesAt: '21:00' }] },
      400,
      '周四排了两个时段：每周同一天只能安排一个服务的晚上',
      'evenings',
    );
    await refused({ evenings: [] }, 400, '请至少安排一个服务的晚上', 'evenings');
    const edit = await admin.call('community', {
      action: 'update',
      community: 'jinse',
      name: '金色里程社区',
      address: '',
      contactPhone: '',
      evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '16:00' }],
    });
    expect(edit.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'evenings' } });
    expect(snapshot(host.db)).toBe(before);
  });

  it('creates a third community whose tonight page shows its name, address and evening', async () => {
    const { admin } = await adminAndStaff(host);
    const created = await admin.call<ManagedCommunity>('community', {
      action: 'create',
      ...SHISHAN,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      ok: true,
      data: { id: 'shishan', name: '狮山社区', archivedAt: null, evenings: [THURSDAY] },
    });
    if (!created.body.ok) throw new Error(created.text);
    expect(created.body.data.services).toHaveLength(8);

    const resident = host.client();
    await resident.session();
    const list = await resident.call<Array<{ id: string }>>('community', { action: 'list' });
    expect(list.body.ok && list.body.data.map((c) => c.id)).toEqual(['huchi', 'jinse', 'shishan']);
    const tonight = await resident.call<Tonight>('community', {
      action: 'tonight',
      community: 'shishan',
    });
    expect(tonight.body).toMatchObject({
      ok: true,
      data: {
        community: { id: 'shishan', name: '狮山社区' },
        address: '狮山路 88 号社区服务中心一楼',
        contactPhone: '0512-6888 1234',
        serviceEvening: false,
        evenings: [THURSDAY],
        nextOpening: '2026-12-03T17:30:00+08:00',
      },
    });
    // Not its evening: the line does not open tonight.
    const join = await resident.call('queue', {
      action: 'join',
      community: 'shishan',
      queue: 'library',
      requestId: 'shishan-join-1',
    });
    expect(join.body).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
  });

  it('edits a seeded pilot like any community; the id stays', async () => {
    const { admin } = await adminAndStaff(host);
    const edited = await admin.call<ManagedCommunity>('community', {
      action: 'update',
      community: 'jinse',
      name: '金色里程社区（新）',
      address: '金色路 1 号',
      contactPhone: '0512-6000 0000',
      evenings: [
        { weekday: 3, opensAt: '17:00', closesAt: '20:30' },
        { weekday: 5, opensAt: '18:00', closesAt: '20:00' },
      ],
    });
    expect(edited.body).toMatchObject({ ok: true, data: { id: 'jinse', address: '金色路 1 号' } });
    const tonight = await host.client().call<Tonight>('community', {
      action: 'tonight',
      community: 'jinse',
    });
    expect(tonight.body).toMatchObject({
      ok: true,
      data: {
        community: { id: 'jinse', name: '金色里程社区（新）' },
        address: '金色路 1 号',
        open: true,
        closesAt: '20:30',
      },
    });
    const unknown = await admin.call('community', {
      action: 'update',
      community: 'nowhere',
      ...SHISHAN,
      id: undefined,
    });
    expect(unknown.status).toBe(404);
  });

  it('archives a community: hidden, no new numbers, bookings or sign-ups, coming ones cancelled, history kept; restore undoes it', async () => {
    const { admin } = await adminAndStaff(host);
    const resident = host.client();
    await resident.session();
    const join = (queue: string) =>
      resident.call('queue', {
        action: 'join',
        community: 'huchi',
        queue,
        requestId: `huchi-join-${queue}`,
      });
    // Before the archive: a number at the library (its line opens tonight), a booking next
    // Wednesday, and a sign-up for next Wednesday's activity.
    expect((await join('library')).body).toMatchObject({ ok: true, data: { label: 'B001' } });
    const booked = await resident.call<Booking>('booking', {
      action: 'book',
      slotId: 'huchi_paperwork_20261209_1800',
      requestId: 'huchi-book-0',
      name: '王阿姨',
      phone: '13812345678',
      consent: true,
    });
    expect(booked.body).toMatchObject({ ok: true, data: { status: 'confirmed' } });
    const draft = await admin.call<Notice>('notice', {
      action: 'save',
      community: 'huchi',
      week: '2026-12-07',
      title: '下周三活动',
      body: '',
      activities: [
        {
          name: '书法',
          date: '2026-12-09',
          startsAt: '19:00',
          endsAt: '20:00',
          place: '二楼',
          capacity: 10,
          signUp: true,
        },
      ],
    });
    if (!draft.body.ok) throw new Error(draft.text);
    const published = await admin.call<Notice>('notice', {
      action: 'publish',
      id: draft.body.data.id,
    });
    if (!published.body.ok) throw new Error(published.text);
    const activityId = published.body.data.activities[0]!.id;
    const signUp = (requestId: string) =>
      resident.call('notice', { action: 'signUp', activityId, requestId });
    expect((await signUp('huchi-sign-1')).body).toMatchObject({ ok: true });
    const archived = await admin.call<ManagedCommunity>('community', {
      action: 'archive',
      community: 'huchi',
      archived: true,
    });
    expect(archived.body.ok && archived.body.data.archivedAt).toBe('2026-12-02T10:30:00.000Z');

    const list = await resident.call<Array<{ id: string }>>('community', { action: 'list' });
    expect(list.body.ok && list.body.data.map((c) => c.id)).toEqual(['jinse']);
    const tonight = await resident.call('community', { action: 'tonight', community: 'huchi' });
    expect(tonight.body).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '这个社区的夜间服务已停用，请选择其他社区' },
    });
    const refused = {
      code: 'CLOSED',
      message: '这个社区的夜间服务已停用，不再取号、预约或报名活动',
    };
    // A line not yet opened tonight does not open; the one already open takes no new number,
    // from a resident or staff, and nothing changes.
    const other = host.client();
    await other.session();
    const before = snapshot(host.db);
    expect((await join('health')).body).toEqual({ ok: false, error: refused });
    const late = await other.call('queue', {
      action: 'join',
      community: 'huchi',
      queue: 'library',
      requestId: 'huchi-join-late',
    });
    expect(late.status).toBe(409);
    expect(late.body).toEqual({ ok: false, error: refused });
    const walkIn = await admin.call('queue', {
      action: 'addWalkIn',
      community: 'huchi',
      queue: 'library',
      note: '王阿姨，红外套',
    });
    expect(walkIn.body).toEqual({ ok: false, error: refused });
    expect((await signUp('huchi-sign-2')).body).toEqual({ ok: false, error: refused });
    expect(snapshot(host.db)).toBe(before);
    // Staff still call the numbers already waiting.
    const called = await admin.call('queue', {
      action: 'callNext',
      community: 'huchi',
      queue: 'library',
    });
    expect(called.body).toMatchObject({ ok: true });
    // The coming booking and sign-up were cancelled, and say why.
    const reason = '本社区已停止八点伴服务';
    const bookings = await resident.call<Booking[]>('booking', { action: 'mine' });
    expect(bookings.body).toMatchObject({
      ok: true,
      data: [{ date: '2026-12-09', status: 'cancelled', cancelledReason: reason }],
    });
    const signUps = await resident.call<Array<{ signUp: MySignUp }>>('notice', { action: 'mine' });
    expect(signUps.body).toMatchObject({
      ok: true,
      data: [{ signUp: { status: 'cancelled', cancelledReason: reason } }],
    });
    const book = await resident.call('booking', {
      action: 'book',
      slotId: 'huchi_paperwork_20261209_1800',
      requestId: 'huchi-book-1',
      name: '王阿姨',
      phone: '13812345678',
      consent: true,
    });
    expect(book.body).toEqual({ ok: false, error: refused });
    // History stays: the number taken before is still the resident's.
    const mine = await resident.call<Array<{ label: string }>>('queue', {
      action: 'mine',
      community: 'huchi',
    });
    expect(mine.body.ok && mine.body.data.map((t) => t.label)).toEqual(['B001']);
    // The admin still sees it, archived, and the id stays taken.
    const managed = await admin.call<ManagedCommunity[]>('community', { action: 'manage' });
    expect(managed.body.ok && managed.body.data.map((c) => [c.id, c.archivedAt !== null])).toEqual([
      ['jinse', false],
      ['huchi', true],
    ]);
    const taken = await admin.call('community', { action: 'create', ...SHISHAN, id: 'huchi' });
    expect(taken.status).toBe(409);

    await admin.call('community', { action: 'archive', community: 'huchi', archived: false });
    expect((await join('health')).body).toMatchObject({ ok: true, data: { label: 'A001' } });
  });
});
