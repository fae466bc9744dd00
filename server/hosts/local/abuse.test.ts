/**
 * Generic abuse tests driven by the action registry: every action gets malformed payloads, and
 * every non-public action gets callers without the role it needs. A new action is covered the day
 * it is declared. Each refusal must be a clean envelope with a Chinese message and change nothing.
 */
import * as z from 'zod';
import type { ActionDef } from '../../core/action';
import { actions } from '../../core/registry';
import {
  adminAndStaff,
  snapshot,
  startTestHost,
  volunteerOf,
  type TestClient,
  type TestHost,
} from './testing';

const CHINESE = /[\u4e00-\u9fa5]/;

let host: TestHost;
let admin: TestClient;
let staffOfJinse: TestClient;
let staffOfHuchi: TestClient;
let resident: TestClient;
let anonymous: TestClient;
/** A volunteer of jinse (#16): refused every staff action, and volunteer actions elsewhere. */
let volunteer: TestClient;

beforeAll(async () => {
  // Hundreds of refusals from the same few callers: the per-identity rate limit is tested in http.test.ts.
  host = await startTestHost({ rateLimit: false });
  ({ admin, staff: staffOfJinse } = await adminAndStaff(host, 'jinse'));
  ({ staff: staffOfHuchi } = await adminAndStaff(host, 'huchi'));
  resident = host.client();
  await resident.session();
  anonymous = host.client();
  volunteer = await volunteerOf(host, staffOfJinse, 'jinse');
  // A sign-up for tonight: volunteer.logHours needs a real one.
  const served = await volunteer.call<{ id: string }>('volunteer', {
    action: 'signUp',
    community: 'jinse',
    date: '2026-12-02',
    service: 'health',
  });
  if (!served.body.ok) throw new Error(`fixture volunteer sign-up: ${served.text}`);
  fixtures['volunteer.shiftId'] = served.body.data.id;
  // Examples that name a record need a real one: a ticket in jinse's library line.
  const ticket = await resident.call<{ id: string }>('queue', {
    action: 'join',
    community: 'jinse',
    queue: 'library',
    requestId: 'abuse-fixture-ticket',
  });
  if (!ticket.body.ok) throw new Error(`fixture ticket: ${ticket.text}`);
  fixtures.ticketId = ticket.body.data.id;
  const booking = await resident.call<{ id: string }>('booking', {
    action: 'book',
    slotId: 'jinse_paperwork_20261202_1900',
    requestId: 'abuse-fixture-booking',
  });
  if (!booking.body.ok) throw new Error(`fixture booking: ${booking.text}`);
  fixtures.bookingId = booking.body.data.id;
  // A published notice of jinse with one activity and the resident's sign-up.
  const notice = await staffOfJinse.call<{ id: string; activities: Array<{ id: string }> }>(
    'notice',
    {
      action: 'save',
      community: 'jinse',
      week: '2026-12-02',
      title: '固定测试通知',
      body: '正文',
      activities: [
        {
          name: '书法课',
          date: '2026-12-02',
          startsAt: '19:30',
          endsAt: '20:00',
          place: '活动室',
          capacity: 10,
          signUp: true,
        },
      ],
    },
  );
  if (!notice.body.ok) throw new Error(`fixture notice: ${notice.text}`);
  fixtures.id = notice.body.data.id;
  fixtures.activityId = notice.body.data.activities[0]!.id;
  await staffOfJinse.call('notice', { action: 'publish', id: fixtures.id });
  const signUp = await resident.call('notice', {
    action: 'signUp',
    activityId: fixtures.activityId,
    requestId: 'abuse-fixture-signup',
  });
  if (!signUp.body.ok) throw new Error(`fixture sign-up: ${signUp.text}`);
  const attendees = await staffOfJinse.call<{ attendees: Array<{ id: string }> }>('notice', {
    action: 'attendees',
    activityId: fixtures.activityId,
  });
  if (!attendees.body.ok) throw new Error(`fixture attendees: ${attendees.text}`);
  fixtures.signUpId = attendees.body.data.attendees[0]!.id;
  // A suggestion of the resident, and a jinse follow-up task (the job makes those the day after
  // an evening, so the fixture is written straight into the store).
  const suggestion = await resident.call<{ id: string }>('suggestion', {
    action: 'submit',
    community: 'jinse',
    category: 'hours',
    text: '希望周五也开放',
    requestId: 'abuse-fixture-suggestion',
  });
  if (!suggestion.body.ok) throw new Error(`fixture suggestion: ${suggestion.text}`);
  fixtures['suggestion.id'] = suggestion.body.data.id;
  fixtures.into = suggestion.body.data.id;
  const { record: task } = await host.deps.store.followUps.create({
    id: 'abuse-fixture-task',
    community: 'jinse',
    date: '2026-12-01',
    residentKey: 'abuse-resident',
    userId: null,
    name: '王阿姨',
    phone: '13812345678',
    channel: 'call',
    services: ['政务服务 19:00'],
    kind: 'first',
    parentId: null,
    due: '2026-12-02',
    status: 'open',
    attempts: [],
    result: null,
    closedReason: null,
    suggestionId: null,
    createdAt: '2026-12-02T01:00:00.000Z',
    closedAt: null,
  });
  fixtures['followup.id'] = task.id;
  // A demand round, a shift and a companion request in jinse, and a leave request.
  const round = await staffOfJinse.call<{ id: string }>('survey', {
    action: 'open',
    community: 'jinse',
    title: '固定测试点单',
    maxChoices: 3,
    closesOn: '2026-12-09',
    proposals: [],
  });
  if (!round.body.ok) throw new Error(`fixture round: ${round.text}`);
  fixtures.roundId = round.body.data.id;
  const shift = await staffOfJinse.call<{ id: string }>('roster', {
    action: 'assign',
    community: 'jinse',
    date: '2026-12-02',
    name: '固定社工',
    start: '16:30',
    end: '20:00',
  });
  if (!shift.body.ok) throw new Error(`fixture shift: ${shift.text}`);
  fixtures.shiftId = shift.body.data.id;
  const companion = await resident.call<{ id: string }>('roster', {
    action: 'requestCompanion',
    kind: 'ticket',
    ref: fixtures.ticketId,
  });
  if (!companion.body.ok) throw new Error(`fixture companion: ${companion.text}`);
  fixtures.companionId = companion.body.data.id;
  fixtures['roster.ref'] = fixtures.ticketId;
  await host.deps.store.rosters.addLeave({
    id: 'abuse-fixture-leave',
    worker: 'abuse-worker',
    name: '固定社工',
    community: 'jinse',
    date: '2026-12-07',
    minutes: 60,
    note: '',
    status: 'pending',
    createdAt: '2026-12-02T01:00:00.000Z',
    decidedBy: null,
  });
  fixtures.leaveId = 'abuse-fixture-leave';
});

/**
 * Real values substituted into examples for fields that reference stored records, by field name
 * ("ticketId") or, where functions share a field name, by function and field ("followup.id").
 */
const fixtures: Record<string, string> = {};

const exampleOf = (def: ActionDef): Record<string, unknown> => {
  const example = { ...(def.example as Record<string, unknown>) };
  const fn = def.id.split('.')[0]!;
  for (const key of Object.keys(example)) {
    const value = fixtures[`${fn}.${key}`] ?? fixtures[key];
    if (value) example[key] = value;
  }
  return example;
};
afterAll(async () => {
  await host.destroy();
});

const split = (def: ActionDef) => {
  const [fn, name] = def.id.split('.') as [string, string];
  return { fn, name };
};

/** The top-level fields of an action's object schema. */
const shapeOf = (def: ActionDef): Record<string, z.ZodType> =>
  def.input instanceof z.ZodObject ? (def.input.shape as Record<string, z.ZodType>) : {};

/** A value of the wrong type: the first candidate the field's own schema refuses. */
const wrongValueFor = (schema: z.ZodType): unknown =>
  [true, 'yes', 12.5, [], null].find((candidate) => !schema.safeParse(candidate).success);

interface Case {
  label: string;
  payload: Record<string, unknown>;
  field?: string;
}

function malformedCases(def: ActionDef): Case[] {
  const example = exampleOf(def);
  const cases: Case[] = [
    { label: 'an unknown field', payload: { ...example, zzUnknown: 1 }, field: 'zzUnknown' },
  ];
  for (const [field, schema] of Object.entries(shapeOf(def))) {
    cases.push({
      label: `${field} of the wrong type`,
      payload: { ...example, [field]: wrongValueFor(schema) },
      field,
    });
    cases.push({
      label: `${field} as an object`,
      payload: { ...example, [field]: { $gt: '' } },
      field,
    });
    cases.push({
      label: `${field} 10 000 characters long`,
      payload: { ...example, [field]: 'x'.repeat(10_000) },
      field,
    });
    if (!schema.safeParse(undefined).success) {
      const { [field]: _omitted, ...rest } = example;
      cases.push({ label: `${field} missing`, payload: rest, field });
    }
  }
  return cases;
}

/** The client with the lowest role that may call the action (so refusals come from validation). */
const allowedCaller = (def: ActionDef) =>
  ({ public: anonymous, resident, volunteer, staff: staffOfJinse, admin })[def.role];

const expectRefusal = async (
  client: TestClient,
  def: ActionDef,
  payload: Record<string, unknown>,
  status: number,
  code: string,
) => {
  const { fn, name } = split(def);
  const before = snapshot(host.db);
  const response = await client.call(fn, { ...payload, action: name });
  expect({
    status: response.status,
    code: response.body.ok ? 'ok' : response.body.error.code,
  }).toEqual({ status, code });
  if (!response.body.ok) expect(response.body.error.message).toMatch(CHINESE);
  expect(response.text).not.toMatch(/\n\s+at |Error:/);
  expect(snapshot(host.db)).toBe(before);
  return response;
};

it('the registry declares every action with a valid example', () => {
  expect(actions.length).toBeGreaterThan(0);
  for (const def of actions) expect(def.input.safeParse(def.example).success).toBe(true);
});

describe.each(actions.map((def) => [def.id, def] as const))('%s', (_id, def) => {
  it.each(malformedCases(def).map((c) => [c.label, c] as const))(
    'refuses %s with BAD_INPUT naming the field',
    async (_label, c) => {
      const response = await expectRefusal(allowedCaller(def), def, c.payload, 400, 'BAD_INPUT');
      // The field itself, or a part of it ("costs.$gt" inside the costs map).
      if (!response.body.ok && c.field) {
        expect(response.body.error.field?.split('.')[0]).toBe(c.field);
      }
    },
  );

  it('refuses a non-object payload', async () => {
    const { fn } = split(def);
    const response = await allowedCaller(def).call(fn, JSON.stringify([def.example]));
    expect(response.status).toBe(400);
  });

  if (def.role !== 'public') {
    it('refuses a caller without an identity (401)', async () => {
      await expectRefusal(anonymous, def, exampleOf(def), 401, 'UNAUTHENTICATED');
    });
  }
  if (def.role === 'staff' || def.role === 'admin' || def.role === 'volunteer') {
    it('refuses a resident (403)', async () => {
      await expectRefusal(resident, def, exampleOf(def), 403, 'FORBIDDEN');
    });
  }
  if (def.role === 'staff' || def.role === 'admin') {
    it('refuses a volunteer (403)', async () => {
      await expectRefusal(volunteer, def, exampleOf(def), 403, 'FORBIDDEN');
    });
  }
  if (def.role === 'volunteer') {
    it('refuses staff who are not its volunteers (403)', async () => {
      await expectRefusal(staffOfHuchi, def, exampleOf(def), 403, 'FORBIDDEN');
      await expectRefusal(staffOfJinse, def, exampleOf(def), 403, 'FORBIDDEN');
    });
  }
  if (def.role === 'staff') {
    it('refuses staff of another community (403)', async () => {
      await expectRefusal(staffOfHuchi, def, exampleOf(def), 403, 'FORBIDDEN');
    });
  }
  if (def.role === 'admin') {
    it('refuses staff who are not admin (403)', async () => {
      await expectRefusal(staffOfJinse, def, exampleOf(def), 403, 'FORBIDDEN');
    });
  }
});
