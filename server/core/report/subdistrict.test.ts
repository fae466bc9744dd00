/** 街道汇总 and 本周海报: the pure figures, then played evenings through dispatch on either store. */
import type { Booking } from '../../../contract/booking';
import type { CallList } from '../../../contract/followup';
import type { Notice } from '../../../contract/notice';
import type { Ticket } from '../../../contract/queue';
import type { Poster, ReportCsv, Subdistrict } from '../../../contract/report';
import { coreHarness, ok } from '../../testing/core-harness';
import type { FollowUpRecord, SuggestionRecord } from '../ports';
import { posterEvening, posterOf } from './poster';
import {
  openSuggestionsAt,
  subdistrictDates,
  subdistrictOf,
  subdistrictWeeks,
  type LoadedEvening,
} from './subdistrict';
import type { Visit } from './visits';

const visit = (service: string, person: string, served = true): Visit => ({
  kind: '取号',
  service,
  serviceName: service,
  ref: 'A001',
  resident: person,
  person,
  status: served ? '已完成' : '过号未到',
  at: '2026-12-02T10:00:00.000Z',
  calledAt: null,
  closedAt: null,
  waitMinutes: null,
  serviceMinutes: null,
  served,
  noShow: !served,
});

const answer = (satisfaction: 'satisfied' | 'mostly' | 'unsatisfied', kind = 'first') =>
  ({ kind, result: { satisfaction } }) as unknown as FollowUpRecord;

const suggestion = (createdAt: string, answeredAt: string | null, status = 'received') =>
  ({ createdAt, answeredAt, status }) as unknown as SuggestionRecord;

const community = {
  id: 'c1',
  name: '测试社区',
  evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }],
  services: [],
  contactPhone: null,
  limits: null,
  address: '',
  archivedAt: null,
};

describe('街道汇总: the figures from loaded records', () => {
  it('covers 8 weeks ending with the week of the day, evenings up to the day only', () => {
    // 2026-12-03 is a Thursday: its week starts Monday 2026-11-30.
    expect(subdistrictWeeks('2026-12-03')).toEqual([
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    const { evenings, cancelled } = subdistrictDates(community.evenings, '2026-12-03');
    expect(evenings).toHaveLength(8);
    expect(evenings[0]).toBe('2026-10-14');
    expect(evenings[7]).toBe('2026-12-02');
    expect(cancelled).toEqual([]);
    // On Tuesday this week's Wednesday has not come yet.
    expect(subdistrictDates(community.evenings, '2026-12-01').evenings).toHaveLength(7);
  });

  it('follows the calendar: a cancelled Wednesday is no evening, an extra Saturday counts', () => {
    const calendar = {
      evenings: community.evenings,
      dates: [
        {
          date: '2026-11-25',
          kind: 'cancelled' as const,
          reason: '台风停开',
          opensAt: '17:00',
          closesAt: '20:00',
          added: false,
        },
        {
          date: '2026-11-28',
          kind: 'extra' as const,
          reason: '',
          opensAt: '09:00',
          closesAt: '11:00',
          added: true,
        },
        // Past the day the view is for: not counted yet.
        {
          date: '2026-12-05',
          kind: 'extra' as const,
          reason: '',
          opensAt: '09:00',
          closesAt: '11:00',
          added: true,
        },
      ],
    };
    const dates = subdistrictDates(calendar, '2026-12-03');
    expect(dates.evenings).toHaveLength(8);
    expect(dates.evenings).not.toContain('2026-11-25');
    expect(dates.evenings.slice(-2)).toEqual(['2026-11-28', '2026-12-02']);
    expect(dates.cancelled).toEqual([{ date: '2026-11-25', reason: '台风停开' }]);

    const view = subdistrictOf('2026-12-03', [
      {
        id: 'c1',
        name: '测试社区',
        costs: { health: 10 },
        lastDate: '2026-12-02',
        evenings: [
          { date: '2026-11-28', visits: [visit('health', 'u1')], followUps: [] },
          { date: '2026-12-02', visits: [], followUps: [] },
        ],
        cancelled: dates.cancelled,
        suggestions: [],
      },
    ]);
    const weeks = view.communities[0]!.weeks;
    // The week of the cancelled Wednesday: its extra Saturday served one, at its unit cost.
    expect(weeks[6]).toMatchObject({
      week: '2026-11-23',
      evenings: ['2026-11-28'],
      cancelled: [{ date: '2026-11-25', reason: '台风停开' }],
      visits: 1,
      cost: 10,
    });
    expect(weeks[7]).toMatchObject({ evenings: ['2026-12-02'], cancelled: [], cost: 0 });
  });

  it('counts served visits, people once a week, cost, first-call answers and open suggestions', () => {
    const evenings: LoadedEvening[] = [
      {
        date: '2026-12-02',
        visits: [
          visit('health', 'u1'),
          visit('library', 'u1'),
          visit('health', 'u2', false),
          visit('paperwork', 'u3'),
        ],
        followUps: [answer('satisfied'), answer('unsatisfied'), answer('satisfied', 'senior')],
      },
      { date: '2026-11-25', visits: [visit('health', 'u9')], followUps: [answer('mostly')] },
    ];
    const view = subdistrictOf('2026-12-03', [
      {
        id: 'c1',
        name: '测试社区',
        costs: { health: 12.5, paperwork: 20 },
        lastDate: '2026-12-02',
        evenings,
        cancelled: [],
        suggestions: [
          suggestion('2026-11-20T02:00:00.000Z', null),
          // Answered on 11-28, before that week's Sunday: no longer open at its end.
          suggestion('2026-11-24T02:00:00.000Z', '2026-11-28T02:00:00.000Z', 'answered'),
          suggestion('2026-12-02T02:00:00.000Z', null, 'merged'),
        ],
      },
    ]);
    const c = view.communities[0]!;
    expect(c.last).toEqual({
      date: '2026-12-02',
      visits: 3,
      people: 2,
      // Two health visits would be 25: the missed one costs nothing; library has no unit cost.
      cost: 32.5,
      satisfaction: { satisfied: 1, mostly: 0, unsatisfied: 1 },
      satisfiedPercent: 50,
      openSuggestions: 1,
    });
    expect(c.weeks.map((w) => w.week)).toEqual(view.weeks);
    expect(c.weeks[7]).toMatchObject({ week: '2026-11-30', evenings: ['2026-12-02'], visits: 3 });
    expect(c.weeks[6]).toEqual({
      week: '2026-11-23',
      evenings: ['2026-11-25'],
      cancelled: [],
      visits: 1,
      people: 1,
      cost: 12.5,
      satisfaction: { satisfied: 0, mostly: 1, unsatisfied: 0 },
      satisfiedPercent: 100,
      openSuggestions: 1,
    });
    expect(c.weeks[0]).toMatchObject({ evenings: [], visits: 0, cost: 0, satisfiedPercent: null });
  });

  it('has no cost without unit costs, and reads open suggestions at the end of a day', () => {
    const view = subdistrictOf('2026-12-03', [
      {
        id: 'c1',
        name: '测试社区',
        costs: null,
        lastDate: '2026-12-02',
        evenings: [{ date: '2026-12-02', visits: [visit('health', 'u1')], followUps: [] }],
        cancelled: [],
        suggestions: [],
      },
    ]);
    expect(view.communities[0]!.last.cost).toBeNull();
    const s = [suggestion('2026-12-02T15:30:00.000Z', '2026-12-03T01:00:00.000Z', 'answered')];
    // 23:30 in Shanghai on 12-02, answered 09:00 on 12-03.
    expect(openSuggestionsAt(s, '2026-12-01')).toBe(0);
    expect(openSuggestionsAt(s, '2026-12-02')).toBe(1);
    expect(openSuggestionsAt(s, '2026-12-03')).toBe(0);
  });
});

describe('本周海报: the evening it announces', () => {
  it('is tonight while open, else the next opening', () => {
    expect(posterEvening(community, new Date('2026-12-02T18:00:00+08:00'))).toEqual({
      date: '2026-12-02',
      opensAt: '17:00',
      closesAt: '20:00',
    });
    expect(posterEvening(community, new Date('2026-12-02T21:00:00+08:00'))?.date).toBe(
      '2026-12-09',
    );
    expect(posterEvening(community, new Date('2026-11-30T09:00:00+08:00'))?.date).toBe(
      '2026-12-02',
    );
    expect(posterEvening({ ...community, evenings: [] }, new Date())).toBeNull();
  });

  it('carries the tonight URL under the public address its QR code encodes, none without one', () => {
    const now = new Date('2026-12-02T18:00:00+08:00');
    expect(
      posterOf(community, [], now, community.evenings, 'https://bdb.example.cn/').tonightUrl,
    ).toBe(`https://bdb.example.cn/#/pages/tonight/index?c=${community.id}`);
    expect(posterOf(community, [], now).tonightUrl).toBeNull();
  });
});

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
});

/** Two played Wednesdays at 金色里程: one served last week, two this week, a call and a suggestion. */
async function playTwoEvenings() {
  h = await coreHarness('2026-11-25T18:00:00+08:00');
  const join = async (u: string, day: string) => {
    const t = ok(
      await h.as(u)<Ticket>('queue.join', {
        community: 'jinse',
        queue: 'health',
        requestId: `join-${u}-${day}`,
      }),
    );
    ok(await h.staff('queue.callNext', { community: 'jinse', queue: 'health' }));
    ok(await h.staff('queue.complete', { ticketId: t.id }));
  };
  await join('u9', '1125');
  h.clock.set('2026-12-02T18:00:00+08:00');
  await join('u1', '1202');
  const b = ok(
    await h.as('u2')<Booking>('booking.book', {
      slotId: 'jinse_paperwork_20261202_1900',
      requestId: 'book-u2-0001',
      phone: '13800000000',
      consent: true,
    }),
  );
  ok(await h.staff('booking.complete', { bookingId: b.id }));
  ok(
    await h.as('u2')('suggestion.submit', {
      community: 'jinse',
      category: 'paperwork',
      text: '希望周末也能办',
      requestId: 'subdistrict-suggest-1',
    }),
  );
  ok(await h.staff('report.costs', { community: 'jinse', costs: { paperwork: 20, health: 10 } }));
  h.clock.set('2026-12-03T10:00:00+08:00');
  ok(await h.staff('followup.run'));
  const list = ok(await h.staff<CallList>('followup.due', { community: 'jinse' }));
  const task = list.dueToday.find((t) => t.resident === 'u2')!;
  ok(
    await h.staff('followup.record', {
      id: task.id,
      outcome: 'reached',
      satisfaction: 'mostly',
      solved: 'yes',
    }),
  );
}

describe('街道汇总 through dispatch', () => {
  it('shows every community with the played weeks, and its CSV has one row per community-week', async () => {
    await playTwoEvenings();
    const view = ok(await h.staff<Subdistrict>('report.subdistrict', {}));
    expect(view.date).toBe('2026-12-03');
    expect(view.communities.map((c) => c.id)).toEqual(['huchi', 'jinse']);
    const jinse = view.communities.find((c) => c.id === 'jinse')!;
    expect(jinse.last).toEqual({
      date: '2026-12-02',
      visits: 2,
      people: 2,
      cost: 30,
      satisfaction: { satisfied: 0, mostly: 1, unsatisfied: 0 },
      satisfiedPercent: 100,
      openSuggestions: 1,
    });
    expect(jinse.weeks[6]).toMatchObject({
      week: '2026-11-23',
      evenings: ['2026-11-25'],
      visits: 1,
      cost: 10,
      openSuggestions: 0,
    });
    const huchi = view.communities.find((c) => c.id === 'huchi')!;
    expect(huchi.last).toMatchObject({ visits: 0, cost: null, satisfiedPercent: null });

    const csv = ok(await h.staff<ReportCsv>('report.subdistrictCsv', { date: '2026-12-03' }));
    expect(csv.filename).toBe('街道汇总-2026-12-03.csv');
    const lines = csv.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF社区,周（周一）,服务晚,取消的服务晚,服务人次,服务人数,费用(元),满意,基本满意,不满意,满意率(%),未答复建议',
    );
    expect(lines).toHaveLength(1 + 2 * 8);
    expect(lines).toContain('金色里程社区,2026-11-30,2026-12-02,,2,2,30,0,1,0,100,1');
    expect(lines).toContain('金色里程社区,2026-11-23,2026-11-25,,1,1,10,0,0,0,,0');
    expect(lines).toContain('虎池苑社区,2026-11-30,2026-12-02,,0,0,,0,0,0,,0');
  });

  it.each(['sqlite', 'cloudbase'] as const)(
    'follows the calendar on %s: a cancelled Wednesday, an extra Saturday that served',
    async (store) => {
      h = await coreHarness('2026-11-20T10:00:00+08:00', { store });
      ok(
        await h.staff('community.cancelDate', {
          community: 'jinse',
          date: '2026-11-25',
          reason: '台风停开',
        }),
      );
      ok(
        await h.staff('community.addEvening', {
          community: 'jinse',
          date: '2026-11-28',
          opensAt: '09:00',
          closesAt: '11:00',
        }),
      );
      ok(await h.staff('report.costs', { community: 'jinse', costs: { health: 10 } }));
      h.clock.set('2026-11-28T10:00:00+08:00');
      const t = ok(
        await h.as('u1')<Ticket>('queue.join', {
          community: 'jinse',
          queue: 'health',
          requestId: 'join-u1-extra-1128',
        }),
      );
      ok(await h.staff('queue.callNext', { community: 'jinse', queue: 'health' }));
      ok(await h.staff('queue.complete', { ticketId: t.id }));
      h.clock.set('2026-12-03T10:00:00+08:00');

      const view = ok(await h.staff<Subdistrict>('report.subdistrict', {}));
      const jinse = view.communities.find((c) => c.id === 'jinse')!;
      expect(jinse.weeks[6]).toMatchObject({
        week: '2026-11-23',
        evenings: ['2026-11-28'],
        cancelled: [{ date: '2026-11-25', reason: '台风停开' }],
        visits: 1,
        cost: 10,
      });
      // The other pilot's calendar is its own: its Wednesday was held.
      const huchi = view.communities.find((c) => c.id === 'huchi')!;
      expect(huchi.weeks[6]).toMatchObject({ evenings: ['2026-11-25'], cancelled: [] });

      const csv = ok(await h.staff<ReportCsv>('report.subdistrictCsv', { date: '2026-12-03' }));
      expect(csv.csv).toContain(
        '金色里程社区,2026-11-23,2026-11-28,2026-11-25（台风停开）,1,1,10,',
      );
    },
  );

  it('is for admins only', async () => {
    h = await coreHarness('2026-12-03T10:00:00+08:00');
    const refused = await h.as('u1')('report.subdistrict', {});
    expect(refused.ok).toBe(false);
    const csv = await h.as('u1')('report.subdistrictCsv', {});
    expect(csv.ok).toBe(false);
  });

  it('reads a bounded number of documents on CloudBase: a few per community and evening', async () => {
    h = await coreHarness('2026-12-03T10:00:00+08:00', { store: 'cloudbase' });
    // Three more communities: the reads grow with communities × evenings, not beyond.
    for (const id of ['c3', 'c4', 'c5']) {
      const pilot = (await h.store.communities.get('jinse'))!;
      await h.store.communities.save({ ...pilot, id, name: `社区${id}` });
    }
    h.emulator!.resetCounts();
    ok(await h.staff<Subdistrict>('report.subdistrict', {}));
    const communities = 5;
    // Per evening: its 2 lines, the bookings, the week's notices (2 reads), the follow-ups; per
    // community: the community, its calendar, its costs, its suggestions; plus the list and the
    // caller.
    const bound = communities * (8 * 6 + 4) + 2;
    expect(h.emulator!.counts().total.reads).toBeLessThanOrEqual(bound);
  });
});

describe('本周海报 through dispatch', () => {
  it("shows the coming evening, the services in order and the week's published activities", async () => {
    h = await coreHarness('2026-11-30T09:00:00+08:00');
    const draft = ok(
      await h.staff<Notice>('notice.save', {
        community: 'jinse',
        week: '2026-12-02',
        title: '本周活动',
        body: '',
        activities: [
          {
            name: '手工编织',
            date: '2026-12-02',
            startsAt: '18:30',
            endsAt: '19:30',
            place: '二楼活动室',
            capacity: null,
            signUp: false,
          },
        ],
      }),
    );
    const unpublished = ok(await h.staff<Poster>('report.poster', { community: 'jinse' }));
    expect(unpublished.notices).toEqual([]);
    ok(await h.staff('notice.publish', { id: draft.id }));
    const poster = ok(await h.staff<Poster>('report.poster', { community: 'jinse' }));
    expect(poster.community).toMatchObject({ id: 'jinse', name: '金色里程社区' });
    expect(poster.evening).toEqual({ date: '2026-12-02', opensAt: '17:00', closesAt: '20:00' });
    expect(poster.hours).toBe('每周三 17:00–20:00');
    expect(poster.services.map((s) => s.name).slice(0, 3)).toEqual([
      '政务服务',
      '健康检测',
      '图书阅览',
    ]);
    expect(poster.notices).toEqual([
      {
        id: draft.id,
        title: '本周活动',
        activities: [
          {
            name: '手工编织',
            date: '2026-12-02',
            startsAt: '18:30',
            endsAt: '19:30',
            place: '二楼活动室',
          },
        ],
      },
    ]);
    const stranger = await h.as('u1')('report.poster', { community: 'jinse' });
    expect(stranger.ok).toBe(false);
  });
});
