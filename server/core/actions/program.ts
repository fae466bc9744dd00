import * as z from 'zod';
import type { Candidate } from '../../../contract/program';
import { defineAction, userOf, type ActionContext } from '../action';
import { communityOrThrow } from '../community';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { newId } from '../notice/service';
import { isCalendarDate, todayOf } from '../notice/week';
import type { ServiceRecord } from '../ports';
import { eveningReport, lastEvening, summaryCsv, visitsCsv, visitsOn } from '../program/report';
import {
  balanceOf,
  bookingTarget,
  checkLoggedEnd,
  companionSubject,
  companionView,
  compMinutes,
  leaveView,
  memberName,
  myCompanionView,
  shiftView,
  ticketTarget,
  type CompanionTarget,
} from '../program/roster';
import { checkChoices, MENU_SIZE, roundOrThrow, roundView, votingOpen } from '../program/survey';
import { ids } from '../validation';

const date = z.string().refine(isCalendarDate);
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u);
const kind = z.enum(['queue', 'booking', 'drop-in']);

const roundCommunity = async (input: { roundId: string }, deps: CoreDeps) =>
  (await deps.store.surveys.getRound(input.roundId))?.community ?? null;

/** The caller's display name on the roster: what staff typed, else a short id. */
const workerName = (userId: string) => `社工（尾号 ${userId.slice(-4)}）`;

export const surveyActions = [
  defineAction({
    id: 'survey.current',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, caller, now }, input) => {
      await communityOrThrow(deps, input.community);
      const [latest] = await deps.store.surveys.rounds(input.community);
      return latest ? roundView(deps, latest, caller.userId, now) : null;
    },
  }),
  defineAction({
    id: 'survey.vote',
    role: 'resident',
    input: z
      .object({
        roundId: ids.record,
        choices: z
          .array(ids.service)
          .min(1)
          .max(MENU_SIZE * 3),
      })
      .strict(),
    example: { roundId: 'round-1', choices: ['paperwork', 'health'] },
    handler: async (ctx, input) => {
      const userId = userOf(ctx).id;
      const round = await roundOrThrow(ctx.deps, input.roundId);
      if (!votingOpen(round, ctx.now)) throw new AppError('CLOSED', '这轮点单已经结束，谢谢关心');
      const choices = checkChoices(round, input.choices);
      await ctx.deps.store.surveys.vote({
        roundId: round.id,
        voterKey: userId,
        choices,
        paper: false,
        updatedAt: ctx.now.toISOString(),
      });
      return roundView(ctx.deps, round, userId, ctx.now);
    },
  }),
  defineAction({
    id: 'survey.rounds',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async ({ deps, now }, input) => {
      const rounds = await deps.store.surveys.rounds(input.community);
      return Promise.all(rounds.map((r) => roundView(deps, r, null, now)));
    },
  }),
  defineAction({
    id: 'survey.open',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        title: line(40),
        maxChoices: z.number().int().min(1).max(MENU_SIZE),
        closesOn: date,
        proposals: z
          .array(
            z
              .object({
                name: line(20),
                kind,
                description: z.string().trim().max(60),
                suggestionId: ids.record.optional(),
              })
              .strict(),
          )
          .max(16),
      })
      .strict(),
    example: {
      community: 'jinse',
      title: '2027 年上半年 八点伴服务点单',
      maxChoices: 3,
      closesOn: '2026-12-16',
      proposals: [{ name: '手机使用课', kind: 'drop-in', description: '教老人用手机挂号、缴费' }],
    },
    community: (input) => input.community,
    handler: async (ctx, input) => {
      const community = await communityOrThrow(ctx.deps, input.community);
      if (input.closesOn < todayOf(ctx.now)) {
        throw new AppError('BAD_INPUT', '截止日期不能早于今天', 'closesOn');
      }
      const [latest] = await ctx.deps.store.surveys.rounds(community.id);
      if (latest && votingOpen(latest, ctx.now)) {
        throw new AppError('CONFLICT', '还有一轮点单没结束，请先结束它');
      }
      const candidates: Candidate[] = [
        ...[...community.services]
          .sort((a, b) => a.sort - b.sort)
          .map((s) => ({
            id: s.id,
            name: s.name,
            kind: s.kind,
            description: s.description,
            source: 'current' as const,
          })),
        ...input.proposals.map((p) => ({
          id: `p-${newId()
            .slice(0, 8)
            .toLowerCase()
            .replace(/[^a-z0-9]/g, 'x')}`,
          name: p.name,
          kind: p.kind,
          description: p.description,
          source: p.suggestionId ? ('suggestion' as const) : ('proposal' as const),
        })),
      ];
      const round = {
        id: newId(),
        community: community.id,
        title: input.title,
        candidates,
        maxChoices: input.maxChoices,
        closesOn: input.closesOn,
        status: 'open' as const,
        menu: null,
        createdBy: userOf(ctx).id,
        createdAt: ctx.now.toISOString(),
        publishedAt: null,
      };
      await ctx.deps.store.surveys.createRound(round);
      return roundView(ctx.deps, round, null, ctx.now);
    },
  }),
  defineAction({
    id: 'survey.paper',
    role: 'staff',
    input: z
      .object({
        roundId: ids.record,
        choices: z
          .array(ids.service)
          .min(1)
          .max(MENU_SIZE * 3),
        copies: z.number().int().min(1).max(200),
        requestId: ids.requestId,
      })
      .strict(),
    example: { roundId: 'round-1', choices: ['library'], copies: 3, requestId: 'paper-req-0001' },
    community: roundCommunity,
    handler: async (ctx, input) => {
      const round = await roundOrThrow(ctx.deps, input.roundId);
      if (!votingOpen(round, ctx.now)) throw new AppError('CLOSED', '这轮点单已经结束，不能再录入');
      const choices = checkChoices(round, input.choices);
      const staff = userOf(ctx).id;
      // Keys from the request: entering the same stack of ballots twice counts it once.
      for (let n = 0; n < input.copies; n += 1) {
        await ctx.deps.store.surveys.vote({
          roundId: round.id,
          voterKey: `paper:${staff}:${input.requestId}:${n}`,
          choices,
          paper: true,
          updatedAt: ctx.now.toISOString(),
        });
      }
      return roundView(ctx.deps, round, null, ctx.now);
    },
  }),
  defineAction({
    id: 'survey.close',
    role: 'staff',
    input: z.object({ roundId: ids.record }).strict(),
    example: { roundId: 'round-1' },
    community: roundCommunity,
    handler: async ({ deps, now }, input) => {
      const round = await roundOrThrow(deps, input.roundId);
      const closed =
        (await deps.store.surveys.updateRound(round.id, ['open'], { status: 'closed' })) ?? round;
      return roundView(deps, closed, null, now);
    },
  }),
  defineAction({
    id: 'survey.publish',
    role: 'staff',
    input: z
      .object({ roundId: ids.record, menu: z.array(ids.service).min(1).max(MENU_SIZE) })
      .strict(),
    example: { roundId: 'round-1', menu: ['paperwork', 'health', 'library'] },
    community: roundCommunity,
    handler: async ({ deps, now }, input) => {
      const round = await roundOrThrow(deps, input.roundId);
      if (round.status === 'published') throw new AppError('CONFLICT', '这轮点单已经发布过了');
      if (votingOpen(round, now)) throw new AppError('CONFLICT', '请先结束投票，再发布菜单');
      const menu = [...new Set(input.menu)];
      const chosen = menu.map((id) => round.candidates.find((c) => c.id === id));
      if (chosen.some((c) => !c)) {
        throw new AppError('BAD_INPUT', '菜单里有这轮点单没有的服务', 'menu');
      }
      const community = await communityOrThrow(deps, round.community);
      const services: ServiceRecord[] = chosen.map((c, sort) => ({
        id: c!.id,
        name: c!.name,
        kind: c!.kind,
        description: c!.description,
        sort: sort + 1,
      }));
      // The community's services for the coming evenings are now the published menu.
      await deps.store.communities.save({ ...community, services });
      const published = await deps.store.surveys.updateRound(round.id, ['open', 'closed'], {
        status: 'published',
        menu,
        publishedAt: now.toISOString(),
      });
      if (!published) throw new AppError('CONFLICT', '这轮点单刚刚被发布了');
      return roundView(deps, published, null, now);
    },
  }),
];

export const reportActions = [
  defineAction({
    id: 'report.evening',
    role: 'staff',
    input: z.object({ community: ids.community, date }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    community: (input) => input.community,
    handler: async ({ deps }, input) =>
      eveningReport(deps, await communityOrThrow(deps, input.community), input.date),
  }),
  defineAction({
    id: 'report.costs',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        costs: z.record(ids.service, z.number().min(0).max(10000)),
      })
      .strict(),
    example: { community: 'jinse', costs: { paperwork: 20, health: 15 } },
    community: (input) => input.community,
    handler: async ({ deps }, input) => {
      const community = await communityOrThrow(deps, input.community);
      const known = new Set([...community.services.map((s) => s.id), 'activity']);
      const unknown = Object.keys(input.costs).find((k) => !known.has(k));
      if (unknown) throw new AppError('BAD_INPUT', `没有“${unknown}”这项服务`, 'costs');
      const next = { ...((await deps.store.reports.getCosts(community.id)) ?? {}), ...input.costs };
      await deps.store.reports.saveCosts(community.id, next);
      return next;
    },
  }),
  defineAction({
    id: 'report.csv',
    role: 'staff',
    input: z
      .object({ community: ids.community, date, kind: z.enum(['summary', 'visits']) })
      .strict(),
    example: { community: 'jinse', date: '2026-12-02', kind: 'summary' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => {
      const community = await communityOrThrow(deps, input.community);
      const csv =
        input.kind === 'summary'
          ? summaryCsv(await eveningReport(deps, community, input.date))
          : visitsCsv(await visitsOn(deps, community, input.date));
      const what = input.kind === 'summary' ? '服务汇总' : '到访明细';
      return { filename: `${community.name}-${input.date}-${what}.csv`, csv };
    },
  }),
  defineAction({
    id: 'report.overview',
    role: 'admin',
    input: z.object({ date: date.optional() }).strict(),
    example: {},
    handler: async ({ deps, now }, input) => {
      const day = input.date ?? todayOf(now);
      const communities = [];
      for (const { id } of await deps.store.communities.list()) {
        const c = await communityOrThrow(deps, id);
        const evening = lastEvening(c, day);
        const report = await eveningReport(deps, c, evening, false);
        communities.push({ id, name: c.name, date: evening, ...report.totals });
      }
      return { date: day, communities };
    },
  }),
];

/** A staff member's user id, as staff.directory lists them. */
const workerId = z.string().regex(/^[A-Za-z0-9_:-]{1,80}$/);

/** Which ticket or booking a companion request is for. */
const companionRef = { kind: z.enum(['ticket', 'booking']), ref: ids.record };

const NOT_YOURS = { ticket: '没有找到这张号', booking: '没有找到这个预约' } as const;

/** Where a request on the caller's ticket or booking is filed, and what staff read it as. */
async function companionTarget(
  ctx: ActionContext,
  kind: 'ticket' | 'booking',
  ref: string,
  userId: string,
): Promise<CompanionTarget> {
  const { store } = ctx.deps;
  if (kind === 'ticket') {
    const evening = await store.queues.eveningOfTicket(ref);
    const ticket = evening?.tickets.find((t) => t.id === ref);
    return ticketTarget(ticket, evening?.setup?.name ?? null, userId);
  }
  const booking = await store.bookings.getBooking(ref);
  const community = booking ? await store.communities.get(booking.community) : null;
  const service = community?.services.find((s) => s.id === booking?.service);
  return bookingTarget(booking, service?.name ?? booking?.service ?? '', userId, todayOf(ctx.now));
}

const shiftCommunity = async (input: { shiftId: string }, deps: CoreDeps) =>
  (await deps.store.rosters.getShift(input.shiftId))?.community ?? null;

export const rosterActions = [
  defineAction({
    id: 'roster.evening',
    role: 'staff',
    input: z.object({ community: ids.community, date }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => ({
      community: input.community,
      date: input.date,
      shifts: (await deps.store.rosters.shifts(input.community, input.date)).map(shiftView),
      companions: (await deps.store.rosters.companions(input.community, input.date)).map(
        companionView,
      ),
    }),
  }),
  defineAction({
    id: 'roster.assign',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        date,
        worker: workerId.optional(),
        name: line(20).optional(),
        start: ids.hhmm,
        end: ids.hhmm,
      })
      .strict(),
    example: {
      community: 'jinse',
      date: '2026-12-02',
      name: '李社工',
      start: '16:30',
      end: '20:00',
    },
    community: (input) => input.community,
    handler: async (ctx, input) => {
      const worker = input.worker ?? userOf(ctx).id;
      // Colleagues are picked from the community's directory (staff.directory), by name.
      const member = (await ctx.deps.store.identities.staffDirectory(input.community)).find(
        (m) => m.id === worker,
      );
      if (!member) throw new AppError('BAD_INPUT', '只能给本社区的社工排班', 'worker');
      if (input.end <= input.start)
        throw new AppError('BAD_INPUT', '下班时间要晚于上班时间', 'end');
      const shift = {
        id: newId(),
        community: input.community,
        date: input.date,
        worker,
        name: input.name ?? memberName(member),
        start: input.start,
        end: input.end,
        loggedEnd: null,
        compMinutes: 0,
        createdAt: ctx.now.toISOString(),
      };
      await ctx.deps.store.rosters.addShift(shift);
      return shiftView(shift);
    },
  }),
  defineAction({
    id: 'roster.logEnd',
    role: 'staff',
    input: z.object({ shiftId: ids.record, end: ids.hhmm }).strict(),
    example: { shiftId: 'shift-1', end: '20:30' },
    community: shiftCommunity,
    handler: async ({ deps, now }, input) => {
      const shift = (await deps.store.rosters.getShift(input.shiftId))!;
      checkLoggedEnd(shift, input.end, now);
      const logged = await deps.store.rosters.logEnd(
        shift.id,
        input.end,
        compMinutes(shift.start, input.end),
      );
      if (!logged) throw notFound('没有找到这条排班');
      return shiftView(logged);
    },
  }),
  defineAction({
    id: 'roster.requestCompanion',
    role: 'resident',
    input: z
      .object({
        ...companionRef,
        // The minimum: what staff need to know to help (e.g. "听障，请用文字沟通").
        note: z
          .string()
          .trim()
          .max(100)
          .regex(/^[^\p{Cc}]*$/u)
          .optional(),
      })
      .strict(),
    example: { kind: 'ticket', ref: 'ticket-1', note: '听障，请用文字沟通' },
    handler: async (ctx, input) => {
      const userId = userOf(ctx).id;
      const subject = companionSubject(input.kind, input.ref);
      // One request per ticket or booking: a second tap or a retry answers with the first.
      const existing = await ctx.deps.store.rosters.companionOf(subject);
      if (existing) {
        if (existing.userId !== userId) throw notFound(NOT_YOURS[input.kind]);
        return myCompanionView(existing);
      }
      const target = await companionTarget(ctx, input.kind, input.ref, userId);
      const record = await ctx.deps.store.rosters.addCompanion({
        id: newId(),
        ...target,
        userId,
        subject,
        note: input.note ?? '',
        worker: null,
        workerName: null,
        status: 'waiting',
        createdAt: ctx.now.toISOString(),
      });
      return myCompanionView(record);
    },
  }),
  defineAction({
    id: 'roster.companionOf',
    role: 'resident',
    input: z.object(companionRef).strict(),
    example: { kind: 'ticket', ref: 'ticket-1' },
    handler: async (ctx, input) => {
      const found = await ctx.deps.store.rosters.companionOf(
        companionSubject(input.kind, input.ref),
      );
      // Only the resident who asked sees it; for anyone else there is nothing.
      return found && found.userId === userOf(ctx).id ? myCompanionView(found) : null;
    },
  }),
  defineAction({
    id: 'roster.assignCompanion',
    role: 'staff',
    input: z.object({ companionId: ids.record, worker: workerId }).strict(),
    example: { companionId: 'companion-1', worker: 'staff-1' },
    community: async (input, deps) =>
      (await deps.store.rosters.getCompanion(input.companionId))?.community ?? null,
    handler: async ({ deps }, input) => {
      const request = (await deps.store.rosters.getCompanion(input.companionId))!;
      const shift = (await deps.store.rosters.shifts(request.community, request.date)).find(
        (s) => s.worker === input.worker,
      );
      if (!shift) throw new AppError('BAD_INPUT', '请先把这位社工排进这一晚的值班', 'worker');
      const assigned = await deps.store.rosters.assignCompanion(
        request.id,
        shift.worker,
        shift.name,
      );
      if (!assigned) throw notFound('没有找到这条陪同请求');
      return companionView(assigned);
    },
  }),
  defineAction({
    id: 'roster.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => {
      const me = userOf(ctx).id;
      const shifts = await ctx.deps.store.rosters.shiftsOf(me);
      const leave = await ctx.deps.store.rosters.leaveOf(me);
      return {
        ...balanceOf(shifts, leave),
        shifts: shifts.map(shiftView),
        leave: leave.map(leaveView),
        companions: (await ctx.deps.store.rosters.companionsOf(me)).map(companionView),
      };
    },
  }),
  defineAction({
    id: 'roster.requestLeave',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        date,
        minutes: z.number().int().min(30).max(480),
        note: z
          .string()
          .trim()
          .max(100)
          .regex(/^[^\p{Cc}]*$/u)
          .optional(),
      })
      .strict(),
    example: { community: 'jinse', date: '2026-12-07', minutes: 120, note: '周一下午调休' },
    community: (input) => input.community,
    handler: async (ctx, input) => {
      const me = userOf(ctx).id;
      const shifts = await ctx.deps.store.rosters.shiftsOf(me);
      const leave = await ctx.deps.store.rosters.leaveOf(me);
      const { balanceMinutes, pendingMinutes } = balanceOf(shifts, leave);
      if (input.minutes > balanceMinutes - pendingMinutes) {
        throw new AppError(
          'CONFLICT',
          `调休余额不足：可用 ${balanceMinutes - pendingMinutes} 分钟`,
          'minutes',
        );
      }
      const mine = shifts.find((s) => s.community === input.community);
      const record = {
        id: newId(),
        worker: me,
        name: mine?.name ?? workerName(me),
        community: input.community,
        date: input.date,
        minutes: input.minutes,
        note: input.note ?? '',
        status: 'pending' as const,
        createdAt: ctx.now.toISOString(),
        decidedBy: null,
      };
      await ctx.deps.store.rosters.addLeave(record);
      return leaveView(record);
    },
  }),
  defineAction({
    id: 'roster.leave',
    role: 'admin',
    input: z.object({}).strict(),
    example: {},
    handler: async ({ deps }) => (await deps.store.rosters.pendingLeave()).map(leaveView),
  }),
  defineAction({
    id: 'roster.decideLeave',
    role: 'admin',
    input: z.object({ leaveId: ids.record, approve: z.boolean() }).strict(),
    example: { leaveId: 'leave-1', approve: true },
    handler: async (ctx, input) => {
      if (!(await ctx.deps.store.rosters.getLeave(input.leaveId))) {
        throw notFound('没有找到这条调休申请');
      }
      const decided = await ctx.deps.store.rosters.decideLeave(
        input.leaveId,
        input.approve ? 'approved' : 'refused',
        userOf(ctx).id,
      );
      if (!decided) throw new AppError('CONFLICT', '这条调休申请已经处理过了');
      return leaveView(decided);
    },
  }),
];
