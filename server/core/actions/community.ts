import * as z from 'zod';
import { defineAction, inCommunity } from '../action';
import { setContactPhone, setLimits, tonightOf } from '../community/service';
import {
  archiveCommunity,
  createCommunity,
  managedCommunities,
  openCommunities,
  updateCommunity,
} from '../community/admin';
import { LIMIT_BOUNDS } from '../community/limits';
import { ids } from '../validation';

/**
 * A phone number residents can dial: mobile or landline digits, with optional hyphens and spaces
 * for reading ("0512-6888 1234"); '' clears it.
 */
const contactPhone = z
  .string()
  .trim()
  .max(20)
  .regex(/^([0-9][0-9 -]{5,18}[0-9])?$/);

/** One limit per resident, a whole number within LIMIT_BOUNDS. */
const limit = (key: keyof typeof LIMIT_BOUNDS) =>
  z.number().int().min(LIMIT_BOUNDS[key].min).max(LIMIT_BOUNDS[key].max);

/** One weekly evening; the core checks the times and the week (community/setup.ts). */
const evening = z
  .object({
    weekday: z.number().int().min(0).max(6),
    opensAt: z.string().max(5),
    closesAt: z.string().max(5),
  })
  .strict();

/** The admin's fields: loose bounds here, the words of a refusal come from the core. */
const fields = {
  name: z.string().max(60),
  address: z.string().max(120),
  contactPhone: z.string().max(30),
  evenings: z.array(evening).max(7),
};

const EXAMPLE_FIELDS = {
  name: '狮山社区',
  address: '狮山路 88 号社区服务中心一楼',
  contactPhone: '0512-6888 1234',
  evenings: [{ weekday: 4, opensAt: '17:30', closesAt: '20:00' }],
};

export const communityActions = [
  defineAction({
    id: 'community.list',
    role: 'public',
    input: z.object({}).strict(),
    example: {},
    handler: async ({ deps }) => openCommunities(deps),
  }),
  defineAction({
    id: 'community.manage',
    role: 'admin',
    input: z.object({}).strict(),
    example: {},
    handler: async ({ deps }) => managedCommunities(deps),
  }),
  defineAction({
    id: 'community.create',
    role: 'admin',
    input: z.object({ id: z.string().max(40), ...fields }).strict(),
    example: { id: 'shishan', ...EXAMPLE_FIELDS },
    handler: async ({ deps }, input) => createCommunity(deps, input),
  }),
  defineAction({
    id: 'community.update',
    role: 'admin',
    input: z.object({ community: ids.community, ...fields }).strict(),
    example: { community: 'jinse', ...EXAMPLE_FIELDS, name: '金色里程社区' },
    handler: async ({ deps }, input) => updateCommunity(deps, input),
  }),
  defineAction({
    id: 'community.archive',
    role: 'admin',
    input: z.object({ community: ids.community, archived: z.boolean() }).strict(),
    example: { community: 'jinse', archived: true },
    handler: async ({ deps, now }, input) => archiveCommunity(deps, input, now),
  }),
  defineAction({
    id: 'community.tonight',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now, caller }, input) =>
      tonightOf(deps, input.community, caller.userId, now),
  }),
  inCommunity({
    id: 'community.setContactPhone',
    role: 'staff',
    input: z.object({ community: ids.community, phone: contactPhone }).strict(),
    example: { community: 'jinse', phone: '0512-6888 1234' },
    handler: async ({ deps }, input) => setContactPhone(deps, input.community, input.phone),
  }),
  inCommunity({
    id: 'community.setLimits',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        bookingsPerEvening: limit('bookingsPerEvening'),
        openBookings: limit('openBookings'),
        numbersPerEvening: limit('numbersPerEvening'),
        // Optional: a staff mini-program not yet updated sends the first three only.
        openSignUps: limit('openSignUps').optional(),
      })
      .strict(),
    example: {
      community: 'jinse',
      bookingsPerEvening: 2,
      openBookings: 4,
      numbersPerEvening: 3,
      openSignUps: 3,
    },
    handler: async ({ deps, now }, { community, ...limits }) =>
      setLimits(deps, community, limits, now),
  }),
];
