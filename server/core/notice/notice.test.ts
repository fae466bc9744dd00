/** Notice and sign-up rules, through dispatch, on a real SQLite file. */
import type { Tonight } from '../../../contract/community';
import type {
  Activity,
  AttendanceCsv,
  Attendee,
  Attendees,
  MyActivity,
  Notice,
  NoticeList,
} from '../../../contract/notice';
import type { Board } from '../../../contract/queue';
import { coreHarness, ok } from '../../testing/core-harness';
import { memoryMedia } from '../../testing/media';

/** Monday 2026-11-30, 10:00 in Suzhou: this week's service evening is Wednesday 12-02. */
const MONDAY = '2026-11-30T10:00:00+08:00';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const calligraphy = {
  name: '书法体验课',
  date: '2026-12-02',
  startsAt: '19:00',
  endsAt: '20:00',
  place: '二楼活动室',
  capacity: 2,
  signUp: true,
};
const chess = { ...calligraphy, name: '象棋角', startsAt: '17:30', capacity: null, signUp: false };

async function setup(at = MONDAY) {
  const h = await coreHarness(at, { media: memoryMedia('https://cdn.example').media });
  const save = (input: Record<string, unknown> = {}) =>
    h.staff<Notice>('notice.save', {
      community: 'jinse',
      week: '2026-12-02',
      title: '本周三晚 八点伴',
      body: '象棋角照常开放。\n19:00 书法体验课，名额有限。',
      activities: [calligraphy, chess],
      ...input,
    });
  const published = async (input: Record<string, unknown> = {}) => {
    const draft = ok(await save(input));
    return ok(await h.staff<Notice>('notice.publish', { id: draft.id }));
  };
  return { ...h, save, published };
}

let h: Awaited<ReturnType<typeof setup>>;
afterEach(async () => {
  await h?.close();
});

describe('drafts, publishing and what residents see', () => {
  it('keeps drafts from residents, the tonight page and the board until published', async () => {
    h = await setup();
    const draft = ok(await h.save());
    expect(draft).toMatchObject({ status: 'draft', week: '2026-11-30', publishedAt: null });
    const list = await h.as(null)<NoticeList>('notice.list', { community: 'jinse' });
    expect(ok(list)).toEqual({ thisWeek: '2026-11-30', notices: [] });
    for (const who of [null, 'resident-1']) {
      const got = await h.as(who)('notice.get', { id: draft.id });
      expect(got).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: '没有找到这条通知' },
      });
    }
    expect(ok(await h.staff<Notice>('notice.get', { id: draft.id })).title).toBe(draft.title);
    h.clock.set('2026-12-02T17:10:00+08:00');
    expect(
      ok(await h.as(null)<Tonight>('community.tonight', { community: 'jinse' })).notices,
    ).toEqual([]);
    expect(ok(await h.as(null)<Board>('queue.board', { community: 'jinse' })).activities).toEqual(
      [],
    );

    ok(await h.staff('notice.publish', { id: draft.id }));
    const tonight = ok(await h.as(null)<Tonight>('community.tonight', { community: 'jinse' }));
    expect(tonight.notices).toEqual([
      {
        id: draft.id,
        week: '2026-11-30',
        title: '本周三晚 八点伴',
        cover: null,
        pinned: false,
        edited: false,
        status: 'published',
        tonight: [
          { id: draft.activities[1]!.id, name: '象棋角', startsAt: '17:30', place: '二楼活动室' },
          {
            id: draft.activities[0]!.id,
            name: '书法体验课',
            startsAt: '19:00',
            place: '二楼活动室',
          },
        ],
        activityCount: 2,
      },
    ]);
    const board = ok(await h.as(null)<Board>('queue.board', { community: 'jinse' }));
    expect(board.activities.map((a) => a.name)).toEqual(['象棋角', '书法体验课']);
    // Another community's pages never show it.
    expect(
      ok(await h.as(null)<Tonight>('community.tonight', { community: 'huchi' })).notices,
    ).toEqual([]);
  });

  it('marks an edited published notice 已更新, pins one at a time, and archives', async () => {
    h = await setup();
    const first = await h.published();
    const second = await h.published({ title: '第二条' });
    expect(first.editedAt).toBeNull();
    const edited = ok(await h.save({ id: first.id, title: '改期通知' }));
    expect(edited).toMatchObject({ status: 'published', editedAt: '2026-11-30T10:00:00+08:00' });

    ok(await h.staff('notice.pin', { id: second.id, pinned: true }));
    ok(await h.staff('notice.pin', { id: first.id, pinned: true }));
    const list = ok(await h.as(null)<NoticeList>('notice.list', { community: 'jinse' }));
    expect(list.notices.map((n) => [n.title, n.pinned, n.edited])).toEqual([
      ['改期通知', true, true],
      ['第二条', false, false],
    ]);

    const draft = ok(await h.save({ title: '草稿' }));
    expect(await h.staff('notice.pin', { id: draft.id, pinned: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '只有已发布的通知可以置顶' },
    });

    ok(await h.staff('notice.archive', { id: first.id }));
    const after = ok(await h.as(null)<NoticeList>('notice.list', { community: 'jinse' }));
    expect(after.notices.map((n) => n.title)).toEqual(['第二条']);
    expect(await h.save({ id: first.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const managed = ok(await h.staff<NoticeList>('notice.manage', { community: 'jinse' }));
    expect(managed.thisWeek).toBe('2026-11-30');
    expect(managed.notices.map((n) => n.status).sort()).toEqual(['archived', 'draft', 'published']);
  });

  it("lists next week's notices now and past weeks' in the archive", async () => {
    h = await setup();
    await h.published({ title: '下周', week: '2026-12-09', activities: [] });
    await h.published({ title: '本周', activities: [] });
    h.clock.set('2026-12-08T10:00:00+08:00');
    const current = ok(await h.as(null)<NoticeList>('notice.list', { community: 'jinse' }));
    expect(current.notices.map((n) => n.title)).toEqual(['下周']);
    const past = ok(
      await h.as(null)<NoticeList>('notice.list', { community: 'jinse', past: true }),
    );
    expect(past.notices.map((n) => n.title)).toEqual(['本周']);
    const week = ok(
      await h.as(null)<NoticeList>('notice.list', { community: 'jinse', week: '2026-12-03' }),
    );
    expect(week.notices.map((n) => n.title)).toEqual(['本周']);
  });

  it('refuses activities outside the week, backwards times and control characters', async () => {
    h = await setup();
    expect(await h.save({ activities: [{ ...calligraphy, date: '2026-12-07' }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'activities.0.date' },
    });
    expect(await h.save({ activities: [{ ...calligraphy, endsAt: '18:00' }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'activities.0.endsAt' },
    });
    expect(await h.save({ activities: [{ ...calligraphy, name: '' }] })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '活动第 1 项的名称（activities.0.name）不能为空或太短' },
    });
    expect(await h.save({ body: 'a\u0007b' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'body' },
    });
    expect(await h.save({ body: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'body' },
    });
    expect(await h.save({ week: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'week' },
    });
    expect(await h.staff<NoticeList>('notice.manage', { community: 'jinse' })).toEqual({
      ok: true,
      data: { thisWeek: '2026-11-30', notices: [] },
    });
    // Markup is kept as the text it is; clients render text, never HTML.
    const markup = ok(await h.save({ body: '<img src=x onerror=alert(1)>\r\n第二行' }));
    expect(markup.body).toBe('<img src=x onerror=alert(1)>\n第二行');
  });

  it("never lets one community's staff touch another's notice", async () => {
    h = await setup();
    const notice = await h.published();
    await h.store.identities.createInvite(
      {
        code: 'HUCHI00001',
        community: 'huchi',
        createdBy: 'staff-1',
        expiresAt: '2030-01-01T00:00:00Z',
      },
      new Date(),
    );
    await h.store.identities.redeemInvite('HUCHI00001', 'huchi-staff', new Date());
    const huchi = h.as('huchi-staff');
    for (const [action, input] of [
      [
        'notice.save',
        {
          community: 'huchi',
          id: notice.id,
          week: '2026-12-02',
          title: 't',
          body: '',
          activities: [],
        },
      ],
      ['notice.publish', { id: notice.id }],
      ['notice.archive', { id: notice.id }],
      ['notice.pin', { id: notice.id, pinned: true }],
      ['notice.export', { id: notice.id }],
      ['notice.attendees', { activityId: notice.activities[0]!.id }],
    ] as const) {
      expect(await huchi(action, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // An admin naming the wrong community for an existing notice changes nothing either.
    expect(await h.save({ community: 'huchi', id: notice.id, title: '串改' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(ok(await h.staff<Notice>('notice.get', { id: notice.id })).title).toBe(notice.title);
  });
});

describe('sign-up, waitlist and check-in', () => {
  const signUp = (userId: string, activityId: string, extra: Record<string, unknown> = {}) =>
    h.as(userId)<Activity>('notice.signUp', {
      activityId,
      requestId: `req-${userId}-${activityId}`,
      ...extra,
    });

  it('holds the capacity, waitlists in order, dedupes a retry and promotes on cancel', async () => {
    h = await setup();
    const notice = await h.published();
    const id = notice.activities[0]!.id;
    const a = ok(await signUp('u1', id, { name: '3栋 王阿姨' }));
    expect(a).toMatchObject({ signed: 1, left: 1, mine: { status: 'signed' } });
    ok(await signUp('u2', id));
    const c = ok(await signUp('u3', id));
    expect(c).toMatchObject({ signed: 2, left: 0, waitlisted: 1 });
    expect(c.mine).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(ok(await signUp('u1', id)).mine?.id).toBe(a.mine?.id);
    expect(ok(await signUp('u1', id, { requestId: 'another-request' })).signed).toBe(2);

    const cancelled = ok(await h.as('u1')<Activity>('notice.cancelSignUp', { activityId: id }));
    expect(cancelled.mine?.status).toBe('cancelled');
    expect(h.alerts.activity).toEqual([
      expect.objectContaining({
        userId: 'u3',
        kind: 'activity-promoted',
        activity: expect.objectContaining({ name: '书法体验课', community: 'jinse' }),
      }),
    ]);
    const mine = ok(await h.as('u3')<MyActivity[]>('notice.mine'));
    expect(mine.map((m) => [m.activity.name, m.signUp.status])).toEqual([['书法体验课', 'signed']]);
    expect(await h.as('u1')('notice.cancelSignUp', { activityId: id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '您还没有报名这个活动' },
    });
  });

  it('refuses a sign-up whose date is cancelled after the service read the calendar (#16)', async () => {
    h = await setup();
    const id = (await h.published()).activities[0]!.id;
    const repo = h.store.notices;
    const original = repo.signUp.bind(repo);
    // The cancellation commits between the service's calendar check and the store's transaction.
    repo.signUp = async (req) => {
      ok(
        await h.staff('community.cancelDate', {
          community: 'jinse',
          date: '2026-12-02',
          reason: '台风停课',
        }),
      );
      return original(req);
    };
    expect(await signUp('u1', id)).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringMatching(/暂停开放：台风停课，活动不再报名/) },
    });
    expect(await h.store.notices.signUpOf(id, 'u1')).toBeNull();
  });

  it('promotes the waitlist when staff raise the capacity', async () => {
    h = await setup();
    const notice = await h.published();
    const id = notice.activities[0]!.id;
    for (const u of ['u1', 'u2', 'u3', 'u4']) ok(await signUp(u, id));
    const raised = ok(
      await h.save({ id: notice.id, activities: [{ ...calligraphy, id, capacity: 3 }, chess] }),
    );
    expect(raised.activities).toHaveLength(2);
    expect(raised.activities[0]).toMatchObject({ id, signed: 3, waitlisted: 1 });
    expect(h.alerts.activity.map((a) => a.userId)).toEqual(['u3']);
    // Dropping an activity residents signed up for is refused.
    expect(await h.save({ id: notice.id, activities: [chess] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('refuses sign-up where none is needed, on drafts and after the start', async () => {
    h = await setup();
    const notice = await h.published();
    expect(await signUp('u1', notice.activities[1]!.id)).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '这个活动无需报名，到时直接来就行' },
    });
    const draft = ok(await h.save());
    expect(await signUp('u1', draft.activities[0]!.id)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    h.clock.set('2026-12-02T19:00:00+08:00');
    expect(await signUp('u1', notice.activities[0]!.id)).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: '活动已开始，不能再报名' },
    });
  });

  it('checks residents in with the code from 30 minutes before, and staff at the door', async () => {
    h = await setup();
    const notice = await h.published();
    const id = notice.activities[0]!.id;
    ok(await signUp('u1', id));
    const desk = ok(await h.staff<Attendees>('notice.attendees', { activityId: id }));
    const code = desk.checkInCode;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    expect(desk.checkInPath).toBe(`package-notice/pages/check-in/index?a=${id}&k=${code}`);

    const checkIn = (userId: string, given = code) =>
      h.as(userId)<Activity>('notice.checkIn', { activityId: id, code: given.toLowerCase() });
    h.clock.set('2026-12-02T18:20:00+08:00');
    expect(await checkIn('u1')).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    h.clock.set('2026-12-02T18:35:00+08:00');
    expect(await checkIn('u1', 'ZZZZZZ')).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'code' },
    });
    const done = ok(await checkIn('u1'));
    expect(done.mine).toMatchObject({ status: 'signed', attendedAt: '2026-12-02T18:35:00+08:00' });
    expect(ok(await checkIn('u1')).mine?.attendedAt).toBe('2026-12-02T18:35:00+08:00');
    expect(await h.as('u1')('notice.cancelSignUp', { activityId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '您已签到，不能再取消报名' },
    });
    // A resident who did not sign up takes the last place by scanning; then it is full.
    expect(ok(await checkIn('u2')).mine?.status).toBe('signed');
    expect(await checkIn('u3')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '名额已满，请找现场社工登记' },
    });
    const walkIn = ok(
      await h.staff<Attendee>('notice.checkInFor', {
        activityId: id,
        name: '=HYPERLINK("x")',
        requestId: 'walk-in-0001',
      }),
    );
    expect(walkIn).toMatchObject({ byStaff: true, checkIn: 'staff', status: 'signed' });
    const unmarked = ok(
      await h.staff<Attendee>('notice.markAttendance', { signUpId: walkIn.id, attended: false }),
    );
    expect(unmarked.attendedAt).toBeNull();
    ok(await h.staff('notice.markAttendance', { signUpId: walkIn.id, attended: true }));
    const figures = ok(await h.staff<Attendees>('notice.attendees', { activityId: id })).figures;
    expect(figures).toEqual({ signed: 3, waitlisted: 0, attended: 3, cancelled: 0 });
  });

  it('exports the attendance as CSV with a BOM, CRLF lines and formulas defused', async () => {
    h = await setup('2026-12-02T18:40:00+08:00');
    const notice = await h.published();
    const id = notice.activities[0]!.id;
    ok(await signUp('u1', id, { name: '3栋 王阿姨' }));
    // u1 scans the QR code; u2, who did not sign up, types the code: the sheet tells them apart.
    const { checkInCode } = ok(await h.staff<Attendees>('notice.attendees', { activityId: id }));
    const selfCheckIn = (userId: string, via: 'scan' | 'code') =>
      h.as(userId)('notice.checkIn', { activityId: id, code: checkInCode, via });
    ok(await selfCheckIn('u1', 'scan'));
    ok(await selfCheckIn('u2', 'code'));
    ok(
      await h.staff('notice.checkInFor', {
        activityId: id,
        name: '=1+1',
        requestId: 'walk-in-0002',
      }),
    );
    const { filename, csv } = ok(await h.staff<AttendanceCsv>('notice.export', { id: notice.id }));
    expect(filename).toBe('签到表-2026-11-30-本周三晚_八点伴.csv');
    expect(
      csv.startsWith('\uFEFF活动,日期,时间,地点,姓名,报名状态,到场,签到时间,签到方式,报名时间\r\n'),
    ).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      '书法体验课,2026-12-02,19:00-20:00,二楼活动室,3栋 王阿姨,已报名,是,2026-12-02 18:40,扫码签到,2026-12-02 18:40',
    );
    expect(lines[2]).toMatch(/,已报名,是,2026-12-02 18:40,输入签到码,2026-12-02 18:40$/);
    expect(lines[3]).toBe(
      "书法体验课,2026-12-02,19:00-20:00,二楼活动室,'=1+1,已报名,是,2026-12-02 18:40,社工登记,2026-12-02 18:40",
    );
  });
});

describe('cover images', () => {
  it('stores a real image and refuses anything else, with clear messages', async () => {
    h = await setup();
    const upload = (data: string) =>
      h.staff<{ cover: string }>('notice.uploadCover', { community: 'jinse', data });
    const { cover } = ok(await upload(PNG));
    const saved = ok(await h.save({ cover }));
    expect(saved.cover).toBe(`https://cdn.example${cover}`);
    expect(ok(await h.save({ id: saved.id, cover: null })).cover).toBeNull();

    const text = Buffer.from('这不是图片，只是一段文字。').toString('base64');
    expect(await upload(text)).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '封面只能是 JPG、PNG 或 WebP 图片', field: 'data' },
    });
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    ).toString('base64');
    expect(await upload(svg)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const big = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.alloc(1024 * 1024)]);
    expect(await upload(big.toString('base64'))).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'data' },
    });
    expect(await h.save({ cover: '/media/nothing-here.png' })).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '封面图片不存在，请重新上传', field: 'cover' },
    });
  });
});
