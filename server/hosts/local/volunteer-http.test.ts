/**
 * Volunteers over HTTP on real SQLite (#16): staff add an organisation and invite a volunteer of
 * it; the volunteer redeems, signs up for tonight's 健康检测 and calls the next number there, and
 * is refused everything else (the follow-up call list, phones, other lines, other communities);
 * the tonight page says who serves; staff log the hours and the CSV carries them.
 */
import type { Tonight } from '../../../contract/community';
import type { EveningReport } from '../../../contract/report';
import type { Identity } from '../../../contract/staff';
import type {
  HoursCsv,
  Org,
  Volunteer,
  VolunteerDesk,
  VolunteerHome,
  VolunteerInvite,
  VolunteerShift,
} from '../../../contract/volunteer';
import {
  adminAndStaff,
  snapshot,
  startTestHost,
  type TestClient,
  type TestHost,
  type TestResponse,
  volunteerOf,
} from './testing';

let host: TestHost;
let staff: TestClient;
let staffOfHuchi: TestClient;

beforeAll(async () => {
  host = await startTestHost({ rateLimit: false });
  ({ staff } = await adminAndStaff(host, 'jinse'));
  ({ staff: staffOfHuchi } = await adminAndStaff(host, 'huchi'));
});
afterAll(async () => {
  await host.destroy();
});

const ok = <T>(response: TestResponse<T>): T => {
  if (!response.body.ok) throw new Error(response.text);
  return response.body.data;
};
/** Staff's CSV of December's confirmed hours. */
const decemberCsv = async () =>
  ok<HoursCsv>(
    await staff.call('volunteer', {
      action: 'hoursCsv',
      community: 'jinse',
      from: '2026-12-01',
      to: '2026-12-31',
    }),
  );
const refusal = (response: TestResponse) => ({
  status: response.status,
  code: response.body.ok ? 'ok' : response.body.error.code,
});

it('invites a volunteer of an organisation who serves tonight’s line and nothing else', async () => {
  const org = ok<Org>(
    await staff.call('volunteer', {
      action: 'saveOrg',
      community: 'jinse',
      name: '姑苏区某志愿服务队',
      kind: '志愿服务队',
      contact: '王老师 13812345678',
    }),
  );
  const invite = ok<VolunteerInvite>(
    await staff.call('volunteer', {
      action: 'invite',
      community: 'jinse',
      org: org.id,
      name: '张志愿',
    }),
  );
  expect(invite).toMatchObject({ community: 'jinse', orgName: '姑苏区某志愿服务队' });

  const volunteer = host.client();
  await volunteer.session();
  const identity = ok<Identity>(
    await volunteer.call('staff', { action: 'redeem', code: invite.code.toLowerCase() }),
  );
  expect(identity).toMatchObject({ role: 'volunteer', communities: [], volunteerOf: ['jinse'] });
  expect(ok<Identity>(await volunteer.call('staff', { action: 'me' })).role).toBe('volunteer');
  // One use only.
  const again = host.client();
  await again.session();
  expect(refusal(await again.call('staff', { action: 'redeem', code: invite.code }))).toEqual({
    status: 409,
    code: 'CONFLICT',
  });

  // Before signing up there is nothing to serve.
  expect(
    refusal(await volunteer.call('volunteer', { action: 'desk', community: 'jinse' })),
  ).toEqual({ status: 409, code: 'CONFLICT' });
  const shift = ok<VolunteerShift>(
    await volunteer.call('volunteer', {
      action: 'signUp',
      community: 'jinse',
      date: '2026-12-02',
      service: 'health',
    }),
  );
  expect(shift).toMatchObject({ serviceName: '健康检测', name: '张志愿', minutes: null });

  // A resident takes a number; the volunteer sees labels and counts, no name or phone.
  const resident = host.client();
  await resident.session();
  const ticket = ok<{ id: string; label: string }>(
    await resident.call('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'health',
      requestId: 'volunteer-join-0001',
    }),
  );
  const desk = ok<VolunteerDesk>(
    await volunteer.call('volunteer', { action: 'desk', community: 'jinse' }),
  );
  expect(desk.line).toMatchObject({ queue: 'health', waiting: 1, nowCalling: null });
  const called = ok<VolunteerDesk>(
    await volunteer.call('volunteer', { action: 'callNext', community: 'jinse' }),
  );
  expect(called.line).toMatchObject({ nowCalling: ticket.label, waiting: 0 });
  expect(JSON.stringify(called)).not.toMatch(/1[3-9]\d{9}|userId/);
  // The next call marks the resident served (the desk clears; nobody else waits).
  const last = await volunteer.call('volunteer', { action: 'callNext', community: 'jinse' });
  expect(refusal(last)).toEqual({ status: 409, code: 'CONFLICT' });
  const mine = ok<Array<{ id: string; status: string }>>(
    await resident.call('queue', { action: 'mine', community: 'jinse' }),
  );
  expect(mine.find((t) => t.id === ticket.id)?.status).toBe('done');

  // Refused: the follow-up call list, bookings with phones, other lines' desks, staff setup,
  // another community; and every refusal changes nothing.
  const refused = [
    ['followup', { action: 'due', community: 'jinse' }],
    ['booking', { action: 'list', community: 'jinse', date: '2026-12-02' }],
    ['queue', { action: 'desk', community: 'jinse', queue: 'library' }],
    ['queue', { action: 'callNext', community: 'jinse', queue: 'library' }],
    ['volunteer', { action: 'evening', community: 'jinse', date: '2026-12-02' }],
    ['volunteer', { action: 'hoursCsv', community: 'jinse', from: '2026-12-01', to: '2026-12-31' }],
    ['volunteer', { action: 'logHours', shiftId: shift.id, minutes: 600 }],
    ['volunteer', { action: 'signUp', community: 'huchi', date: '2026-12-02', service: 'health' }],
    ['volunteer', { action: 'desk', community: 'huchi' }],
    ['roster', { action: 'evening', community: 'jinse', date: '2026-12-02' }],
  ] as const;
  for (const [fn, body] of refused) {
    const before = snapshot(host.db);
    expect([fn, body.action, refusal(await volunteer.call(fn, body))]).toEqual([
      fn,
      body.action,
      { status: 403, code: 'FORBIDDEN' },
    ]);
    expect(snapshot(host.db)).toBe(before);
  }

  // The tonight page says who serves.
  const anonymous = host.client();
  expect(
    ok<Tonight>(await anonymous.call('community', { action: 'tonight', community: 'jinse' }))
      .servedBy,
  ).toEqual([{ service: 'health', serviceName: '健康检测', by: '姑苏区某志愿服务队' }]);

  // The evening report counts the volunteer-served visit and labels the service.
  const report = ok<EveningReport>(
    await staff.call('report', { action: 'evening', community: 'jinse', date: '2026-12-02' }),
  );
  const health = report.services.find((s) => s.service === 'health');
  expect(health).toMatchObject({ visits: 1, servedBy: '姑苏区某志愿服务队' });
  expect(report.services.find((s) => s.service === 'library')?.servedBy).toBeUndefined();

  // Staff see the sign-up on the roster, log the hours; other communities' staff may not.
  const evening = ok<VolunteerShift[]>(
    await staff.call('volunteer', { action: 'evening', community: 'jinse', date: '2026-12-02' }),
  );
  expect(evening.map((s) => [s.name, s.orgName, s.serviceName])).toEqual([
    ['张志愿', '姑苏区某志愿服务队', '健康检测'],
  ]);
  expect(
    refusal(
      await staffOfHuchi.call('volunteer', { action: 'logHours', shiftId: shift.id, minutes: 60 }),
    ),
  ).toEqual({ status: 403, code: 'FORBIDDEN' });
  ok(await staff.call('volunteer', { action: 'logHours', shiftId: shift.id, minutes: 180 }));
  const home = ok<VolunteerHome>(await volunteer.call('volunteer', { action: 'home' }));
  expect(home).toMatchObject({ totalMinutes: 180, upcoming: [] });
  expect(home.past.map((s) => s.minutes)).toEqual([180]);

  const csv = await decemberCsv();
  expect(csv.filename).toBe('金色里程社区-志愿时长-2026-12-01至2026-12-31.csv');
  expect(csv.csv).toContain('2026-12-02,金色里程社区,健康检测,张志愿,姑苏区某志愿服务队,180,3.0');
  expect(csv.csv).not.toMatch(/13812345678|u_/);
});

it('refuses bad sign-ups and hours with a Chinese message, changing nothing', async () => {
  const volunteer = await volunteerOf(host, staff, 'jinse', {
    name: '李志愿',
  });
  const cases = [
    [{ action: 'signUp', community: 'jinse', date: '2026-11-25', service: 'health' }, 'date'],
    [{ action: 'signUp', community: 'jinse', date: '2026-12-03', service: 'health' }, 'date'],
    [{ action: 'signUp', community: 'jinse', date: '2026-12-09', service: 'haircut' }, 'service'],
  ] as const;
  for (const [body, field] of cases) {
    const before = snapshot(host.db);
    const response = await volunteer.call('volunteer', body);
    expect(response.body.ok).toBe(false);
    if (!response.body.ok) {
      expect(response.body.error.field).toBe(field);
      expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(snapshot(host.db)).toBe(before);
  }
  const ahead = ok<VolunteerShift>(
    await volunteer.call('volunteer', {
      action: 'signUp',
      community: 'jinse',
      date: '2026-12-09',
      service: 'library',
    }),
  );
  const early = await staff.call('volunteer', {
    action: 'logHours',
    shiftId: ahead.id,
    minutes: 60,
  });
  expect(refusal(early)).toEqual({ status: 409, code: 'CONFLICT' });
  const backwards = await staff.call('volunteer', {
    action: 'hoursCsv',
    community: 'jinse',
    from: '2026-12-31',
    to: '2026-12-01',
  });
  expect(refusal(backwards)).toEqual({ status: 400, code: 'BAD_INPUT' });
});

it('makes one sign-up of two at once; the volunteer withdraws one ahead, not tonight’s', async () => {
  const volunteer = await volunteerOf(host, staff, 'jinse', { name: '赵志愿' });
  const signUp = (date: string, service = 'library') =>
    volunteer.call<VolunteerShift>('volunteer', {
      action: 'signUp',
      community: 'jinse',
      date,
      service,
    });
  const both = await Promise.all([signUp('2026-12-16'), signUp('2026-12-16', 'health')]);
  const [a, b] = both.map(ok);
  expect(a!.id).toBe(b!.id);
  const evening = ok<VolunteerShift[]>(
    await staff.call('volunteer', { action: 'evening', community: 'jinse', date: '2026-12-16' }),
  );
  expect(evening.filter((s) => s.name === '赵志愿')).toHaveLength(1);
  // A retry returns the same sign-up.
  expect(ok(await signUp('2026-12-16')).id).toBe(a!.id);

  const tonight = ok(await signUp('2026-12-02'));
  const other = await volunteerOf(host, staff, 'jinse', { name: '钱志愿' });
  const before = snapshot(host.db);
  const refusedCancels = [
    [volunteer, tonight.id, 409],
    [other, a!.id, 404],
    [volunteer, 'no-such-shift', 404],
  ] as const;
  for (const [who, shiftId, status] of refusedCancels) {
    const response = await who.call('volunteer', { action: 'cancelSignUp', shiftId });
    expect([shiftId, response.status]).toEqual([shiftId, status]);
    if (!response.body.ok) expect(response.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(snapshot(host.db)).toBe(before);
  expect(ok(await volunteer.call('volunteer', { action: 'cancelSignUp', shiftId: a!.id }))).toEqual(
    { id: a!.id, cancelled: true },
  );
  const home = ok<VolunteerHome>(await volunteer.call('volunteer', { action: 'home' }));
  expect(home.upcoming.map((s) => s.date)).toEqual(['2026-12-02']);
});

it('refuses a revoked volunteer’s next request (403), withdraws their sign-ups ahead, keeps their hours', async () => {
  const volunteer = await volunteerOf(host, staff, 'jinse', { name: '孙志愿' });
  const me = ok<Identity>(await volunteer.call('staff', { action: 'me' }));
  expect(me.role).toBe('volunteer');
  const userId = (await volunteer.session()).userId;
  const signUp = async (date: string) =>
    ok<VolunteerShift>(
      await volunteer.call('volunteer', {
        action: 'signUp',
        community: 'jinse',
        date,
        service: 'library',
      }),
    );
  const tonight = await signUp('2026-12-02');
  await signUp('2026-12-09');
  await signUp('2026-12-23');
  ok(await staff.call('volunteer', { action: 'logHours', shiftId: tonight.id, minutes: 120 }));
  expect(
    ok<VolunteerDesk>(await volunteer.call('volunteer', { action: 'desk', community: 'jinse' }))
      .shift.id,
  ).toBe(tonight.id);

  // Only staff of the community may revoke; the volunteer cannot revoke anyone.
  const stateBefore = snapshot(host.db);
  for (const [who, status] of [
    [staffOfHuchi, 403],
    [volunteer, 403],
  ] as const) {
    const refused = await who.call('volunteer', { action: 'revoke', community: 'jinse', userId });
    expect(refused.status).toBe(status);
  }
  expect(snapshot(host.db)).toBe(stateBefore);

  const listed = ok<Volunteer[]>(
    await staff.call('volunteer', { action: 'list', community: 'jinse' }),
  );
  expect(listed.find((v) => v.userId === userId)?.name).toBe('孙志愿');
  expect(
    ok(await staff.call('volunteer', { action: 'revoke', community: 'jinse', userId })),
  ).toEqual({ userId, community: 'jinse', withdrawn: 2 });

  // The very next request is refused; nothing of the community's is shown.
  for (const body of [
    { action: 'desk', community: 'jinse' },
    { action: 'callNext', community: 'jinse' },
    { action: 'signUp', community: 'jinse', date: '2026-12-30', service: 'library' },
  ]) {
    const answer = await volunteer.call('volunteer', body);
    expect([body.action, answer.status]).toEqual([body.action, 403]);
  }
  expect(ok<Identity>(await volunteer.call('staff', { action: 'me' })).role).toBe('resident');
  const list = ok<Volunteer[]>(
    await staff.call('volunteer', { action: 'list', community: 'jinse' }),
  );
  expect(list.some((v) => v.userId === userId)).toBe(false);
  for (const date of ['2026-12-09', '2026-12-23']) {
    const shifts = ok<VolunteerShift[]>(
      await staff.call('volunteer', { action: 'evening', community: 'jinse', date }),
    );
    expect([date, shifts.some((s) => s.name === '孙志愿')]).toEqual([date, false]);
  }
  // The hours stay: on their own page and in the CSV for the volunteer platform.
  const home = ok<VolunteerHome>(await volunteer.call('volunteer', { action: 'home' }));
  expect(home).toMatchObject({ memberships: [], upcoming: [], totalMinutes: 120 });
  const csv = await decemberCsv();
  expect(csv.csv).toContain('2026-12-02,金色里程社区,图书阅览,孙志愿,,120,2.0');

  // Revoking again is refused, and changes nothing.
  const state = snapshot(host.db);
  const again = await staff.call('volunteer', { action: 'revoke', community: 'jinse', userId });
  expect(refusal(again)).toEqual({ status: 404, code: 'NOT_FOUND' });
  expect(snapshot(host.db)).toBe(state);
});

it('cancels (作废) a volunteer invite: it leaves the list and cannot be redeemed', async () => {
  const invite = ok<VolunteerInvite>(
    await staff.call('volunteer', { action: 'invite', community: 'jinse', name: '周志愿' }),
  );
  const open = async () =>
    ok<VolunteerInvite[]>(await staff.call('volunteer', { action: 'invites', community: 'jinse' }));
  expect((await open()).find((i) => i.code === invite.code)).toMatchObject({
    name: '周志愿',
    orgName: null,
  });
  expect(
    refusal(await staffOfHuchi.call('volunteer', { action: 'invites', community: 'jinse' })),
  ).toEqual({ status: 403, code: 'FORBIDDEN' });

  const before = snapshot(host.db);
  const refused = [
    [staffOfHuchi, { community: 'jinse', code: invite.code }, 403],
    [staffOfHuchi, { community: 'huchi', code: invite.code }, 404],
    [staff, { community: 'jinse', code: 'NOSUCHCODE' }, 404],
  ] as const;
  for (const [who, body, status] of refused) {
    const answer = await who.call('volunteer', { action: 'cancelInvite', ...body });
    expect([body, answer.status]).toEqual([body, status]);
  }
  expect(snapshot(host.db)).toBe(before);

  expect(
    ok(
      await staff.call('volunteer', {
        action: 'cancelInvite',
        community: 'jinse',
        code: invite.code.toLowerCase(),
      }),
    ),
  ).toEqual({ code: invite.code });
  expect((await open()).some((i) => i.code === invite.code)).toBe(false);
  const again = await staff.call('volunteer', {
    action: 'cancelInvite',
    community: 'jinse',
    code: invite.code,
  });
  expect(refusal(again)).toEqual({ status: 409, code: 'CONFLICT' });

  const stranger = host.client();
  await stranger.session();
  const redeemed = await stranger.call('staff', { action: 'redeem', code: invite.code });
  expect(refusal(redeemed)).toEqual({ status: 409, code: 'CONFLICT' });
  if (!redeemed.body.ok) expect(redeemed.body.error.message).toContain('作废');
  expect((await stranger.session()).role).toBe('resident');
});
