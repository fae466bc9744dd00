import * as z from 'zod';
import { inCommunity } from '../action';
import {
  addEvening,
  cancelDate,
  removeEvening,
  restoreDate,
  showCalendar,
} from '../community/calendar-service';
import { ids } from '../validation';

/** "HH:mm" on the 24-hour clock. */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const dated = { community: ids.community, date: ids.date };

/** A community's calendar (#16): its staff (and admins) cancel, restore and add evenings. */
export const calendarActions = [
  inCommunity({
    id: 'community.calendar',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => showCalendar(deps, input.community, now),
  }),
  inCommunity({
    id: 'community.cancelDate',
    role: 'staff',
    // The core checks the reason (required, ≤ 60 characters) to say so in Chinese.
    input: z.object({ ...dated, reason: z.string().max(200) }).strict(),
    example: { community: 'jinse', date: '2026-12-09', reason: '台风停课' },
    handler: async ({ deps, now }, input) => cancelDate(deps, input, now),
  }),
  inCommunity({
    id: 'community.restoreDate',
    role: 'staff',
    input: z.object(dated).strict(),
    example: { community: 'jinse', date: '2026-12-09' },
    handler: async ({ deps, now }, input) => restoreDate(deps, input, now),
  }),
  inCommunity({
    id: 'community.addEvening',
    role: 'staff',
    input: z.object({ ...dated, opensAt: hhmm, closesAt: hhmm }).strict(),
    example: { community: 'jinse', date: '2026-12-10', opensAt: '18:00', closesAt: '20:00' },
    handler: async ({ deps, now }, input) => addEvening(deps, input, now),
  }),
  inCommunity({
    id: 'community.removeEvening',
    role: 'staff',
    input: z.object(dated).strict(),
    example: { community: 'jinse', date: '2026-12-10' },
    handler: async ({ deps, now }, input) => removeEvening(deps, input, now),
  }),
];
