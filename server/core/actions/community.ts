import * as z from 'zod';
import { defineAction } from '../action';
import { setContactPhone, setLimits, tonightOf } from '../community/service';
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

export const communityActions = [
  defineAction({
    id: 'community.list',
    role: 'public',
    input: z.object({}).strict(),
    example: {},
    handler: async ({ deps }) => deps.store.communities.list(),
  }),
  defineAction({
    id: 'community.tonight',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now, caller }, input) =>
      tonightOf(deps, input.community, caller.userId, now),
  }),
  defineAction({
    id: 'community.setContactPhone',
    role: 'staff',
    input: z.object({ community: ids.community, phone: contactPhone }).strict(),
    example: { community: 'jinse', phone: '0512-6888 1234' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => setContactPhone(deps, input.community, input.phone),
  }),
  defineAction({
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
    community: (input) => input.community,
    handler: async ({ deps, now }, { community, ...limits }) =>
      setLimits(deps, community, limits, now),
  }),
];
