/**
 * Schema migrations, applied in order inside one transaction each; PRAGMA user_version records
 * how far a database file has come. Append new steps, never edit old ones.
 */
export const MIGRATIONS: ReadonlyArray<string> = [
  `
  CREATE TABLE communities (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL
  ) STRICT;

  CREATE TABLE service_evenings (
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    opens_at     TEXT NOT NULL,
    closes_at    TEXT NOT NULL,
    PRIMARY KEY (community_id, weekday)
  ) STRICT;

  CREATE TABLE services (
    community_id TEXT NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    id           TEXT NOT NULL,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('queue', 'booking', 'drop-in')),
    description  TEXT NOT NULL DEFAULT '',
    sort         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (community_id, id)
  ) STRICT;

  CREATE TABLE users (
    id         TEXT PRIMARY KEY,
    admin      INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1)),
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE staff_memberships (
    user_id      TEXT NOT NULL REFERENCES users(id),
    community_id TEXT NOT NULL REFERENCES communities(id),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (user_id, community_id)
  ) STRICT;

  CREATE TABLE invites (
    code         TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    created_by   TEXT NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_by      TEXT REFERENCES users(id),
    used_at      TEXT
  ) STRICT;
  `,
  `
  CREATE TABLE queue_configs (
    community_id            TEXT NOT NULL REFERENCES communities(id),
    queue                   TEXT NOT NULL,
    capacity                INTEGER NOT NULL,
    last_join               TEXT NOT NULL,
    grace_minutes           INTEGER NOT NULL,
    default_service_minutes INTEGER NOT NULL,
    PRIMARY KEY (community_id, queue)
  ) STRICT;

  CREATE TABLE queue_evenings (
    community_id TEXT NOT NULL REFERENCES communities(id),
    queue        TEXT NOT NULL,
    date         TEXT NOT NULL,
    paused       INTEGER NOT NULL DEFAULT 0,
    last_number  INTEGER NOT NULL DEFAULT 0,
    version      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (community_id, queue, date)
  ) STRICT;

  CREATE TABLE tickets (
    id              TEXT PRIMARY KEY,
    community_id    TEXT NOT NULL REFERENCES communities(id),
    queue           TEXT NOT NULL,
    date            TEXT NOT NULL,
    number          INTEGER NOT NULL,
    label           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'missed', 'done', 'cancelled')),
    user_id         TEXT,
    note            TEXT NOT NULL DEFAULT '',
    request_id      TEXT,
    sort_key        REAL NOT NULL,
    created_at      TEXT NOT NULL,
    called_at       TEXT,
    missed_at       TEXT,
    closed_at       TEXT,
    service_seconds INTEGER,
    alerted         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (community_id, queue, date, number)
  ) STRICT;

  -- A retried join (same requestId) can never make a second ticket, even if the core forgot to look.
  CREATE UNIQUE INDEX tickets_request ON tickets (COALESCE(user_id, ''), request_id) WHERE request_id IS NOT NULL;
  CREATE INDEX tickets_line ON tickets (community_id, queue, date, sort_key);
  CREATE INDEX tickets_user ON tickets (user_id, date);
  `,
  `
  -- What the local notifier sent: the local stand-in for WeChat subscription messages.
  CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY,
    user_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    ticket_id  TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX outbox_user ON outbox (user_id, created_at);
  `,
  `
  -- Residents' requests read counts and the head of the line, never the whole list.
  CREATE INDEX tickets_line_status ON tickets (community_id, queue, date, status, sort_key);
  CREATE INDEX tickets_line_called ON tickets (community_id, queue, date, called_at);
  `,
  `
  -- Found with EXPLAIN QUERY PLAN under the join bench: without these, "the user's active ticket on
  -- this line" and "who is at the desk" scanned every ticket of the line.
  CREATE INDEX tickets_user_line ON tickets (user_id, community_id, queue, date);
  CREATE INDEX tickets_line_status_called ON tickets (community_id, queue, date, status, called_at);
  `,
  `
  -- The desk shows what each line's residents were told.
  ALTER TABLE outbox ADD COLUMN community_id TEXT NOT NULL DEFAULT '';
  ALTER TABLE outbox ADD COLUMN queue TEXT NOT NULL DEFAULT '';
  ALTER TABLE outbox ADD COLUMN date TEXT NOT NULL DEFAULT '';
  ALTER TABLE outbox ADD COLUMN label TEXT NOT NULL DEFAULT '';
  CREATE INDEX outbox_line ON outbox (community_id, queue, date, id);
  `,
  `
  CREATE TABLE booking_settings (
    community_id   TEXT NOT NULL REFERENCES communities(id),
    service        TEXT NOT NULL,
    slot_minutes   INTEGER NOT NULL,
    seats_per_slot INTEGER NOT NULL,
    cutoff_hours   INTEGER NOT NULL,
    bring          TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (community_id, service)
  ) STRICT;

  CREATE TABLE bookings (
    id             TEXT PRIMARY KEY,
    community_id   TEXT NOT NULL REFERENCES communities(id),
    service        TEXT NOT NULL,
    date           TEXT NOT NULL,
    starts_at      TEXT NOT NULL,
    slot_id        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'checked-in', 'completed', 'no-show', 'cancelled')),
    user_id        TEXT,
    name           TEXT NOT NULL DEFAULT '',
    phone          TEXT,
    request_id     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    waitlisted_at  TEXT,
    promoted_at    TEXT,
    checked_in_at  TEXT,
    closed_at      TEXT,
    reminded_at    TEXT
  ) STRICT;

  -- A retried request never makes a second booking; a resident holds one live booking per slot.
  CREATE UNIQUE INDEX bookings_request ON bookings (COALESCE(user_id, ''), request_id);
  CREATE UNIQUE INDEX bookings_holder ON bookings (user_id, slot_id)
    WHERE user_id IS NOT NULL AND status IN ('confirmed', 'waitlisted', 'checked-in');
  CREATE INDEX bookings_slot ON bookings (slot_id, status, waitlisted_at);
  CREATE INDEX bookings_day ON bookings (community_id, date, starts_at);
  CREATE INDEX bookings_user ON bookings (user_id, date);
  CREATE INDEX bookings_due ON bookings (date, status, reminded_at);
  `,
  `
  -- A service may run on only some of the community's evenings ('[]' = all of them).
  ALTER TABLE booking_settings ADD COLUMN weekdays TEXT NOT NULL DEFAULT '[]';
  `,
  `
  -- Weekly notices. At most one pinned notice per community, enforced here.
  CREATE TABLE notices (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    week         TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    cover        TEXT,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    pinned       INTEGER NOT NULL DEFAULT 0,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    published_at TEXT,
    edited_at    TEXT
  ) STRICT;
  CREATE UNIQUE INDEX notices_one_pinned ON notices (community_id) WHERE pinned = 1;
  CREATE INDEX notices_week ON notices (community_id, status, week);

  CREATE TABLE notice_activities (
    id           TEXT PRIMARY KEY,
    notice_id    TEXT NOT NULL REFERENCES notices(id),
    community_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    date         TEXT NOT NULL,
    starts_at    TEXT NOT NULL,
    ends_at      TEXT NOT NULL,
    place        TEXT NOT NULL,
    capacity     INTEGER,
    sign_up      INTEGER NOT NULL,
    code         TEXT NOT NULL,
    sort         INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX notice_activities_notice ON notice_activities (notice_id, sort);

  CREATE TABLE activity_signups (
    id            TEXT PRIMARY KEY,
    activity_id   TEXT NOT NULL REFERENCES notice_activities(id),
    community_id  TEXT NOT NULL,
    user_id       TEXT,
    name          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('signed', 'waitlisted', 'cancelled')),
    request_id    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    waitlisted_at TEXT,
    promoted_at   TEXT,
    attended_at   TEXT,
    check_in      TEXT CHECK (check_in IN ('self', 'staff'))
  ) STRICT;
  -- A retried request never makes a second sign-up; a resident holds one live sign-up per activity.
  CREATE UNIQUE INDEX signups_request ON activity_signups (COALESCE(user_id, ''), request_id);
  CREATE UNIQUE INDEX signups_holder ON activity_signups (activity_id, user_id)
    WHERE user_id IS NOT NULL AND status != 'cancelled';
  CREATE INDEX signups_activity ON activity_signups (activity_id, status, waitlisted_at);
  CREATE INDEX signups_user ON activity_signups (user_id, created_at);
  `,
  `
  -- Follow-up calls: one task per resident, evening and kind, whatever runs the job how often.
  CREATE TABLE follow_ups (
    id            TEXT PRIMARY KEY,
    community_id  TEXT NOT NULL REFERENCES communities(id),
    date          TEXT NOT NULL,
    resident_key  TEXT NOT NULL,
    user_id       TEXT,
    name          TEXT NOT NULL DEFAULT '',
    phone         TEXT,
    channel       TEXT NOT NULL CHECK (channel IN ('call', 'message')),
    services      TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('first', 'senior')),
    parent_id     TEXT,
    due           TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('open', 'done', 'closed')),
    attempts      TEXT NOT NULL DEFAULT '[]',
    attempt_count INTEGER NOT NULL DEFAULT 0,
    result        TEXT,
    closed_reason TEXT,
    suggestion_id TEXT,
    created_at    TEXT NOT NULL,
    closed_at     TEXT
  ) STRICT;
  CREATE UNIQUE INDEX follow_ups_once ON follow_ups (community_id, date, resident_key, kind);
  CREATE INDEX follow_ups_open ON follow_ups (community_id, status, due);
  CREATE INDEX follow_ups_user ON follow_ups (user_id, created_at);

  CREATE TABLE follow_up_rules (
    community_id TEXT PRIMARY KEY REFERENCES communities(id),
    rules        TEXT NOT NULL
  ) STRICT;

  CREATE TABLE suggestions (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    receipt      TEXT NOT NULL UNIQUE,
    user_id      TEXT,
    name         TEXT NOT NULL DEFAULT '',
    category     TEXT NOT NULL,
    text         TEXT NOT NULL,
    photo        TEXT,
    follow_up_id TEXT,
    source       TEXT NOT NULL CHECK (source IN ('resident', 'call')),
    status       TEXT NOT NULL CHECK (status IN ('received', 'reviewing', 'adopted', 'answered', 'not-adopted', 'merged')),
    reply        TEXT,
    reason       TEXT,
    merged_into  TEXT,
    change_id    TEXT,
    solved       TEXT CHECK (solved IN ('yes', 'partly', 'no')),
    request_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    answered_at  TEXT
  ) STRICT;
  -- A retried request never files twice; erased suggestions (no user) keep their own request ids.
  CREATE UNIQUE INDEX suggestions_request ON suggestions (user_id, request_id) WHERE user_id IS NOT NULL;
  CREATE INDEX suggestions_community ON suggestions (community_id, created_at);
  CREATE INDEX suggestions_user ON suggestions (user_id, created_at);

  CREATE TABLE changes (
    id             TEXT PRIMARY KEY,
    community_id   TEXT NOT NULL REFERENCES communities(id),
    title          TEXT NOT NULL,
    detail         TEXT NOT NULL,
    since          TEXT NOT NULL,
    suggestion_ids TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL
  ) STRICT;
  CREATE INDEX changes_community ON changes (community_id, created_at);
  `,
  `
  CREATE INDEX follow_ups_evening ON follow_ups (community_id, date);

  -- 居民点单: one ballot per voter and round, enforced here.
  CREATE TABLE survey_rounds (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    title        TEXT NOT NULL,
    candidates   TEXT NOT NULL,
    max_choices  INTEGER NOT NULL,
    closes_on    TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('open', 'closed', 'published')),
    menu         TEXT,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    published_at TEXT
  ) STRICT;
  CREATE INDEX survey_rounds_community ON survey_rounds (community_id, created_at);
  CREATE TABLE survey_votes (
    round_id   TEXT NOT NULL REFERENCES survey_rounds(id),
    voter_key  TEXT NOT NULL,
    choices    TEXT NOT NULL,
    paper      INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (round_id, voter_key)
  ) STRICT;

  CREATE TABLE report_costs (
    community_id TEXT PRIMARY KEY REFERENCES communities(id),
    costs        TEXT NOT NULL
  ) STRICT;

  -- 伴 and 调休.
  CREATE TABLE shifts (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    date         TEXT NOT NULL,
    worker       TEXT NOT NULL,
    name         TEXT NOT NULL,
    start        TEXT NOT NULL,
    end          TEXT NOT NULL,
    logged_end   TEXT,
    comp_minutes INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL
  ) STRICT;
  CREATE INDEX shifts_evening ON shifts (community_id, date);
  CREATE INDEX shifts_worker ON shifts (worker, date);
  CREATE TABLE companions (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    date         TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    about        TEXT NOT NULL,
    note         TEXT NOT NULL,
    worker       TEXT,
    worker_name  TEXT,
    status       TEXT NOT NULL CHECK (status IN ('waiting', 'assigned', 'done')),
    created_at   TEXT NOT NULL,
    UNIQUE (user_id, request_id)
  ) STRICT;
  CREATE INDEX companions_evening ON companions (community_id, date);
  CREATE INDEX companions_worker ON companions (worker);
  CREATE TABLE comp_leave (
    id           TEXT PRIMARY KEY,
    worker       TEXT NOT NULL,
    name         TEXT NOT NULL,
    community_id TEXT NOT NULL,
    date         TEXT NOT NULL,
    minutes      INTEGER NOT NULL,
    note         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
    created_at   TEXT NOT NULL,
    decided_by   TEXT
  ) STRICT;
  CREATE INDEX comp_leave_worker ON comp_leave (worker, created_at);
  CREATE INDEX comp_leave_status ON comp_leave (status, created_at);
  `,
  `
  -- A line's evening is decided as a whole (core/queue/evening.ts): it keeps what the rules need
  -- (setup: name, prefix, configuration, hours, as JSON) and the key of its ticket ids. Evenings
  -- from before keep a NULL setup (the core refreshes it) and get a key of their own.
  ALTER TABLE queue_evenings ADD COLUMN key TEXT;
  ALTER TABLE queue_evenings ADD COLUMN setup TEXT;
  UPDATE queue_evenings SET key = lower(hex(randomblob(6))) WHERE key IS NULL;
  -- A request id identifies a join within its line's evening (the core looks there), not forever.
  DROP INDEX tickets_request;
  CREATE UNIQUE INDEX tickets_line_request ON tickets (community_id, queue, date, COALESCE(user_id, ''), request_id)
    WHERE request_id IS NOT NULL;
  CREATE INDEX queue_evenings_date ON queue_evenings (community_id, date);
  -- The notice board the core keeps with the community (published notices from this week on).
  ALTER TABLE communities ADD COLUMN board TEXT NOT NULL DEFAULT '[]';
  `,
  `
  -- Timer jobs' progress (JobRepo): the core's data as JSON, replaced whole by compare-and-set
  -- on version.
  CREATE TABLE job_state (
    job        TEXT NOT NULL,
    key        TEXT NOT NULL,
    version    INTEGER NOT NULL CHECK (version > 0),
    data       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (job, key)
  ) STRICT;
  `,
  `
  -- Bookings get a short code unique among the community's bookings of an evening, said at the
  -- desk. New codes are 4 characters of the invite alphabet (no 0/O, 1/I/L), picked by the core
  -- and checked here in the booking's transaction. Rows from before get 5 characters of the same
  -- alphabet spelled from their rowid: unique as rowids are, and never equal to a new 4-letter one.
  ALTER TABLE bookings ADD COLUMN code TEXT;
  UPDATE bookings SET code =
    substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (rowid / 923521) % 31 + 1, 1) ||
    substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (rowid / 29791) % 31 + 1, 1) ||
    substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (rowid / 961) % 31 + 1, 1) ||
    substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', (rowid / 31) % 31 + 1, 1) ||
    substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', rowid % 31 + 1, 1)
  WHERE code IS NULL;
  CREATE UNIQUE INDEX bookings_code ON bookings (community_id, date, code);
  -- The number residents call about bookings (联系社工), set by staff.
  ALTER TABLE communities ADD COLUMN contact_phone TEXT;
  `,
  `
  -- A companion request travels with its ticket or booking: one per subject ("ticket:<id>",
  -- "booking:<id>"), enforced by this key. Requests from before keep "legacy:<id>". The table is
  -- rebuilt because SQLite cannot drop the old (user_id, request_id) key.
  CREATE TABLE companions_next (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL REFERENCES communities(id),
    date         TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    subject      TEXT NOT NULL UNIQUE,
    about        TEXT NOT NULL,
    note         TEXT NOT NULL,
    worker       TEXT,
    worker_name  TEXT,
    status       TEXT NOT NULL CHECK (status IN ('waiting', 'assigned', 'done')),
    created_at   TEXT NOT NULL
  ) STRICT;
  INSERT INTO companions_next
    SELECT id, community_id, date, user_id, 'legacy:' || id, about, note, worker, worker_name,
           status, created_at
    FROM companions;
  DROP TABLE companions;
  ALTER TABLE companions_next RENAME TO companions;
  CREATE INDEX companions_evening ON companions (community_id, date);
  CREATE INDEX companions_worker ON companions (worker);
  CREATE INDEX companions_user ON companions (user_id);
  -- The name a worker goes by on rosters (staff.setName); NULL until set.
  ALTER TABLE users ADD COLUMN display_name TEXT;
  `,
  `
  -- How a self check-in got the code: 'scan' (the QR code) or 'code' (typed on the notice page).
  -- NULL for staff check-ins and those from before.
  ALTER TABLE activity_signups ADD COLUMN check_in_via TEXT CHECK (check_in_via IN ('scan', 'code'));
  `,
  `
  -- When a ticket's "3 ahead" alert was sent (NULL: none): with called_at, the desk's list of
  -- tonight's alerts comes from the evening itself, on both stores, at no extra read.
  ALTER TABLE tickets ADD COLUMN alerted_at TEXT;
  `,
  `
  -- Staff lifecycle (#13). An admin grant keeps the digest of the ADMIN_TOKEN that made it
  -- (adminDigestOf in core/identity.ts, never the token), and the core counts it only while that
  -- digest is the current token's: rotating ADMIN_TOKEN demotes every admin of the old one. The
  -- old admin column is no longer read: admins from before this step have no digest and are not
  -- admin until they redeem the current token again. Sign-out bumps session_version; a browser
  -- cookie minted at another version is signed out. A cancelled (作废) invite cannot be redeemed.
  ALTER TABLE users ADD COLUMN admin_digest TEXT;
  ALTER TABLE users ADD COLUMN admin_since TEXT;
  ALTER TABLE users ADD COLUMN session_version INTEGER NOT NULL DEFAULT 0;
  UPDATE users SET admin = 0;
  ALTER TABLE invites ADD COLUMN cancelled_at TEXT;
  CREATE INDEX invites_community ON invites (community_id, used_by);
  CREATE INDEX users_admin_digest ON users (admin_digest);
  `,
  `
  -- Ballots staff voided (居民点单 review): apart from the ballot, so a new vote keeps the void.
  CREATE TABLE survey_voids (
    round_id   TEXT NOT NULL REFERENCES survey_rounds(id),
    voter_key  TEXT NOT NULL,
    voided_at  TEXT NOT NULL,
    voided_by  TEXT NOT NULL,
    PRIMARY KEY (round_id, voter_key)
  ) STRICT;
  `,
  `
  -- Fair limits per resident (community.setLimits): a JSON object { bookingsPerEvening,
  -- openBookings, numbersPerEvening }; NULL until staff set it (the core's defaults hold).
  ALTER TABLE communities ADD COLUMN limits TEXT;
  -- Evenings keep the limit of numbers per resident in their setup; those stored before take the
  -- default (3).
  UPDATE queue_evenings SET setup = json_set(setup, '$.numbersPerResident', 3)
    WHERE setup IS NOT NULL AND json_extract(setup, '$.numbersPerResident') IS NULL;
  `,
  `
  -- Uploaded photos and covers (core/upload): each until a suggestion or notice holds it
  -- (attached_at), or the sweep deletes it with its file; and each person's uploads per day, the
  -- quota, kept after the uploads themselves are gone.
  CREATE TABLE uploads (
    ref          TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('photo', 'cover')),
    user_id      TEXT NOT NULL,
    uploaded_at  TEXT NOT NULL,
    attached_at  TEXT
  ) STRICT;
  CREATE INDEX uploads_unattached ON uploads (uploaded_at) WHERE attached_at IS NULL;
  CREATE INDEX uploads_user ON uploads (user_id);
  CREATE TABLE upload_counts (
    user_id TEXT NOT NULL,
    kind    TEXT NOT NULL,
    day     TEXT NOT NULL,
    count   INTEGER NOT NULL,
    PRIMARY KEY (user_id, kind, day)
  ) STRICT;
  `,
  `
  -- #15, found by profiling the bench. A resident's bookings for the limits (community, user, from
  -- a date) were searched through bookings_code, every booking of the community from today on:
  -- each booking cost more than the last.
  CREATE INDEX bookings_user_community ON bookings (user_id, community_id, date);
  -- The store reads a line whole (by the UNIQUE line-and-number index) and decides in memory:
  -- these were read by no query, yet every join and call wrote them all.
  DROP INDEX tickets_line;
  DROP INDEX tickets_user;
  DROP INDEX tickets_line_status;
  DROP INDEX tickets_line_called;
  DROP INDEX tickets_line_status_called;
  `,
  `
  -- Retention (core/retention, #13): the tickets that still name someone (retention's
  -- namesSomeone), by date, so the morning job finds old ones without reading every ticket ever
  -- issued; an anonymised ticket leaves the index.
  CREATE INDEX tickets_personal ON tickets (date)
    WHERE user_id IS NOT NULL OR note != '' OR request_id IS NOT NULL;
  `,
  `
  -- Communities made and edited by the admin (#16): the address residents see on the tonight page
  -- ('' until set), and when the admin archived (停用) the community, NULL while it is in use.
  ALTER TABLE communities ADD COLUMN address TEXT NOT NULL DEFAULT '';
  ALTER TABLE communities ADD COLUMN archived_at TEXT;
  `,
  `
  -- Volunteers and partner organisations (#16, core/volunteer): a community's organisations;
  -- one-time volunteer invites (redeemed through staff.redeem); volunteers of a community; their
  -- sign-ups for a service on an evening with the minutes staff confirm (志愿时长).
  CREATE TABLE volunteer_orgs (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    contact      TEXT NOT NULL,
    created_at   TEXT NOT NULL
  ) STRICT;
  CREATE INDEX volunteer_orgs_community ON volunteer_orgs (community_id, created_at);
  CREATE TABLE volunteer_invites (
    code         TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    org          TEXT,
    org_name     TEXT,
    name         TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    used_by      TEXT,
    cancelled_at TEXT
  ) STRICT;
  CREATE INDEX volunteer_invites_used_by ON volunteer_invites (used_by) WHERE used_by IS NOT NULL;
  CREATE TABLE volunteers (
    user_id      TEXT NOT NULL,
    community_id TEXT NOT NULL,
    org          TEXT,
    org_name     TEXT,
    name         TEXT NOT NULL,
    since        TEXT NOT NULL,
    PRIMARY KEY (community_id, user_id)
  ) STRICT;
  CREATE INDEX volunteers_user ON volunteers (user_id);
  CREATE TABLE volunteer_shifts (
    id           TEXT PRIMARY KEY,
    community_id TEXT NOT NULL,
    date         TEXT NOT NULL,
    service      TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    name         TEXT NOT NULL,
    org_name     TEXT,
    minutes      INTEGER,
    logged_by    TEXT,
    created_at   TEXT NOT NULL
  ) STRICT;
  CREATE INDEX volunteer_shifts_evening ON volunteer_shifts (community_id, date, created_at);
  CREATE INDEX volunteer_shifts_user ON volunteer_shifts (user_id, date);
  `,
  `
  -- 不要电话回访 (#16): a resident's standing choice to be asked in the app and never called. One
  -- row per resident who chose; erase deletes it (core/erase.ts).
  CREATE TABLE follow_up_contacts (
    user_id    TEXT PRIMARY KEY,
    no_calls   INTEGER NOT NULL CHECK (no_calls IN (0, 1)),
    updated_at TEXT NOT NULL
  ) STRICT;
  `,
  `
  -- A community's calendar (#16, core/community/calendar.ts): one exception per date to the
  -- weekly evenings, a cancelled evening (with the reason residents see) or an extra one; kept
  -- apart from the community record. Staff text only: nothing here names a resident.
  CREATE TABLE community_dates (
    community_id TEXT NOT NULL REFERENCES communities(id),
    date         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('cancelled', 'extra')),
    reason       TEXT NOT NULL DEFAULT '',
    opens_at     TEXT NOT NULL,
    closes_at    TEXT NOT NULL,
    added        INTEGER NOT NULL CHECK (added IN (0, 1)),
    PRIMARY KEY (community_id, date)
  ) STRICT;
  `,
  `
  -- Why staff cancelled a booking or a sign-up with its evening (#16: a cancelled date's reason,
  -- or an archived community's): kept on the record, so a restored date still says why. Staff
  -- text: names no resident.
  ALTER TABLE bookings ADD COLUMN cancelled_reason TEXT;
  ALTER TABLE activity_signups ADD COLUMN cancelled_reason TEXT;
  `,
  `
  -- One sign-up per volunteer and evening (#16, decideVolunteerSignUp): two racing sign-ups, or a
  -- retry, make one row. Duplicates made before keep the one with hours, else the first made.
  -- Erased sign-ups (user_id '') are anonymous counts and may share an evening.
  DELETE FROM volunteer_shifts WHERE rowid IN (
    SELECT rowid FROM (
      SELECT rowid, ROW_NUMBER() OVER (
        PARTITION BY community_id, date, user_id
        ORDER BY minutes IS NULL, created_at, rowid
      ) AS n
      FROM volunteer_shifts WHERE user_id <> ''
    ) WHERE n > 1
  );
  CREATE UNIQUE INDEX volunteer_shifts_one_per_evening
    ON volunteer_shifts (community_id, date, user_id) WHERE user_id <> '';
  `,
  `
  -- bookings_user_community (user_id, community_id, date) serves every read bookings_user did
  -- (a resident's bookings, erase): one B-tree less for each booking to write (#15).
  DROP INDEX bookings_user;
  `,
  `
  -- The alert log's payload was the whole alert as JSON, a copy of the row's own columns that no
  -- query read: twice the bytes per alert (#15), and a second copy of the resident's id.
  ALTER TABLE outbox DROP COLUMN payload;
  `,
  `
  -- One index keyed by resident where there were two (#15): a resident's tickets (the taken
  -- numbers, their evenings, erase) and the unique retry key (tickets_line_request) share
  -- (resident, line, evening, request). A join wrote a leaf of each, far apart, for every resident.
  -- Uniqueness is unchanged: NULL request ids never clash, walk-ins (no resident) key as ''.
  DROP INDEX tickets_line_request;
  DROP INDEX tickets_user_line;
  CREATE UNIQUE INDEX tickets_user_request
    ON tickets (COALESCE(user_id, ''), community_id, queue, date, request_id);
  `,
  `
  -- Two B-trees less for each booking to write (#15). A community's evening (staff's day list,
  -- the slots' counts, a closed date) reads bookings_code's (community_id, date). A resident's
  -- bookings (the limits, their list, erase) and the unique retry key share one index, as tickets
  -- do: a retry asks for the same slot, so the same community and evening; walk-ins key as ''.
  DROP INDEX bookings_day;
  DROP INDEX bookings_request;
  DROP INDEX bookings_user_community;
  CREATE UNIQUE INDEX bookings_user_request
    ON bookings (COALESCE(user_id, ''), community_id, date, request_id);
  `,
  `
  -- The alert log by resident was read by erase alone, and each alert (one or two a call to the
  -- desk) wrote a random leaf of it: 0.59 of a call's 1.44 WAL pages (#15, scripts/wal-pages.ts).
  -- Erase reads the log instead: a year of it at most, the retention job deletes what is older.
  DROP INDEX outbox_user;
  `,
];
