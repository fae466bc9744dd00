import { newId } from '../../core/kernel/ids';
import type Database from 'better-sqlite3';
import type { NoticeStatus } from '../../../contract/notice';
import {
  type CheckInRequest,
  currentSignUp,
  decideCancelSignUp,
  decideCheckIn,
  decideSetAttended,
  decideSignUp,
  newSignUp,
} from '../../core/notice/decisions';
import type {
  ActivityRecord,
  CheckInOutcome,
  NoticeFilter,
  NoticeRecord,
  NoticeRepo,
  SignUpRecord,
  SignUpRequest,
} from '../../core/ports';
import { placesLeft, promoteNext } from '../../core/waitlist';

interface NoticeRow {
  id: string;
  community_id: string;
  week: string;
  title: string;
  body: string;
  cover: string | null;
  status: NoticeStatus;
  pinned: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  edited_at: string | null;
}

interface ActivityRow {
  id: string;
  notice_id: string;
  community_id: string;
  name: string;
  date: string;
  starts_at: string;
  ends_at: string;
  place: string;
  capacity: number | null;
  sign_up: number;
  code: string;
  sort: number;
}

/** The columns as SignUpRecord fields, so a row reads as a record. */
const SIGN_UP = `id, activity_id AS activityId, community_id AS community, user_id AS userId, name,
  status, request_id AS requestId, created_at AS createdAt, waitlisted_at AS waitlistedAt,
  promoted_at AS promotedAt, attended_at AS attendedAt, check_in AS checkIn,
  check_in_via AS checkInVia`;

const toActivity = (r: ActivityRow): ActivityRecord => ({
  id: r.id,
  noticeId: r.notice_id,
  community: r.community_id,
  name: r.name,
  date: r.date,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  place: r.place,
  capacity: r.capacity,
  signUp: r.sign_up === 1,
  code: r.code,
  sort: r.sort,
});

export function noticeRepo(db: Database.Database): NoticeRepo {
  const noticeById = db.prepare<[string], NoticeRow>('SELECT * FROM notices WHERE id = ?');
  const activitiesOf = db.prepare<[string], ActivityRow>(
    'SELECT * FROM notice_activities WHERE notice_id = ? ORDER BY sort',
  );
  const activityById = db.prepare<[string], ActivityRow>(
    'SELECT * FROM notice_activities WHERE id = ?',
  );
  const upsertNotice = db.prepare(
    `INSERT INTO notices (id, community_id, week, title, body, cover, status, pinned, created_by, created_at, updated_at, published_at, edited_at)
     VALUES (@id, @community, @week, @title, @body, @cover, @status, @pinned, @createdBy, @createdAt, @updatedAt, @publishedAt, @editedAt)
     ON CONFLICT (id) DO UPDATE SET week = excluded.week, title = excluded.title, body = excluded.body,
       cover = excluded.cover, status = excluded.status, pinned = excluded.pinned, updated_at = excluded.updated_at,
       published_at = excluded.published_at, edited_at = excluded.edited_at`,
  );
  const upsertActivity = db.prepare(
    `INSERT INTO notice_activities (id, notice_id, community_id, name, date, starts_at, ends_at, place, capacity, sign_up, code, sort)
     VALUES (@id, @noticeId, @community, @name, @date, @startsAt, @endsAt, @place, @capacity, @signUp, @code, @sort)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, date = excluded.date, starts_at = excluded.starts_at,
       ends_at = excluded.ends_at, place = excluded.place, capacity = excluded.capacity, sign_up = excluded.sign_up,
       sort = excluded.sort`,
  );
  const deleteActivity = db.prepare('DELETE FROM notice_activities WHERE id = ?');
  // Only cancelled sign-ups can remain on an activity being dropped (the core checks the rest).
  const deleteSignUpsOf = db.prepare('DELETE FROM activity_signups WHERE activity_id = ?');
  const unpinAll = db.prepare(
    'UPDATE notices SET pinned = 0 WHERE community_id = ? AND pinned = 1',
  );
  const pinOne = db.prepare('UPDATE notices SET pinned = 1 WHERE id = ? AND community_id = ?');

  const signUpById = db.prepare<[string], SignUpRecord>(
    `SELECT ${SIGN_UP} FROM activity_signups WHERE id = ?`,
  );
  const byRequest = db.prepare<[string, string], SignUpRecord>(
    `SELECT ${SIGN_UP} FROM activity_signups WHERE COALESCE(user_id, '') = ? AND request_id = ?`,
  );
  const liveOf = db.prepare<[string, string], SignUpRecord>(
    `SELECT ${SIGN_UP} FROM activity_signups WHERE activity_id = ? AND user_id = ? AND status != 'cancelled'`,
  );
  const mineOf = db.prepare<[string, string], SignUpRecord>(
    `SELECT ${SIGN_UP} FROM activity_signups WHERE activity_id = ? AND user_id = ? ORDER BY created_at DESC, rowid DESC`,
  );
  const signedCount = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM activity_signups WHERE activity_id = ? AND status = 'signed'",
  );
  const capacityOf = db.prepare<[string], { capacity: number | null }>(
    'SELECT capacity FROM notice_activities WHERE id = ?',
  );
  // The line in arrival order: waitlistedAt, then insertion order; LIMIT -1 is no limit.
  const waiting = db.prepare<[string, number], SignUpRecord>(
    `SELECT ${SIGN_UP} FROM activity_signups WHERE activity_id = ? AND status = 'waitlisted' ORDER BY waitlisted_at, rowid LIMIT ?`,
  );
  const insert = db.prepare(
    `INSERT INTO activity_signups (id, activity_id, community_id, user_id, name, status, request_id, created_at, waitlisted_at, attended_at, check_in, check_in_via)
     VALUES (@id, @activityId, @community, @userId, @name, @status, @requestId, @createdAt, @waitlistedAt, @attendedAt, @checkIn, @checkInVia)`,
  );
  // Every field a decision may change, from the record it answered.
  const write = db.prepare(
    `UPDATE activity_signups SET status = @status, waitlisted_at = @waitlistedAt, promoted_at = @promotedAt,
       attended_at = @attendedAt, check_in = @checkIn, check_in_via = @checkInVia WHERE id = @id`,
  );
  const position = db.prepare<[string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM activity_signups s, (SELECT waitlisted_at AS w, rowid AS r FROM activity_signups WHERE id = ?) me
     WHERE s.activity_id = ? AND s.status = 'waitlisted' AND (s.waitlisted_at < me.w OR (s.waitlisted_at = me.w AND s.rowid <= me.r))`,
  );
  const signUpsOf = db.prepare<[string], SignUpRecord>(
    `SELECT ${SIGN_UP} FROM activity_signups WHERE activity_id = ? ORDER BY created_at, rowid`,
  );
  const signUpsOfUser = db.prepare<[string], SignUpRecord>(
    `SELECT ${SIGN_UP} FROM activity_signups WHERE user_id = ? ORDER BY created_at DESC, rowid DESC`,
  );

  const toNotice = (r: NoticeRow): NoticeRecord => ({
    id: r.id,
    community: r.community_id,
    week: r.week,
    title: r.title,
    body: r.body,
    cover: r.cover,
    status: r.status,
    pinned: r.pinned === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    editedAt: r.edited_at,
    activities: activitiesOf.all(r.id).map(toActivity),
  });

  const save = db.transaction((n: NoticeRecord) => {
    upsertNotice.run({ ...n, pinned: n.pinned ? 1 : 0 });
    const keep = new Set(n.activities.map((a) => a.id));
    for (const old of activitiesOf.all(n.id)) {
      if (keep.has(old.id)) continue;
      deleteSignUpsOf.run(old.id);
      deleteActivity.run(old.id);
    }
    for (const a of n.activities) upsertActivity.run({ ...a, signUp: a.signUp ? 1 : 0 });
  });

  const pin = db.transaction((community: string, id: string | null) => {
    unpinAll.run(community);
    if (id) pinOne.run(id, community);
  });

  const mapped = (row: SignUpRecord | undefined) => row ?? null;
  const live = (activityId: string, userId: string | null) =>
    userId ? mapped(liveOf.get(activityId, userId)) : null;
  const retriedOf = (req: SignUpRequest) => mapped(byRequest.get(req.userId ?? '', req.requestId));
  const signed = (activityId: string) => signedCount.get(activityId)!.n;

  /** Inside a transaction: the first `free` of the waitlist get a place (promoteNext). */
  const fill = (activityId: string, free: number, now: Date): SignUpRecord[] => {
    const line = free > 0 ? waiting.all(activityId, Number.isFinite(free) ? free : -1) : [];
    const promoted = promoteNext(line, free, 'signed', now.toISOString());
    for (const s of promoted) write.run(s);
    return promoted;
  };

  const signUp = db.transaction((req: SignUpRequest) => {
    const known = {
      retried: retriedOf(req)?.id ?? null,
      held: live(req.activityId, req.userId)?.id ?? null,
    };
    const decision = decideSignUp(known, signed(req.activityId), req.capacity);
    if (decision.kind === 'existing') {
      return { kind: 'existing' as const, signUp: mapped(signUpById.get(decision.id))! };
    }
    const created = newSignUp(req, newId(), decision.status, null);
    insert.run(created);
    return { kind: 'created' as const, signUp: created };
  });

  const cancel = db.transaction((activityId: string, userId: string, now: Date) => {
    const capacity = capacityOf.get(activityId)?.capacity ?? null;
    const decided = decideCancelSignUp(live(activityId, userId), signed(activityId), capacity);
    if (!decided) return null;
    write.run(decided.cancelled);
    const [promoted = null] = fill(activityId, decided.placesFreed, now);
    return { cancelled: decided.cancelled, promoted };
  });

  const checkIn = db.transaction((req: CheckInRequest): CheckInOutcome => {
    const state = {
      retried: retriedOf(req),
      held: live(req.activityId, req.userId),
      signed: signed(req.activityId),
    };
    const decision = decideCheckIn(state, req, newId());
    if (decision.kind !== 'checked-in') return decision;
    if (decision.before) write.run(decision.signUp);
    else insert.run(decision.signUp);
    return { kind: 'checked-in', signUp: decision.signUp };
  });

  const fillPlaces = db.transaction((activityId: string, capacity: number | null, now: Date) =>
    fill(activityId, placesLeft(capacity, signed(activityId)), now),
  );

  const setAttended = db.transaction((id: string, attendedAt: string | null) => {
    const after = decideSetAttended(mapped(signUpById.get(id)), attendedAt);
    if (after) write.run(after);
    return after;
  });

  const list = (community: string, filter: NoticeFilter) => {
    const where = ['community_id = ?', `status IN (${filter.statuses.map(() => '?').join(', ')})`];
    const args: Array<string | number> = [community, ...filter.statuses];
    if (filter.fromWeek) {
      where.push('week >= ?');
      args.push(filter.fromWeek);
    }
    if (filter.toWeek) {
      where.push('week <= ?');
      args.push(filter.toWeek);
    }
    args.push(filter.limit ?? 100);
    return db
      .prepare<Array<string | number>, NoticeRow>(
        `SELECT * FROM notices WHERE ${where.join(' AND ')}
         ORDER BY pinned DESC, week DESC, COALESCE(published_at, updated_at) DESC LIMIT ?`,
      )
      .all(...args)
      .map(toNotice);
  };

  const counts = db.prepare<
    [string],
    { activity_id: string; signed: number; waitlisted: number; attended: number }
  >(
    `SELECT activity_id, SUM(status = 'signed') AS signed, SUM(status = 'waitlisted') AS waitlisted,
       SUM(attended_at IS NOT NULL AND status != 'cancelled') AS attended
     FROM activity_signups WHERE activity_id IN (SELECT value FROM json_each(?)) GROUP BY activity_id`,
  );

  return {
    save: async (notice) => save.immediate(notice),
    get: async (id) => {
      const row = noticeById.get(id);
      return row ? toNotice(row) : null;
    },
    list: async (community, filter) => (filter.statuses.length ? list(community, filter) : []),
    pin: async (community, id) => pin.immediate(community, id),
    getActivity: async (id) => {
      const row = activityById.get(id);
      return row ? toActivity(row) : null;
    },
    counts: async (ids) =>
      ids.length === 0
        ? []
        : counts.all(JSON.stringify(ids)).map((r) => ({
            activityId: r.activity_id,
            signed: r.signed,
            waitlisted: r.waitlisted,
            attended: r.attended,
          })),
    // IMMEDIATE: the write lock is taken before the places are counted.
    signUp: async (request) => signUp.immediate(request),
    signUpOf: async (activityId, userId) => currentSignUp(mineOf.all(activityId, userId)),
    getSignUp: async (id) => mapped(signUpById.get(id)),
    waitlistPosition: async (s) => position.get(s.id, s.activityId)!.n,
    cancelSignUp: async (activityId, userId, now) => cancel.immediate(activityId, userId, now),
    fillPlaces: async (activityId, capacity, now) =>
      fillPlaces.immediate(activityId, capacity, now),
    checkIn: async (request) => checkIn.immediate(request),
    setAttended: async (id, attendedAt) => setAttended.immediate(id, attendedAt),
    signUpsOf: async (activityId) => signUpsOf.all(activityId),
    signUpsOfUser: async (userId) => signUpsOfUser.all(userId),
  };
}
