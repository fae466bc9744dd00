/** Each transaction loads rows, asks the core's decision (core/notice/decisions.ts), writes it. */
import { newId } from '../../core/kernel/ids';
import type Database from 'better-sqlite3';
import {
  type CheckInRequest,
  currentSignUp,
  decideCancelSignUp,
  decideCheckIn,
  decideSetAttended,
  decideSignUp,
  erasedSignUp,
  newSignUp,
} from '../../core/notice/decisions';
import type {
  ActivityCount,
  ActivityRecord,
  CheckInOutcome,
  NoticeRecord,
  NoticeRepo,
  SignUpRecord,
  SignUpRequest,
} from '../../core/ports';
import { placesLeft, promoteNext } from '../../core/waitlist';
import { maybe, rowParams, rowReader, type Row } from './rows';

const NOTICE = { bool: ['pinned'] };
const ACTIVITY = { bool: ['signUp'] };
const toNoticeFields = rowReader<Omit<NoticeRecord, 'activities'>>(NOTICE);
const toActivity = rowReader<ActivityRecord>(ACTIVITY);
const toSignUp = rowReader<SignUpRecord>();

export function noticeRepo(db: Database.Database): NoticeRepo {
  const noticeById = db.prepare<[string], Row>('SELECT * FROM notices WHERE id = ?');
  const activitiesOf = db.prepare<[string], Row>(
    'SELECT * FROM notice_activities WHERE notice_id = ? ORDER BY sort',
  );
  const activityById = db.prepare<[string], Row>('SELECT * FROM notice_activities WHERE id = ?');
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

  /** Sign-ups matching `where` (and its ORDER BY), as records. */
  const signUps = (where: string) => {
    const stmt = db.prepare<unknown[], Row>(`SELECT * FROM activity_signups WHERE ${where}`);
    return {
      get: (...args: unknown[]) => maybe(toSignUp, stmt.get(...args)),
      all: (...args: unknown[]) => stmt.all(...args).map(toSignUp),
    };
  };
  const signUpById = signUps('id = ?');
  const byRequest = signUps("COALESCE(user_id, '') = ? AND request_id = ?");
  const liveOf = signUps("activity_id = ? AND user_id = ? AND status != 'cancelled'");
  const mineOf = signUps('activity_id = ? AND user_id = ? ORDER BY created_at DESC, rowid DESC');
  // The line in arrival order: waitlistedAt, then insertion order; LIMIT -1 is no limit.
  const waiting = signUps(
    "activity_id = ? AND status = 'waitlisted' ORDER BY waitlisted_at, rowid LIMIT ?",
  );
  const signUpsOf = signUps('activity_id = ? ORDER BY created_at, rowid');
  const signUpsOfUser = signUps('user_id = ? ORDER BY created_at DESC, rowid DESC');
  const signedCount = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM activity_signups WHERE activity_id = ? AND status = 'signed'",
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
  const writeErased = db.prepare(
    'UPDATE activity_signups SET user_id = @userId, name = @name, request_id = @requestId WHERE id = @id',
  );
  const erase = db.transaction(
    (userId: string) =>
      signUpsOfUser.all(userId).map((s) => writeErased.run(erasedSignUp(s))).length,
  );
  const position = db.prepare<[string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM activity_signups s, (SELECT waitlisted_at AS w, rowid AS r FROM activity_signups WHERE id = ?) me
     WHERE s.activity_id = ? AND s.status = 'waitlisted' AND (s.waitlisted_at < me.w OR (s.waitlisted_at = me.w AND s.rowid <= me.r))`,
  );
  // The statuses as a JSON list; a week bound left out is no bound.
  const listed = db.prepare<[Row], Row>(
    `SELECT * FROM notices WHERE community_id = @community AND status IN (SELECT value FROM json_each(@statuses))
       AND week >= COALESCE(@fromWeek, week) AND week <= COALESCE(@toWeek, week)
     ORDER BY pinned DESC, week DESC, COALESCE(published_at, updated_at) DESC LIMIT @limit`,
  );
  const counts = db.prepare<[string], ActivityCount>(
    `SELECT activity_id AS activityId, SUM(status = 'signed') AS signed, SUM(status = 'waitlisted') AS waitlisted,
       SUM(attended_at IS NOT NULL AND status != 'cancelled') AS attended
     FROM activity_signups WHERE activity_id IN (SELECT value FROM json_each(?)) GROUP BY activity_id`,
  );

  const toNotice = (row: Row): NoticeRecord => ({
    ...toNoticeFields(row),
    activities: activitiesOf.all(row.id as string).map(toActivity),
  });

  const save = db.transaction((n: NoticeRecord) => {
    upsertNotice.run(rowParams(n, NOTICE));
    const keep = new Set(n.activities.map((a) => a.id));
    for (const old of activitiesOf.all(n.id)) {
      if (keep.has(old.id as string)) continue;
      deleteSignUpsOf.run(old.id);
      deleteActivity.run(old.id);
    }
    for (const a of n.activities) upsertActivity.run(rowParams(a, ACTIVITY));
  });

  const pin = db.transaction((community: string, id: string | null) => {
    unpinAll.run(community);
    if (id) pinOne.run(id, community);
  });

  const signed = (activityId: string) => signedCount.get(activityId)!.n;
  /** What a request has: the sign-up it made before, the user's live one; and the places taken. */
  const loaded = (req: SignUpRequest) => ({
    retried: byRequest.get(req.userId ?? '', req.requestId),
    held: req.userId ? liveOf.get(req.activityId, req.userId) : null,
    signed: signed(req.activityId),
  });

  /** Inside a transaction: the first `free` of the waitlist get a place (promoteNext). */
  const fill = (activityId: string, free: number, now: Date): SignUpRecord[] => {
    const line = free > 0 ? waiting.all(activityId, Number.isFinite(free) ? free : -1) : [];
    const promoted = promoteNext(line, free, 'signed', now.toISOString());
    for (const s of promoted) write.run(s);
    return promoted;
  };

  const signUp = db.transaction((req: SignUpRequest) => {
    const { retried, held, signed } = loaded(req);
    const known = { retried: retried?.id ?? null, held: held?.id ?? null };
    const decision = decideSignUp(known, signed, req.capacity);
    if (decision.kind === 'existing') {
      return { kind: 'existing' as const, signUp: signUpById.get(decision.id)! };
    }
    const created = newSignUp(req, newId(), decision.status, null);
    insert.run(created);
    return { kind: 'created' as const, signUp: created };
  });

  const cancel = db.transaction((activityId: string, userId: string, now: Date) => {
    const capacity = maybe(toActivity, activityById.get(activityId))?.capacity ?? null;
    const decided = decideCancelSignUp(
      liveOf.get(activityId, userId),
      signed(activityId),
      capacity,
    );
    if (!decided) return null;
    write.run(decided.cancelled);
    const [promoted = null] = fill(activityId, decided.placesFreed, now);
    return { cancelled: decided.cancelled, promoted };
  });

  const checkIn = db.transaction((req: CheckInRequest): CheckInOutcome => {
    const decision = decideCheckIn(loaded(req), req, newId());
    if (decision.kind !== 'checked-in') return decision;
    if (decision.before) write.run(decision.signUp);
    else insert.run(decision.signUp);
    return { kind: 'checked-in', signUp: decision.signUp };
  });

  const fillPlaces = db.transaction((activityId: string, capacity: number | null, now: Date) =>
    fill(activityId, placesLeft(capacity, signed(activityId)), now),
  );

  const setAttended = db.transaction((id: string, attendedAt: string | null) => {
    const after = decideSetAttended(signUpById.get(id), attendedAt);
    if (after) write.run(after);
    return after;
  });

  return {
    save: async (notice) => save.immediate(notice),
    get: async (id) => maybe(toNotice, noticeById.get(id)),
    list: async (community, { statuses, fromWeek, toWeek, limit }) => {
      const bounds = { fromWeek: fromWeek || null, toWeek: toWeek || null, limit: limit ?? 100 };
      return listed.all({ community, statuses: JSON.stringify(statuses), ...bounds }).map(toNotice);
    },
    pin: async (community, id) => pin.immediate(community, id),
    getActivity: async (id) => maybe(toActivity, activityById.get(id)),
    counts: async (ids) => counts.all(JSON.stringify(ids)),
    // IMMEDIATE: the write lock is taken before the places are counted.
    signUp: async (request) => signUp.immediate(request),
    signUpOf: async (activityId, userId) => currentSignUp(mineOf.all(activityId, userId)),
    getSignUp: async (id) => signUpById.get(id),
    waitlistPosition: async (s) => position.get(s.id, s.activityId)!.n,
    cancelSignUp: async (activityId, userId, now) => cancel.immediate(activityId, userId, now),
    fillPlaces: async (activityId, capacity, now) =>
      fillPlaces.immediate(activityId, capacity, now),
    checkIn: async (request) => checkIn.immediate(request),
    setAttended: async (id, attendedAt) => setAttended.immediate(id, attendedAt),
    signUpsOf: async (activityId) => signUpsOf.all(activityId),
    signUpsOfUser: async (userId) => signUpsOfUser.all(userId),
    eraseSignUps: async (userId) => erase.immediate(userId),
  };
}
