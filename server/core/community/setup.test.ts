/**
 * What a community may be, without a store: its short id, its week of evenings, its fields as the
 * admin types them, and what archiving writes.
 */
import type { CreateCommunityInput } from '../../../contract/community';
import { AppError } from '../errors';
import type { CommunityRecord } from '../ports';
import { PILOT_SERVICES } from '../seed';
import {
  archiveValue,
  assertActive,
  checkedFields,
  communityIdProblem,
  contactPhoneProblem,
  eveningsProblem,
  managedOf,
  newCommunity,
  takenMessage,
} from './setup';

const THURSDAY = { weekday: 4, opensAt: '17:30', closesAt: '20:00' };

const input = (fields: Partial<CreateCommunityInput> = {}): CreateCommunityInput => ({
  id: 'shishan',
  name: '狮山社区',
  address: '狮山路 88 号',
  contactPhone: '0512-6888 1234',
  evenings: [THURSDAY],
  ...fields,
});

/** The refusal `run` throws: its code, field and message. */
function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.toApiError();
    throw error;
  }
  throw new Error('not refused');
}

describe('the short id', () => {
  it.each(['shishan', 'hc2', 'a1b2c3d4e5f6g7h8'])('takes %s', (id) => {
    expect(communityIdProblem(id)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['s', 'one letter'],
    ['ShiShan', 'capitals'],
    ['shi-shan', 'a hyphen'],
    ['2shishan', 'a leading digit'],
    ['狮山', 'Chinese'],
    ['a1b2c3d4e5f6g7h8i', 'seventeen characters'],
  ])('refuses %p (%s) in Chinese', (id) => {
    expect(communityIdProblem(id)).toBe(
      '社区编号要用 2–16 位小写英文字母或数字，并以字母开头，例如 shishan',
    );
  });

  it('names a taken id in the refusal', () => {
    expect(takenMessage('jinse')).toBe('社区编号 jinse 已被其他社区使用，请换一个');
  });
});

describe('the week of evenings', () => {
  it('takes one or several evenings on different weekdays', () => {
    expect(eveningsProblem([THURSDAY])).toBeNull();
    expect(
      eveningsProblem([
        { weekday: 3, opensAt: '17:00', closesAt: '20:00' },
        { weekday: 6, opensAt: '09:00', closesAt: '11:30' },
      ]),
    ).toBeNull();
  });

  it('needs at least one evening', () => {
    expect(eveningsProblem([])).toBe('请至少安排一个服务的晚上');
  });

  it('refuses an evening that closes when or before it opens', () => {
    expect(eveningsProblem([{ weekday: 4, opensAt: '20:00', closesAt: '17:30' }])).toBe(
      '周四的结束时间要晚于开始时间（20:00）',
    );
    expect(eveningsProblem([{ weekday: 4, opensAt: '18:00', closesAt: '18:00' }])).toBe(
      '周四的结束时间要晚于开始时间（18:00）',
    );
  });

  it('refuses two evenings on one weekday, overlapping or not', () => {
    const message = '周三排了两个时段：每周同一天只能安排一个服务的晚上';
    const wednesday = { weekday: 3, opensAt: '17:00', closesAt: '20:00' };
    expect(eveningsProblem([wednesday, { ...wednesday, opensAt: '19:00' }])).toBe(message);
    expect(eveningsProblem([wednesday, { weekday: 3, opensAt: '20:30', closesAt: '21:00' }])).toBe(
      message,
    );
  });

  it('refuses a time that is not HH:mm and a weekday outside the week', () => {
    expect(eveningsProblem([{ weekday: 4, opensAt: '7:30', closesAt: '20:00' }])).toBe(
      '周四的时间要写成“时:分”，例如 17:00',
    );
    expect(eveningsProblem([{ weekday: 4, opensAt: '17:30', closesAt: '24:00' }])).toBe(
      '周四的时间要写成“时:分”，例如 17:00',
    );
    expect(eveningsProblem([{ weekday: 7, opensAt: '17:30', closesAt: '20:00' }])).toBe(
      '星期要在周日到周六之间',
    );
  });
});

describe('the contact phone', () => {
  it.each(['', '0512-6888 1234', '13812345678'])('takes %p', (phone) => {
    expect(contactPhoneProblem(phone)).toBeNull();
  });

  it('refuses letters, too few and too many digits', () => {
    expect(contactPhoneProblem('call me')).toBe('联系电话只能包含数字、空格和短横线');
    expect(contactPhoneProblem('123 45')).toBe('联系电话至少 7 位数字');
    expect(contactPhoneProblem('1234567890123456')).toBe('联系电话最多 15 位数字');
  });
});

describe('a new community', () => {
  it('is trimmed, sorted by weekday and starts with the pilot services', () => {
    const made = newCommunity(
      input({
        id: ' shishan ',
        name: ' 狮山社区 ',
        contactPhone: '',
        evenings: [THURSDAY, { weekday: 1, opensAt: '18:00', closesAt: '20:00' }],
      }),
    );
    expect(made).toEqual({
      id: 'shishan',
      name: '狮山社区',
      address: '狮山路 88 号',
      contactPhone: null,
      evenings: [{ weekday: 1, opensAt: '18:00', closesAt: '20:00' }, THURSDAY],
      services: PILOT_SERVICES,
    });
    // Its own copies: editing them never changes the seed.
    expect(made.services[0]).not.toBe(PILOT_SERVICES[0]);
  });

  it('is refused field by field, in Chinese', () => {
    expect(refusal(() => newCommunity(input({ id: 'Shi Shan' })))).toMatchObject({
      code: 'BAD_INPUT',
      field: 'id',
    });
    expect(refusal(() => newCommunity(input({ name: '狮' })))).toEqual({
      code: 'BAD_INPUT',
      field: 'name',
      message: '社区名称要 2–30 个字',
    });
    expect(refusal(() => newCommunity(input({ address: '路'.repeat(61) })))).toEqual({
      code: 'BAD_INPUT',
      field: 'address',
      message: '地址最多 60 个字',
    });
    expect(refusal(() => newCommunity(input({ contactPhone: '12' })))).toMatchObject({
      field: 'contactPhone',
      message: '联系电话至少 7 位数字',
    });
    expect(refusal(() => newCommunity(input({ evenings: [] })))).toMatchObject({
      field: 'evenings',
      message: '请至少安排一个服务的晚上',
    });
  });

  it('edits keep the same rules', () => {
    expect(checkedFields({ ...input(), address: '' })).toMatchObject({ address: '' });
    expect(
      refusal(() => checkedFields({ ...input(), evenings: [{ ...THURSDAY, closesAt: '17:00' }] })),
    ).toMatchObject({ field: 'evenings' });
  });
});

describe('archive and restore', () => {
  const NOW = new Date('2026-12-03T02:00:00.000Z');
  const record = (archivedAt: string | null): CommunityRecord => ({
    id: 'shishan',
    name: '狮山社区',
    address: '',
    contactPhone: null,
    limits: null,
    archivedAt,
    evenings: [THURSDAY],
    services: PILOT_SERVICES,
  });

  it('archives once (again keeps the first instant) and restores', () => {
    expect(archiveValue(record(null), true, NOW)).toBe(NOW.toISOString());
    expect(archiveValue(record('2026-11-01T00:00:00.000Z'), true, NOW)).toBe(
      '2026-11-01T00:00:00.000Z',
    );
    expect(archiveValue(record('2026-11-01T00:00:00.000Z'), false, NOW)).toBeNull();
  });

  it('refuses new numbers and bookings only at an archived community', () => {
    expect(() => assertActive(record(null))).not.toThrow();
    expect(refusal(() => assertActive(record(NOW.toISOString())))).toEqual({
      code: 'CLOSED',
      message: '这个社区的夜间服务已停用，不再取号、预约或报名活动',
    });
  });

  it('lists every field for the admin, services by name in order', () => {
    expect(managedOf(record(null))).toEqual({
      id: 'shishan',
      name: '狮山社区',
      address: '',
      contactPhone: null,
      evenings: [THURSDAY],
      services: PILOT_SERVICES.map((s) => s.name),
      archivedAt: null,
    });
  });
});
