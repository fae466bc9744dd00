import * as z from 'zod';
import { defineAction } from '../action';
import { setContactPhone, tonightOf } from '../community/service';
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
];
