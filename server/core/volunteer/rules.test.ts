/** The volunteer rules (#16) on plain records, without a store. */
import type {
  CommunityRecord,
  VolunteerInviteRecord,
  VolunteerRecord,
  VolunteerShiftRecord,
} from '../ports';
import { PILOT_SERVICES } from '../seed';
import {
  decideCancelSignUp,
  decideLogHours,
  decideVolunteerRedeem,
  decideVolunteerSignUp,
  erasedVolunteerShift,
  hoursCsv,
  servedByOf,
  tonightShiftOf,
  withdrawnOnRevoke,
} from './rules';

/** Wednesday 2026-12-02 18:30 in Suzhou. */
const NOW = new Date('2026-12-02T10:30:00.000Z');
const TODAY = '2026-12-02';
const community: CommunityRecord = {
  id: 'c1',
  name: '金色里程社区',
  evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }],
  services: PILOT_SERVICES,
  contactPhone: '0512-1234567',
  limits: null,
  address: '',
  archivedAt: null,
};
const invite = (fields: Partial<VolunteerInviteRecord> = {}): VolunteerInviteRecord => ({
  code: 'ABCDEFGHJK',
  community: 'c1',
  org: 'o1',
  orgName: '姑苏区某志愿服务队',
  name: '张志愿',
  createdBy: 'staff-1',
  createdAt: '2026-12-01T02:00:00.000Z',
  expiresAt: '2026-12-08T10:00:00+08:00',
  usedBy: null,
  cancelledAt: null,
  ...fields,
});
const member: VolunteerRecord = {
  userId: 'u1',
  community: 'c1',
  org: 'o1',
  orgName: '姑苏区某志愿服务队',
  name: '张志愿',
  since: '2026-12-01T02:00:00.000Z',
};
const shift = (fields: Partial<VolunteerShiftRecord> = {}): VolunteerShiftRecord => ({
  id: 's1',
  community: 'c1',
  date: TODAY,
  service: 'health',
  userId: 'u1',
  name: '张志愿',
  orgName: '姑苏区某志愿服务队',
  minutes: null,
  loggedBy: null,
  createdAt: '2026-12-01T03:00:00.000Z',
  ...fields,
});
const request = (fields: Partial<{ date: string; service: string }> = {}) => ({
  date: TODAY,
  service: 'health',
  id: 'new-shift',
  today: TODAY,
  now: NOW,
  ...fields,
});

describe('decideVolunteerRedeem', () => {
  it('makes the redeemer a volunteer of the invite’s community and organisation', () => {
    expect(decideVolunteerRedeem(invite(), 'u9', NOW)).toEqual({
      ok: true,
      community: 'c1',
      member: {
        userId: 'u9',
        community: 'c1',
        org: 'o1',
        orgName: '姑苏区某志愿服务队',
        name: '张志愿',
        since: NOW.toISOString(),
      },
    });
  });

  it('refuses unknown, used, cancelled and expired codes as staff invites are refused', () => {
    expect(decideVolunteerRedeem(null, 'u9', NOW)).toEqual({ ok: false, reason: 'unknown' });
    expect(decideVolunteerRedeem(invite({ usedBy: 'u2' }), 'u9', NOW)).toMatchObject({
      reason: 'used',
    });
    expect(decideVolunteerRedeem(invite({ usedBy: 'erased' }), 'u9', NOW)).toMatchObject({
      reason: 'used',
    });
    expect(
      decideVolunteerRedeem(invite({ cancelledAt: NOW.toISOString() }), 'u9', NOW),
    ).toMatchObject({ reason: 'cancelled' });
    expect(
      decideVolunteerRedeem(invite({ expiresAt: '2026-12-02T18:00:00+08:00' }), 'u9', NOW),
    ).toMatchObject({ reason: 'expired' });
  });
});

describe('decideVolunteerSignUp', () => {
  it('signs up for a service on a service evening from today on', () => {
    const decided = decideVolunteerSignUp(community, member, request(), []);
    expect(decided).toEqual({
      ok: true,
      shift: shift({ id: 'new-shift', createdAt: NOW.toISOString() }),
    });
    const nextWeek = decideVolunteerSignUp(community, member, request({ date: '2026-12-09' }), []);
    expect(nextWeek).toMatchObject({ ok: true, shift: { date: '2026-12-09' } });
  });

  it('refuses a past date, a day without an evening and a service the community lacks', () => {
    const refused = (fields: Partial<{ date: string; service: string }>) =>
      decideVolunteerSignUp(community, member, request(fields), []);
    expect(refused({ date: '2026-11-25' })).toEqual({ ok: false, reason: 'past' });
    expect(refused({ date: '2026-12-03' })).toEqual({ ok: false, reason: 'no-evening' });
    expect(refused({ service: 'haircut' })).toEqual({ ok: false, reason: 'unknown-service' });
  });

  it('keeps one sign-up per volunteer and evening: signing up again changes the service', () => {
    const other = shift({ id: 's2', userId: 'u2', name: '李志愿' });
    const decided = decideVolunteerSignUp(community, member, request({ service: 'library' }), [
      other,
      shift(),
    ]);
    expect(decided).toEqual({ ok: true, shift: shift({ service: 'library' }) });
  });

  it('refuses someone who is no longer a volunteer of the community (revoked)', () => {
    expect(decideVolunteerSignUp(community, null, request(), [])).toEqual({
      ok: false,
      reason: 'not-member',
    });
  });

  it('refuses to change an evening whose hours are logged', () => {
    const logged = shift({ minutes: 180, loggedBy: 'staff-1' });
    expect(
      decideVolunteerSignUp(community, member, request({ service: 'library' }), [logged]),
    ).toEqual({ ok: false, reason: 'logged' });
  });
});

describe('withdrawing sign-ups', () => {
  it('lets a volunteer cancel their own sign-up of an evening still ahead', () => {
    const ahead = shift({ date: '2026-12-09' });
    expect(decideCancelSignUp(ahead, 'u1', TODAY)).toEqual({ ok: true, shift: ahead });
  });

  it('refuses tonight’s, a logged one, someone else’s, an erased one and a missing one', () => {
    expect(decideCancelSignUp(shift(), 'u1', TODAY)).toEqual({ ok: false, reason: 'started' });
    expect(
      decideCancelSignUp(shift({ date: '2026-12-09', minutes: 60 }), 'u1', TODAY),
    ).toMatchObject({ reason: 'logged' });
    expect(decideCancelSignUp(shift({ date: '2026-12-09' }), 'u2', TODAY)).toMatchObject({
      reason: 'unknown',
    });
    expect(decideCancelSignUp(shift({ date: '2026-12-09', userId: '' }), '', TODAY)).toMatchObject({
      reason: 'unknown',
    });
    expect(decideCancelSignUp(null, 'u1', TODAY)).toMatchObject({ reason: 'unknown' });
  });

  it('a revoke withdraws only the sign-ups ahead without hours', () => {
    const kept = [
      shift({ id: 'tonight' }),
      shift({ id: 'past', date: '2026-11-25' }),
      shift({ id: 'logged', date: '2026-11-18', minutes: 120 }),
    ];
    const ahead = [
      shift({ id: 'a1', date: '2026-12-09' }),
      shift({ id: 'a2', date: '2026-12-16' }),
    ];
    expect(withdrawnOnRevoke([...kept, ...ahead], TODAY).map((s) => s.id)).toEqual(['a1', 'a2']);
  });
});

describe('decideLogHours', () => {
  it('logs the minutes of an evening that has come, by whom', () => {
    expect(decideLogHours(shift(), 180, 'staff-1', TODAY)).toEqual(
      shift({ minutes: 180, loggedBy: 'staff-1' }),
    );
    expect(decideLogHours(shift({ date: '2026-11-25' }), 90, 'staff-1', TODAY)).toMatchObject({
      minutes: 90,
    });
  });

  it('refuses an evening still ahead and minutes out of range', () => {
    expect(decideLogHours(shift({ date: '2026-12-09' }), 180, 'staff-1', TODAY)).toBeNull();
    expect(decideLogHours(shift(), 0, 'staff-1', TODAY)).toBeNull();
    expect(decideLogHours(shift(), 601, 'staff-1', TODAY)).toBeNull();
    expect(decideLogHours(shift(), 1.5, 'staff-1', TODAY)).toBeNull();
  });
});

describe('who serves tonight', () => {
  it('finds the volunteer’s own sign-up of the evening only', () => {
    const evening = [shift({ id: 's2', userId: 'u2' }), shift()];
    expect(tonightShiftOf(evening, 'u1')?.id).toBe('s1');
    expect(tonightShiftOf(evening, 'u3')).toBeNull();
  });

  it('names each served service once with its organisations, individuals as 志愿者', () => {
    const evening = [
      shift({ service: 'library', orgName: null, userId: 'u3' }),
      shift(),
      shift({ id: 's2', userId: 'u2' }),
      shift({ id: 's4', userId: 'u4', orgName: '某社会组织' }),
    ];
    expect(servedByOf(community, evening)).toEqual([
      { service: 'health', serviceName: '健康检测', by: '姑苏区某志愿服务队、某社会组织' },
      { service: 'library', serviceName: '图书阅览', by: '志愿者' },
    ]);
    expect(servedByOf(community, [])).toEqual([]);
  });
});

describe('erase and the CSV', () => {
  it('erasing keeps the minutes as an anonymous count and forgets who', () => {
    const erased = erasedVolunteerShift(shift({ minutes: 120, loggedBy: 'staff-1' }));
    expect(erased).toMatchObject({ userId: '', name: '已删除', loggedBy: null, minutes: 120 });
  });

  it('lists confirmed hours only, no ids or phones, with formula cells defused', () => {
    const csv = hoursCsv(community, [
      shift({ minutes: 150 }),
      shift({ id: 's2', userId: 'u2', name: '=HYPERLINK("x")', orgName: null, minutes: 60 }),
      shift({ id: 's3', userId: 'u3', name: '未登记', minutes: null }),
      erasedVolunteerShift(shift({ id: 's4', minutes: 30 })),
    ]);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      '日期,社区,服务项目,志愿者,所属组织,服务时长（分钟）,服务时长（小时）',
      '2026-12-02,金色里程社区,健康检测,张志愿,姑苏区某志愿服务队,150,2.5',
      `2026-12-02,金色里程社区,健康检测,"'=HYPERLINK(""x"")",,60,1.0`,
    ]);
    expect(csv).not.toMatch(/u1|u2/);
  });
});
