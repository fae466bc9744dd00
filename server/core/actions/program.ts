import * as z from 'zod';
import { defineAction, userOf } from '../action';
import { communityOrThrow } from '../kernel/community';
import type { CoreDeps } from '../deps';
import { isCalendarDate, todayOf } from '../kernel/week';
import {
  eveningReport,
  lastEvening,
  saveCosts,
  summaryCsv,
  visitsCsv,
  visitsOn,
} from '../program/report';
import {
  assignCompanion,
  assignShift,
  decideLeave,
  eveningRoster,
  logShiftEnd,
  myCompanionOf,
  myRoster,
  pendingLeave,
  requestCompanion,
  requestLeave,
} from '../program/roster-service';
import {
  castVote,
  closeRound,
  enterPaper,
  MENU_SIZE,
  openRound,
  publishRound,
  roundView,
} from '../program/survey';
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
    handler: async (ctx, input) =>
      castVote(ctx.deps, userOf(ctx).id, input.roundId, input.choices, ctx.now),
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
    handler: async (ctx, input) =>
      openRound(
        ctx.deps,
        await communityOrThrow(ctx.deps, input.community),
        input,
        userOf(ctx).id,
        ctx.now,
      ),
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
    handler: async (ctx, input) => enterPaper(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'survey.close',
    role: 'staff',
    input: z.object({ roundId: ids.record }).strict(),
    example: { roundId: 'round-1' },
    community: roundCommunity,
    handler: async ({ deps, now }, input) => closeRound(deps, input.roundId, now),
  }),
  defineAction({
    id: 'survey.publish',
    role: 'staff',
    input: z
      .object({ roundId: ids.record, menu: z.array(ids.service).min(1).max(MENU_SIZE) })
      .strict(),
    example: { roundId: 'round-1', menu: ['paperwork', 'health', 'library'] },
    community: roundCommunity,
    handler: async ({ deps, now }, input) => publishRound(deps, input.roundId, input.menu, now),
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
    handler: async ({ deps }, input) =>
      saveCosts(deps, await communityOrThrow(deps, input.community), input.costs),
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

const shiftCommunity = async (input: { shiftId: string }, deps: CoreDeps) =>
  (await deps.store.rosters.getShift(input.shiftId))?.community ?? null;

export const rosterActions = [
  defineAction({
    id: 'roster.evening',
    role: 'staff',
    input: z.object({ community: ids.community, date }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => eveningRoster(deps, input.community, input.date),
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
    handler: async (ctx, input) =>
      assignShift(ctx.deps, input.worker ?? userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'roster.logEnd',
    role: 'staff',
    input: z.object({ shiftId: ids.record, end: ids.hhmm }).strict(),
    example: { shiftId: 'shift-1', end: '20:30' },
    community: shiftCommunity,
    handler: async ({ deps, now }, input) => logShiftEnd(deps, input.shiftId, input.end, now),
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
    handler: async (ctx, input) => requestCompanion(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'roster.companionOf',
    role: 'resident',
    input: z.object(companionRef).strict(),
    example: { kind: 'ticket', ref: 'ticket-1' },
    handler: async (ctx, input) => myCompanionOf(ctx.deps, userOf(ctx).id, input.kind, input.ref),
  }),
  defineAction({
    id: 'roster.assignCompanion',
    role: 'staff',
    input: z.object({ companionId: ids.record, worker: workerId }).strict(),
    example: { companionId: 'companion-1', worker: 'staff-1' },
    community: async (input, deps) =>
      (await deps.store.rosters.getCompanion(input.companionId))?.community ?? null,
    handler: async ({ deps }, input) => assignCompanion(deps, input.companionId, input.worker),
  }),
  defineAction({
    id: 'roster.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => myRoster(ctx.deps, userOf(ctx).id),
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
    handler: async (ctx, input) => requestLeave(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'roster.leave',
    role: 'admin',
    input: z.object({}).strict(),
    example: {},
    handler: async ({ deps }) => pendingLeave(deps),
  }),
  defineAction({
    id: 'roster.decideLeave',
    role: 'admin',
    input: z.object({ leaveId: ids.record, approve: z.boolean() }).strict(),
    example: { leaveId: 'leave-1', approve: true },
    handler: async (ctx, input) =>
      decideLeave(ctx.deps, input.leaveId, input.approve, userOf(ctx).id),
  }),
];
