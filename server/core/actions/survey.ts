import * as z from 'zod';
import { defineAction, userOf, inCommunity } from '../action';
import type { CoreDeps } from '../deps';
import { MENU_SIZE } from '../survey/rules';
import {
  adoptedProposals,
  castVote,
  closeRound,
  currentRound,
  enterPaper,
  openRound,
  publishRound,
  reviewBallots,
  roundsOf,
  voidBallot,
} from '../survey/service';
import { ids, text } from '../validation';

const date = ids.date;
const line = (max: number) => text(max, { min: 1 });
const kind = z.enum(['queue', 'booking', 'drop-in']);

const roundCommunity = async (input: { roundId: string }, deps: CoreDeps) =>
  (await deps.store.surveys.getRound(input.roundId))?.community ?? null;

export const surveyActions = [
  defineAction({
    id: 'survey.current',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, caller, now }, input) =>
      currentRound(deps, input.community, caller.userId, now),
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
  inCommunity({
    id: 'survey.rounds',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => roundsOf(deps, input.community, now),
  }),
  inCommunity({
    id: 'survey.adopted',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps }, input) => adoptedProposals(deps, input.community),
  }),
  inCommunity({
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
                description: text(60),
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
    handler: async (ctx, input) =>
      openRound(ctx.deps, input.community, input, userOf(ctx).id, ctx.now),
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
  defineAction({
    id: 'survey.ballots',
    role: 'staff',
    input: z.object({ roundId: ids.record }).strict(),
    example: { roundId: 'round-1' },
    community: roundCommunity,
    handler: async ({ deps }, input) => reviewBallots(deps, input.roundId),
  }),
  defineAction({
    id: 'survey.voidBallot',
    role: 'staff',
    input: z
      .object({
        roundId: ids.record,
        ref: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
        voided: z.boolean(),
      })
      .strict(),
    example: { roundId: 'round-1', ref: 'AAAAAAAAAAAAAAAA', voided: true },
    community: roundCommunity,
    handler: async (ctx, input) => voidBallot(ctx.deps, input, userOf(ctx).id, ctx.now),
  }),
];
