import type { Notice } from '@/types/contract';
import {
  addActivity,
  defaultActivityDay,
  changeWeek,
  draftOf,
  emptyDraft,
  errorCount,
  moveActivity,
  normaliseHhmm,
  parseNoticeForm,
  removeActivity,
  serverErrors,
  updateActivity,
  type NoticeDraft,
} from './notice-form';

const target = { community: 'jinse' };

/** A valid draft for the week of 30 November 2026 with one activity on Wednesday. */
function validDraft(): NoticeDraft {
  const draft = addActivity({
    ...emptyDraft('2026-12-02'),
    title: ' 本周活动 ',
    body: '欢迎参加\r\n',
  });
  const key = draft.activities[0].key;
  return updateActivity(draft, key, {
    name: '书法体验课',
    date: '2026-12-02',
    startsAt: '18:30',
    endsAt: '19：30',
    place: '二楼活动室',
  });
}

const notice = (): Notice => ({
  id: 'n-1',
  community: 'jinse',
  week: '2026-11-30',
  title: '本周活动',
  body: '正文',
  cover: '/media/abc.jpg',
  status: 'published',
  pinned: false,
  publishedAt: '2026-11-28T10:00:00+08:00',
  editedAt: null,
  openSignUps: 3,
  activities: [
    {
      id: 'act-1',
      noticeId: 'n-1',
      name: '书法体验课',
      date: '2026-12-02',
      startsAt: '18:30',
      endsAt: '19:30',
      place: '二楼活动室',
      capacity: 12,
      signUp: true,
      signed: 3,
      waitlisted: 0,
      left: 9,
      mine: null,
    },
    {
      id: 'act-2',
      noticeId: 'n-1',
      name: '象棋角',
      date: '2026-12-04',
      startsAt: '19:00',
      endsAt: '20:30',
      place: '一楼大厅',
      capacity: null,
      signUp: false,
      signed: 0,
      waitlisted: 0,
      left: null,
      mine: null,
    },
  ],
});

describe('notice form', () => {
  it('starts a new notice on the Monday of the given day', () => {
    expect(emptyDraft('2026-12-06').week).toBe('2026-11-30');
  });

  it('builds the save input: trimmed text, the week Monday, times normalised, unlimited places', () => {
    const { input, errors } = parseNoticeForm(validDraft(), target);
    expect(errorCount(errors)).toBe(0);
    expect(input).toEqual({
      community: 'jinse',
      week: '2026-11-30',
      title: '本周活动',
      body: '欢迎参加',
      activities: [
        {
          name: '书法体验课',
          date: '2026-12-02',
          startsAt: '18:30',
          endsAt: '19:30',
          place: '二楼活动室',
          capacity: null,
          signUp: false,
        },
      ],
    });
  });

  it('keeps activity ids when editing, and sends the cover only when it changed', () => {
    const draft = draftOf(notice());
    const { input } = parseNoticeForm(draft, { community: 'jinse', id: 'n-1' });
    expect(input?.id).toBe('n-1');
    expect(input?.activities.map((a) => [a.id, a.capacity, a.signUp])).toEqual([
      ['act-1', 12, true],
      ['act-2', null, false],
    ]);
    expect(input && 'cover' in input).toBe(false);

    expect(
      parseNoticeForm({ ...draft, cover: { kind: 'removed' } }, target).input?.cover,
    ).toBeNull();
    expect(
      parseNoticeForm(
        { ...draft, cover: { kind: 'new', ref: '/media/new.png', preview: 'data:x' } },
        target,
      ).input?.cover,
    ).toBe('/media/new.png');
  });

  it('names every wrong field in Chinese, per activity', () => {
    let draft = addActivity(addActivity({ ...emptyDraft('2026-12-02'), body: 'x'.repeat(2001) }));
    const [first, second] = draft.activities.map((a) => a.key);
    draft = updateActivity(draft, first, {
      name: '',
      date: '2026-12-07',
      startsAt: '25:00',
      place: '  ',
    });
    draft = updateActivity(draft, second, {
      name: '书法'.repeat(16),
      startsAt: '19:30',
      endsAt: '19:00',
      place: '活动室',
      signUp: true,
      unlimited: false,
      capacity: '0',
    });
    const { input, errors } = parseNoticeForm(draft, target);
    expect(input).toBeNull();
    expect(errors).toEqual({
      title: '请填写通知标题',
      body: '正文最多 2000 字，现在 2001 字',
      activities: {
        [first]: {
          name: '请填写第 1 个活动的名称',
          date: '第 1 个活动的日期不在这一周（11月30日–12月6日），请重新选择',
          startsAt: '第 1 个活动的开始时间请按 18:30 这样的格式填写',
          place: '请填写第 1 个活动的地点',
        },
        [second]: {
          name: '第 2 个活动的名称最多 30 个字',
          endsAt: '第 2 个活动的结束时间要晚于开始时间',
          capacity: '第 2 个活动的名额请填 1 到 500 之间的整数，或选“不限”',
        },
      },
    });
    expect(errorCount(errors)).toBe(9);
  });

  it('refuses a title over 60 characters and a tab in the body', () => {
    const { errors } = parseNoticeForm(
      { ...validDraft(), title: '通'.repeat(61), body: '第一行\n\t第二行' },
      target,
    );
    expect(errors.title).toBe('通知标题最多 60 个字');
    expect(errors.body).toBe('正文里有无法显示的字符（如制表符），请删掉后再保存');
  });

  it('takes a capacity only when residents sign up and places are limited', () => {
    const draft = validDraft();
    const key = draft.activities[0].key;
    const limited = updateActivity(draft, key, {
      signUp: true,
      unlimited: false,
      capacity: ' 20 ',
    });
    expect(parseNoticeForm(limited, target).input?.activities[0].capacity).toBe(20);
    const noSignUp = updateActivity(limited, key, { signUp: false });
    expect(parseNoticeForm(noSignUp, target).input?.activities[0].capacity).toBeNull();
  });

  it('moves activities with the week, keeping their weekday', () => {
    const moved = changeWeek(validDraft(), '2026-12-10');
    expect(moved.week).toBe('2026-12-07');
    expect(moved.activities[0].date).toBe('2026-12-09');
    expect(changeWeek(validDraft(), 'not a date').week).toBe('2026-11-30');
  });

  it('adds, reorders and removes activities, up to twelve', () => {
    let draft = validDraft();
    draft = addActivity(draft);
    // A new activity starts from the previous one's day, hours and place.
    expect(draft.activities[1]).toMatchObject({
      name: '',
      date: '2026-12-02',
      startsAt: '18:30',
      place: '二楼活动室',
      signUp: false,
      unlimited: true,
    });
    const [a, b] = draft.activities.map((x) => x.key);
    expect(moveActivity(draft, b, -1).activities.map((x) => x.key)).toEqual([b, a]);
    expect(moveActivity(draft, a, -1)).toBe(draft);
    expect(moveActivity(draft, b, 1)).toBe(draft);
    expect(removeActivity(draft, a).activities.map((x) => x.key)).toEqual([b]);

    for (let i = 0; i < 20; i += 1) draft = addActivity(draft);
    expect(draft.activities).toHaveLength(12);
  });

  it('reads times typed in several ways', () => {
    expect(normaliseHhmm('9:05')).toBe('09:05');
    expect(normaliseHhmm('1930')).toBe('19:30');
    expect(normaliseHhmm('19：30')).toBe('19:30');
    expect(normaliseHhmm('24:00')).toBeNull();
    expect(normaliseHhmm('晚上')).toBeNull();
  });

  it('places a server refusal next to the field it names', () => {
    const draft = draftOf(notice());
    expect(serverErrors(draft, 'activities.1.date', '日期不在这一周').activities).toEqual({
      'act-2': { date: '日期不在这一周' },
    });
    expect(serverErrors(draft, 'title', '标题太长')).toEqual({ title: '标题太长', activities: {} });
    expect(serverErrors(draft, undefined, '已归档的通知不能再修改')).toEqual({
      form: '已归档的通知不能再修改',
      activities: {},
    });
  });
});

describe('a new activity’s day', () => {
  const wedSat = [
    { weekday: 3, opensAt: '17:00', closesAt: '20:00' },
    { weekday: 6, opensAt: '09:00', closesAt: '12:00' },
  ];
  it('is the community’s next service evening in the notice’s week', () => {
    expect(defaultActivityDay('2026-11-30', wedSat, '2026-11-30')).toBe('2026-12-02');
    expect(defaultActivityDay('2026-11-30', wedSat, '2026-12-03')).toBe('2026-12-05');
    // A week already past its evenings, or a later week: its first evening.
    expect(defaultActivityDay('2026-11-30', wedSat, '2026-12-06')).toBe('2026-12-02');
    expect(defaultActivityDay('2026-12-07', wedSat, '2026-12-01')).toBe('2026-12-09');
    // Evenings not known yet: the Monday, as before.
    expect(defaultActivityDay('2026-11-30', [], null)).toBe('2026-11-30');
    expect(addActivity(emptyDraft('2026-12-01'), wedSat, '2026-12-01').activities[0]!.date).toBe(
      '2026-12-02',
    );
  });
});
