/**
 * A realistic Wednesday evening of 金色里程 on the real core (harness.ts), for the first-screen audit
 * of every page (audit-every-page.ts) and the staff page tests: twenty neighbours waiting on the two
 * lines, bookings, a published notice with sign-ups, suggestions (one answered), a demand round
 * with votes, an organisation and its volunteers signed up tonight, a cancelled date and a
 * follow-up call due. Then the mini-program's own user takes the role a page needs.
 */
import type { Envelope } from '../../contract/envelope';
import type { Attendees, Notice } from '../../contract/notice';
import type { Ticket } from '../../contract/queue';
import type { Round } from '../../contract/survey';
import type { Suggestion } from '../../contract/suggestion';
import type { Org, VolunteerInvite } from '../../contract/volunteer';
import type { Invite } from '../../contract/staff';
import type { Caller } from '../../server/core/deps';
import { ADMIN_TOKEN, CALLER, type Harness } from './harness';

export const COMMUNITY = 'jinse';
const ADMIN: Caller = { userId: 'wx:audit-admin' };
const DESK: Caller = { userId: 'wx:audit-desk' };
/** The cancelled date, and what residents are told. */
export const CANCELLED = { date: '2026-12-30', reason: '活动室检修，暂停一次' };
export const ORG_NAME = '姑苏区阳光志愿服务队';

export type Role = 'resident' | 'staff' | 'admin' | 'volunteer';

/** What the world made that pages open with (`?id=`, `?a=&k=`, `?r=`). */
export interface World {
  ticketId: string;
  noticeId: string;
  activityId: string;
  checkInCode: string;
  roundId: string;
  /** A neighbour with a visit, a booking and a suggestion: the timeline's resident. */
  neighbour: string;
}

export function data<T>(envelope: unknown): T {
  const e = envelope as Envelope<T>;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data;
}

const neighbour = (i: number): Caller => ({ userId: `wx:audit-neighbour-${i}` });

/** Twelve on 图书阅览 and eight on 健康检测, then my numbers on both. */
async function lines(h: Harness): Promise<string> {
  for (let i = 0; i < 20; i += 1) {
    const queue = i < 12 ? 'library' : 'health';
    const body = { action: 'join', community: COMMUNITY, queue, requestId: `world-join-${i}` };
    data(await h.run('queue', body, neighbour(i)));
  }
  await h.run('queue', {
    action: 'join',
    community: COMMUNITY,
    queue: 'health',
    requestId: 'world-mine-health',
  });
  const mine = data<Ticket>(
    await h.run('queue', {
      action: 'join',
      community: COMMUNITY,
      queue: 'library',
      requestId: 'world-mine-library',
    }),
  );
  return mine.id;
}

/** Four neighbours (two tonight) and I book 政务服务 on the coming evenings. */
async function bookings(h: Harness): Promise<void> {
  const slots = [
    '20261125_1900',
    '20261125_1930',
    '20261202_1900',
    '20261216_1900',
    '20261209_1900',
  ];
  for (const [i, slot] of slots.entries()) {
    const caller = i === 4 ? CALLER : neighbour(i);
    const body = {
      action: 'book',
      slotId: `jinse_paperwork_${slot}`,
      requestId: `world-book-${i}`,
      name: i === 4 ? '王阿姨' : `居民${i + 1}`,
      phone: `1381234567${i}`,
      consent: true,
    };
    data(await h.run('booking', body, caller));
  }
}

/** This week's notice with two activities; three neighbours and I sign up for the first. */
async function notice(h: Harness): Promise<{ id: string; activityId: string; code: string }> {
  const activity = (name: string, startsAt: string, endsAt: string) => ({
    name,
    date: '2026-11-25',
    startsAt,
    endsAt,
    place: '二楼活动室',
    capacity: 12,
    signUp: true,
  });
  const draft = data<Notice>(
    await h.run(
      'notice',
      {
        action: 'save',
        community: COMMUNITY,
        week: '2026-11-25',
        title: '本周三晚 八点伴活动',
        body: '象棋角照常开放。\n书法课请自带毛笔。',
        activities: [
          activity('书法体验课', '19:00', '20:00'),
          activity('智能手机课', '19:30', '20:30'),
        ],
      },
      DESK,
    ),
  );
  data(await h.run('notice', { action: 'publish', id: draft.id }, DESK));
  const activityId = draft.activities[0]!.id;
  for (let i = 0; i < 4; i += 1) {
    const body = { action: 'signUp', activityId, requestId: `world-sign-${i}` };
    data(
      await h.run('notice', { ...body, name: `${i + 1}栋 居民` }, i === 3 ? CALLER : neighbour(i)),
    );
  }
  const attendees = data<Attendees>(
    await h.run('notice', { action: 'attendees', activityId }, DESK),
  );
  return { id: draft.id, activityId, code: attendees.checkInCode };
}

/** Three suggestions, one of them mine; staff answer one, which goes on the echo wall. */
async function suggestions(h: Harness): Promise<void> {
  const texts = [
    '希望图书角多放些大字版的书',
    '健康检测能不能加测血糖',
    '活动室晚上有点冷，能开空调吗',
  ];
  const made: Suggestion[] = [];
  for (const [i, text] of texts.entries()) {
    const body = { action: 'submit', community: COMMUNITY, category: 'other', text };
    const caller = i === 2 ? CALLER : neighbour(i);
    made.push(
      data<Suggestion>(await h.run('suggestion', { ...body, requestId: `world-s-${i}` }, caller)),
    );
  }
  const reply = { action: 'reply', id: made[0]!.id, status: 'adopted', reply: '下周起增加大字版' };
  data(await h.run('suggestion', reply, DESK));
}

/** A demand round open until next week, with two proposals and a few votes. */
async function survey(h: Harness): Promise<string> {
  const round = data<Round>(
    await h.run(
      'survey',
      {
        action: 'open',
        community: COMMUNITY,
        title: '2027 年上半年点单',
        maxChoices: 2,
        closesOn: '2026-12-09',
        proposals: [
          { name: '理发', kind: 'drop-in', description: '每月一次义剪' },
          { name: '法律咨询', kind: 'booking', description: '律师面对面' },
        ],
      },
      DESK,
    ),
  );
  const choice = round.ranking.find((c) => c.name === '理发')!.id;
  for (let i = 0; i < 3; i += 1) {
    data(
      await h.run('survey', { action: 'vote', roundId: round.id, choices: [choice] }, neighbour(i)),
    );
  }
  return round.id;
}

/** An organisation with two volunteers, both serving tonight. */
async function volunteers(h: Harness): Promise<Org> {
  const org = data<Org>(
    await h.run(
      'volunteer',
      {
        action: 'saveOrg',
        community: COMMUNITY,
        name: ORG_NAME,
        kind: '志愿服务队',
        contact: '王老师 13812345678',
      },
      DESK,
    ),
  );
  for (const [i, name] of ['张志愿', '李志愿'].entries()) {
    await volunteerJoins(h, { userId: `wx:audit-volunteer-${i}` }, name, org.id);
  }
  return org;
}

async function volunteerJoins(h: Harness, caller: Caller, name: string, org?: string) {
  const invite = data<VolunteerInvite>(
    await h.run('volunteer', { action: 'invite', community: COMMUNITY, org, name }, DESK),
  );
  data(await h.run('staff', { action: 'redeem', code: invite.code }, caller));
  const shift = { action: 'signUp', community: COMMUNITY, date: '2026-11-25', service: 'health' };
  data(await h.run('volunteer', shift, caller));
}

/** A first follow-up call due today, as the follow-up job writes it. */
async function followUp(h: Harness, userId: string): Promise<void> {
  await h.deps.store.followUps.create({
    id: 'world-followup-call',
    community: COMMUNITY,
    date: '2026-11-18',
    residentKey: userId,
    userId,
    name: '居民1',
    phone: '13812345670',
    channel: 'call',
    services: ['paperwork'],
    kind: 'first',
    parentId: null,
    due: '2026-11-25',
    status: 'open',
    attempts: [],
    result: null,
    closedReason: null,
    suggestionId: null,
    createdAt: '2026-11-19T12:00:00.000Z',
    closedAt: null,
  });
}

/** Builds the evening, then makes the mini-program's user a `role`. */
export async function seedWorld(h: Harness, role: Role): Promise<World> {
  data(await h.run('staff', { action: 'redeem', code: ADMIN_TOKEN }, ADMIN));
  const invite = data<Invite>(
    await h.run('staff', { action: 'invite', community: COMMUNITY }, ADMIN),
  );
  data(await h.run('staff', { action: 'redeem', code: invite.code }, DESK));
  const ticketId = await lines(h);
  await bookings(h);
  const made = await notice(h);
  await suggestions(h);
  const roundId = await survey(h);
  const org = await volunteers(h);
  const cancel = { action: 'cancelDate', community: COMMUNITY, ...CANCELLED };
  data(await h.run('community', cancel, DESK));
  await followUp(h, neighbour(0).userId!);
  h.storage.set('bdb.community', COMMUNITY);
  await become(h, role, org.id);
  return {
    ticketId,
    noticeId: made.id,
    activityId: made.activityId,
    checkInCode: made.code,
    roundId,
    neighbour: neighbour(0).userId!,
  };
}

async function become(h: Harness, role: Role, org: string): Promise<void> {
  if (role === 'admin') data(await h.run('staff', { action: 'redeem', code: ADMIN_TOKEN }));
  if (role === 'staff') {
    const invite = data<Invite>(
      await h.run('staff', { action: 'invite', community: COMMUNITY }, ADMIN),
    );
    data(await h.run('staff', { action: 'redeem', code: invite.code }));
  }
  if (role === 'volunteer') await volunteerJoins(h, CALLER, '王志愿', org);
}
