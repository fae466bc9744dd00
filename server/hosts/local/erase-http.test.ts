/**
 * 删除我的个人信息 over HTTP on a real SQLite file: every column of the schema is classified
 * (personal, or not and why), one resident is played through every service with a distinctive
 * name, phone and health note, erases, and no column, no photo file and no byte of the database
 * or its WAL keeps a trace of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Booking } from '../../../contract/booking';
import type { CallList } from '../../../contract/followup';
import type { Notice } from '../../../contract/notice';
import type { Ticket } from '../../../contract/queue';
import type { BallotReview, Round } from '../../../contract/survey';
import type { Suggestion } from '../../../contract/suggestion';
import { handClock } from '../../testing/core-harness';
import {
  adminAndStaff,
  startTestHost,
  type TestClient,
  type TestHost,
  type TestResponse,
} from './testing';

const PERSONAL = 'personal';
const STAFF = 'staff data: a worker’s own, kept while they work here (staff lifecycle, not erase)';
const SETUP = 'the community’s setup, written by staff: names no resident';
const ID = 'an id, status, count or time: names nobody once the owner is gone';
const CANCEL_REASON =
  'why staff cancelled the evening (a cancelled date, an archived community): the same staff text for every resident of it';

/**
 * Every column of the schema. PERSONAL columns must hold no trace of a resident after their
 * erase; every other column says why it is not personal. A column missing here (a migration
 * added it) fails the first test until it is classified.
 */
const COLUMNS: Record<string, Record<string, string>> = {
  activity_signups: {
    id: ID,
    activity_id: ID,
    community_id: ID,
    user_id: PERSONAL,
    name: PERSONAL,
    status: ID,
    request_id: 'random per request from the client; erase replaces it with the record’s own id',
    created_at: ID,
    waitlisted_at: ID,
    promoted_at: ID,
    attended_at: 'attendance: an anonymous count once the owner is gone',
    check_in: ID,
    check_in_via: ID,
    cancelled_reason: CANCEL_REASON,
  },
  booking_settings: {
    community_id: SETUP,
    service: SETUP,
    slot_minutes: SETUP,
    seats_per_slot: SETUP,
    cutoff_hours: SETUP,
    bring: SETUP,
    weekdays: SETUP,
  },
  bookings: {
    id: ID,
    community_id: ID,
    service: ID,
    date: ID,
    starts_at: ID,
    slot_id: ID,
    status: 'seat taken or freed: the slot’s count stays right',
    user_id: PERSONAL,
    name: PERSONAL,
    phone: PERSONAL,
    request_id: 'random per request from the client; erase replaces it with the record’s own id',
    created_at: ID,
    waitlisted_at: ID,
    promoted_at: ID,
    checked_in_at: ID,
    closed_at: ID,
    reminded_at: ID,
    code: 'random 预约码, unique per evening: names nobody once the owner is gone',
    cancelled_reason: CANCEL_REASON,
  },
  changes: {
    id: ID,
    community_id: ID,
    title: '“你说我做” written by staff for everyone',
    detail: '“你说我做” written by staff for everyone',
    since: ID,
    suggestion_ids: ID,
    created_by: STAFF,
    created_at: ID,
  },
  community_dates: {
    community_id: SETUP,
    date: SETUP,
    kind: SETUP,
    reason: 'why staff cancelled an evening (a holiday, a typhoon), public on the tonight page',
    opens_at: SETUP,
    closes_at: SETUP,
    added: SETUP,
  },
  communities: {
    id: SETUP,
    name: SETUP,
    board: 'published notices, public',
    contact_phone: 'the service center’s own number, public',
    limits: 'the community’s limits per resident, a setting',
    address: 'the service center’s own address, public',
    archived_at: 'when the admin archived the community, a setting',
  },
  comp_leave: {
    id: ID,
    worker: STAFF,
    name: STAFF,
    community_id: ID,
    date: ID,
    minutes: STAFF,
    note: STAFF,
    status: ID,
    created_at: ID,
    decided_by: STAFF,
  },
  companions: {
    id: ID,
    community_id: ID,
    date: ID,
    user_id: PERSONAL,
    subject: 'the ticket or booking it went with; erase replaces it with the request’s own id',
    about: PERSONAL,
    note: PERSONAL,
    worker: STAFF,
    worker_name: STAFF,
    status: ID,
    created_at: ID,
  },
  follow_up_contacts: {
    user_id: PERSONAL,
    no_calls: 'the resident’s 不要电话回访; deleted with the row on erase',
    updated_at: ID,
  },
  follow_up_rules: { community_id: SETUP, rules: SETUP },
  follow_ups: {
    id: ID,
    community_id: ID,
    date: ID,
    resident_key: PERSONAL,
    user_id: PERSONAL,
    name: PERSONAL,
    phone: PERSONAL,
    channel: ID,
    services: 'service names and slot times of the evening',
    kind: ID,
    parent_id: ID,
    due: ID,
    status: ID,
    attempts: 'outcomes, times and the staff ids who called',
    attempt_count: ID,
    result: PERSONAL,
    closed_reason: 'a fixed reason (号码错误…)',
    suggestion_id: ID,
    created_at: ID,
    closed_at: ID,
  },
  invites: {
    code: STAFF,
    community_id: ID,
    created_by: STAFF,
    created_at: ID,
    expires_at: ID,
    used_by: STAFF,
    used_at: ID,
    cancelled_at: ID,
  },
  job_state: {
    job: ID,
    key: 'a day or a community id',
    version: ID,
    data: 'a timer job’s cursor: days and counts',
    updated_at: ID,
  },
  notice_activities: {
    id: ID,
    notice_id: ID,
    community_id: ID,
    name: SETUP,
    date: SETUP,
    starts_at: SETUP,
    ends_at: SETUP,
    place: SETUP,
    capacity: SETUP,
    sign_up: SETUP,
    code: SETUP,
    sort: SETUP,
  },
  notices: {
    id: ID,
    community_id: ID,
    week: SETUP,
    title: SETUP,
    body: SETUP,
    cover: SETUP,
    status: ID,
    pinned: ID,
    created_by: STAFF,
    created_at: ID,
    updated_at: ID,
    published_at: ID,
    edited_at: ID,
  },
  // The alert log: rows of an erased resident are deleted whole.
  outbox: {
    id: ID,
    user_id: PERSONAL,
    kind: PERSONAL,
    ticket_id: PERSONAL,
    created_at: PERSONAL,
    community_id: PERSONAL,
    queue: PERSONAL,
    date: PERSONAL,
    label: PERSONAL,
  },
  queue_configs: {
    community_id: SETUP,
    queue: SETUP,
    capacity: SETUP,
    last_join: SETUP,
    grace_minutes: SETUP,
    default_service_minutes: SETUP,
  },
  queue_evenings: {
    community_id: ID,
    queue: ID,
    date: ID,
    paused: ID,
    last_number: ID,
    version: ID,
    key: ID,
    setup: SETUP,
  },
  report_costs: { community_id: SETUP, costs: SETUP },
  service_evenings: { community_id: SETUP, weekday: SETUP, opens_at: SETUP, closes_at: SETUP },
  services: {
    community_id: SETUP,
    id: SETUP,
    name: SETUP,
    kind: SETUP,
    description: SETUP,
    sort: SETUP,
  },
  shifts: {
    id: ID,
    community_id: ID,
    date: ID,
    worker: STAFF,
    name: STAFF,
    start: STAFF,
    end: STAFF,
    logged_end: STAFF,
    comp_minutes: STAFF,
    created_at: ID,
  },
  staff_memberships: { user_id: STAFF, community_id: ID, created_at: ID },
  volunteer_orgs: {
    id: ID,
    community_id: ID,
    name: SETUP,
    kind: SETUP,
    contact: 'a partner organisation’s contact, typed by staff: names no resident',
    created_at: ID,
  },
  volunteer_invites: {
    code: ID,
    community_id: ID,
    org: ID,
    org_name: SETUP,
    name: PERSONAL,
    created_by: STAFF,
    created_at: ID,
    expires_at: ID,
    used_by: PERSONAL,
    cancelled_at: ID,
  },
  volunteers: {
    user_id: PERSONAL,
    community_id: ID,
    org: ID,
    org_name: SETUP,
    name: PERSONAL,
    since: ID,
  },
  volunteer_shifts: {
    id: ID,
    community_id: ID,
    date: ID,
    service: ID,
    user_id: PERSONAL,
    name: PERSONAL,
    org_name: SETUP,
    minutes: 'volunteer hours: an anonymous count once the volunteer is gone',
    logged_by: STAFF,
    created_at: ID,
  },
  suggestions: {
    id: ID,
    community_id: ID,
    receipt: ID,
    user_id: PERSONAL,
    name: PERSONAL,
    category: ID,
    text: 'what was suggested, kept for the figures and the echo wall; the form asks for no personal details',
    photo: PERSONAL,
    follow_up_id: ID,
    source: ID,
    status: ID,
    reply: 'staff’s answer',
    reason: 'staff’s answer',
    merged_into: ID,
    change_id: ID,
    solved: 'an anonymous answer once the owner is gone',
    request_id: 'random per request from the client',
    created_at: ID,
    updated_at: ID,
    answered_at: ID,
  },
  survey_rounds: {
    id: ID,
    community_id: ID,
    title: SETUP,
    candidates: SETUP,
    max_choices: SETUP,
    closes_on: SETUP,
    status: ID,
    menu: SETUP,
    created_by: STAFF,
    created_at: ID,
    published_at: ID,
  },
  survey_voids: {
    round_id: ID,
    voter_key: PERSONAL,
    voided_at: ID,
    voided_by: STAFF,
  },
  survey_votes: {
    round_id: ID,
    voter_key: PERSONAL,
    choices: 'the ballot’s choices: still counted, under a random key',
    paper: ID,
    updated_at: ID,
  },
  tickets: {
    id: ID,
    community_id: ID,
    queue: ID,
    date: ID,
    number: ID,
    label: ID,
    status: ID,
    user_id: PERSONAL,
    note: PERSONAL,
    request_id: 'random per request from the client; erase clears it',
    sort_key: ID,
    created_at: ID,
    called_at: ID,
    missed_at: ID,
    closed_at: ID,
    service_seconds: 'the evening’s service times: anonymous figures',
    alerted: ID,
    alerted_at: ID,
  },
  upload_counts: {
    user_id: PERSONAL,
    kind: ID,
    day: ID,
    count: ID,
  },
  uploads: {
    ref: 'a random file name',
    community_id: ID,
    kind: ID,
    user_id: PERSONAL,
    uploaded_at: ID,
    attached_at: ID,
  },
  users: {
    id: PERSONAL,
    admin: ID,
    admin_digest: 'a digest of the ADMIN_TOKEN that made an admin: staff data',
    admin_since: ID,
    session_version: ID,
    created_at: ID,
    display_name: STAFF,
  },
};

const NAME = '甄测试';
const PHONE = '13912345678';
const NOTE = '听力障碍测试';
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function schemaOf(db: Database.Database): Record<string, string[]> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .all();
  return Object.fromEntries(
    tables.map(({ name }) => [
      name,
      db
        .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
        .all(name)
        .map((c) => c.name),
    ]),
  );
}

/** "table.column" of every value (any column) holding one of the traces. */
function traces(db: Database.Database, needles: string[]): string[] {
  const found = new Set<string>();
  for (const [table, columns] of Object.entries(schemaOf(db))) {
    for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Array<
      Record<string, unknown>
    >) {
      for (const column of columns) {
        const value = row[column];
        if (value === null || value === undefined) continue;
        const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
        if (needles.some((n) => text.includes(n))) found.add(`${table}.${column}`);
      }
    }
  }
  return [...found].sort();
}

describe('erase over HTTP on real SQLite', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-erase-'));
  const clock = handClock('2026-12-02T18:00:00+08:00');
  let host: TestHost;
  let admin: TestClient;
  let staff: TestClient;
  let resident: TestClient;
  let other: TestClient;

  beforeAll(async () => {
    host = await startTestHost({ clock, dataDir, rateLimit: false });
    ({ admin, staff } = await adminAndStaff(host));
    resident = host.client();
    other = host.client();
    await other.session();
  });
  afterAll(async () => {
    await host.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const ok = <T>(response: TestResponse<T>): T => {
    if (!response.body.ok) throw new Error(response.text);
    return response.body.data;
  };

  it('classifies every column of the schema as personal or not, with a reason', () => {
    const schema = schemaOf(host.db);
    const listed = Object.fromEntries(
      Object.entries(COLUMNS).map(([table, columns]) => [table, Object.keys(columns)]),
    );
    const sorted = (s: Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(s)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([t, c]) => [t, [...c].sort()]),
      );
    expect(sorted(listed)).toEqual(sorted(schema));
  });

  it('plays one resident through every service, erases, and leaves no trace in any table, file or the WAL', async () => {
    const { userId } = await resident.session();

    // 取号, with a companion request carrying the health note.
    const ticket = ok<Ticket>(
      await resident.call('queue', {
        action: 'join',
        community: 'jinse',
        queue: 'library',
        requestId: 'erase-join-0001',
      }),
    );
    ok(
      await resident.call('roster', {
        action: 'requestCompanion',
        kind: 'ticket',
        ref: ticket.id,
        note: NOTE,
      }),
    );
    ok(
      await other.call('queue', {
        action: 'join',
        community: 'jinse',
        queue: 'library',
        requestId: 'erase-join-0002',
      }),
    );

    // 预约 with a 称呼 and a consented phone, and a companion request on it.
    const booking = ok<Booking>(
      await resident.call('booking', {
        action: 'book',
        slotId: 'jinse_paperwork_20261202_1900',
        requestId: 'erase-book-0001',
        name: NAME,
        phone: PHONE,
        consent: true,
      }),
    );
    ok(
      await resident.call('roster', {
        action: 'requestCompanion',
        kind: 'booking',
        ref: booking.id,
        note: NOTE,
      }),
    );

    // 活动报名 under the name.
    const saved = ok<Notice>(
      await staff.call('notice', {
        action: 'save',
        community: 'jinse',
        week: '2026-12-02',
        title: '本周三晚 八点伴',
        body: '书法体验课',
        activities: [
          {
            name: '书法体验课',
            date: '2026-12-02',
            startsAt: '19:00',
            endsAt: '20:00',
            place: '二楼活动室',
            capacity: 10,
            signUp: true,
          },
        ],
      }),
    );
    const notice = ok<Notice>(await staff.call('notice', { action: 'publish', id: saved.id }));
    ok(
      await resident.call('notice', {
        action: 'signUp',
        activityId: notice.activities[0]!.id,
        requestId: 'erase-signup-0001',
        name: NAME,
      }),
    );

    // 居民点单: a ballot.
    const round = ok<Round>(
      await staff.call('survey', {
        action: 'open',
        community: 'jinse',
        title: '2027 年上半年 八点伴服务点单',
        maxChoices: 3,
        closesOn: '2026-12-16',
        proposals: [],
      }),
    );
    ok(
      await resident.call('survey', {
        action: 'vote',
        roundId: round.id,
        choices: ['library', 'paperwork'],
      }),
    );
    // Staff voided that ballot (选票核查): the void names the voter too, and must follow it.
    const review = ok<BallotReview>(
      await staff.call('survey', { action: 'ballots', roundId: round.id }),
    );
    ok(
      await staff.call('survey', {
        action: 'voidBallot',
        roundId: round.id,
        ref: review.ballots[0]!.ref,
        voided: true,
      }),
    );

    // A suggestion with a photo.
    const { photo } = ok<{ photo: string }>(
      await resident.call('suggestion', { action: 'uploadPhoto', community: 'jinse', data: PNG }),
    );
    ok<Suggestion>(
      await resident.call('suggestion', {
        action: 'submit',
        community: 'jinse',
        category: 'other',
        text: '希望活动室多一些椅子',
        photo,
        requestId: 'erase-suggest-0001',
      }),
    );
    expect((await host.client().raw('GET', photo)).status).toBe(200);
    const photoFile = path.join(dataDir, 'media', path.basename(photo));
    expect(fs.existsSync(photoFile)).toBe(true);

    // The evening: called (an alert), served, the booking completed.
    ok(await staff.call('queue', { action: 'callNext', community: 'jinse', queue: 'library' }));
    ok(await staff.call('queue', { action: 'complete', ticketId: ticket.id }));
    ok(await staff.call('booking', { action: 'complete', bookingId: booking.id }));

    // The next morning's call: reached, with a note, and a suggestion made on the call.
    clock.set('2026-12-03T09:00:00+08:00');
    ok(await admin.call('followup', { action: 'run' }));
    const calls = ok<CallList>(await staff.call('followup', { action: 'due', community: 'jinse' }));
    const task = calls.dueToday.find((t) => t.phone === PHONE)!;
    ok(
      await staff.call('followup', {
        action: 'record',
        id: task.id,
        outcome: 'reached',
        satisfaction: 'mostly',
        solved: 'partly',
        note: NOTE,
        suggestion: '希望叫号时也有文字提示',
        category: 'other',
      }),
    );
    // After the call: 不要电话回访 from now on.
    ok(await resident.call('followup', { action: 'setContact', noCalls: true }));
    // A photo picked this morning and never attached: today's quota counter and an upload record.
    ok(await resident.call('suggestion', { action: 'uploadPhoto', community: 'jinse', data: PNG }));

    const needles = [userId, NAME, PHONE, NOTE];
    // The morning job (followup.run runs it whole) already cleared the companion requests' notes
    // (kept for their evening only) and yesterday's upload counter; today's is left for erase.
    expect(traces(host.db, needles)).toEqual([
      'activity_signups.name',
      'activity_signups.user_id',
      'bookings.name',
      'bookings.phone',
      'bookings.user_id',
      'companions.user_id',
      'follow_up_contacts.user_id',
      'follow_ups.phone',
      'follow_ups.resident_key',
      'follow_ups.result',
      'follow_ups.user_id',
      'outbox.user_id',
      'suggestions.user_id',
      'survey_voids.voter_key',
      'survey_votes.voter_key',
      'tickets.user_id',
      'upload_counts.user_id',
      'uploads.user_id',
      'users.id',
    ]);
    // Only personal columns held a trace: the classification is right for what a resident leaves.
    for (const at of traces(host.db, needles)) {
      const [table, column] = at.split('.') as [string, string];
      expect([at, COLUMNS[table]?.[column]]).toEqual([at, PERSONAL]);
    }

    const erased = await resident.call<{ erased: number }>('followup', { action: 'erase' });
    expect(erased.status).toBe(200);

    expect(traces(host.db, needles)).toEqual([]);
    // The other resident's ticket and the anonymous counts stay.
    expect(host.db.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 2 });
    expect(host.db.prepare('SELECT COUNT(*) AS n FROM survey_votes').get()).toEqual({ n: 1 });
    // The ballot stays voided under its new key: erasing does not recount it.
    const [ballot] = host.db
      .prepare(
        `SELECT v.voter_key AS vote, x.voter_key AS void FROM survey_votes v
         JOIN survey_voids x ON x.round_id = v.round_id AND x.voter_key = v.voter_key`,
      )
      .all() as Array<{ vote: string; void: string }>;
    expect(ballot?.void).toMatch(/^erased:/);
    expect(host.db.prepare('SELECT status FROM bookings').all()).toEqual([{ status: 'completed' }]);

    // The photo is gone: the URL answers 404 and the file is deleted.
    expect((await host.client().raw('GET', photo)).status).toBe(404);
    expect(fs.existsSync(photoFile)).toBe(false);

    // No byte of the database file or its WAL keeps the phone, the name or the note.
    const file = path.join(dataDir, 'badianban.db');
    for (const f of [file, `${file}-wal`]) {
      const bytes = fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0);
      if (f === file) expect(bytes.length).toBeGreaterThan(0);
      for (const needle of [PHONE, NAME, NOTE]) {
        expect([path.basename(f), needle, bytes.includes(Buffer.from(needle))]).toEqual([
          path.basename(f),
          needle,
          false,
        ]);
      }
    }
  });
});
