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
  SignUpOutcome,
  SignUpRecord,
  SignUpRequest,
} from '../../core/ports';
import type { HeldSignUp } from '../../core/community/limits';
import { retainedSignUp } from '../../core/retention/rules';
import { placesLeft } from '../../core/waitlist';
import { immediate, maybe, statements, table, waitlist, type Row } from './rows';
import { dateClosed } from './calendar';

export function noticeRepo(db: Database.Database): NoticeRepo {
  const notices = table<Omit<NoticeRecord, 'activities'>>(db, 'notices', { bool: ['pinned'] });
  const activities = table<ActivityRecord>(db, 'notice_activities', { bool: ['signUp'] });
  const signUps = table<SignUpRecord>(db, 'activity_signups');
  const line = waitlist(db, signUps, 'activity_id');
  const sql = statements(db);
  // IMMEDIATE: the write lock is taken before the places are counted.
  const atomic = immediate(db);
  const isClosed = dateClosed(db);

  const activitiesOf = (id: string) => activities.all('notice_id = ? ORDER BY sort', id);
  const toNotice = (row: Row): NoticeRecord => {
    const notice = notices.read(row);
    return { ...notice, activities: activitiesOf(notice.id) };
  };
  const signUpsOfUser = (userId: string) =>
    signUps.all('user_id = ? ORDER BY created_at DESC, rowid DESC', userId);
  const signUpById = (id: string) => signUps.get('id = ?', id);
  const liveOf = (activityId: string, userId: string) =>
    signUps.get("activity_id = ? AND user_id = ? AND status != 'cancelled'", activityId, userId);
  const signed = (activityId: string) =>
    sql<{ n: number }>(
      "SELECT COUNT(*) AS n FROM activity_signups WHERE activity_id = ? AND status = 'signed'",
    ).get(activityId)!.n;
  /** What a request has: the sign-up it made before, the user's live one; and the places taken. */
  const loaded = (req: SignUpRequest) => ({
    retried: signUps.get(
      "COALESCE(user_id, '') = ? AND request_id = ?",
      req.userId ?? '',
      req.requestId,
    ),
    held: req.userId ? liveOf(req.activityId, req.userId) : null,
    signed: signed(req.activityId),
  });

  /** Inside a transaction: whether the sign-up's date is cancelled; a check-in gives none. */
  const closedOn = (req: SignUpRequest) =>
    req.date === undefined ? null : isClosed(req.community, req.date);

  /** Inside a transaction: the resident's sign-ups the limit counts (any status), or null when uncapped. */
  const heldBy = (req: SignUpRequest): HeldSignUp[] | null =>
    req.caps && req.userId
      ? sql<HeldSignUp>(
          `SELECT s.activity_id AS activityId, s.status, s.request_id AS requestId, a.date, a.starts_at AS startsAt
           FROM activity_signups s JOIN notice_activities a ON a.id = s.activity_id
           WHERE s.user_id = ? AND s.community_id = ? AND a.date >= ?`,
        ).all(req.userId, req.community, req.caps.from)
      : null;

  return {
    save: async (n) =>
      atomic(() => {
        notices.upsert(n, ['id'], ['community', 'createdBy', 'createdAt']);
        const keep = new Set(n.activities.map((a) => a.id));
        for (const old of activitiesOf(n.id)) {
          if (keep.has(old.id)) continue;
          // Only cancelled sign-ups can remain on an activity being dropped (the core checks the rest).
          signUps.remove('activity_id = ?', old.id);
          activities.remove('id = ?', old.id);
        }
        for (const a of n.activities)
          activities.upsert(a, ['id'], ['noticeId', 'community', 'code']);
      }),
    get: async (id) => maybe(toNotice, sql('SELECT * FROM notices WHERE id = ?').get(id)),
    // The statuses as a JSON list; a week bound left out is no bound.
    list: async (community, { statuses, fromWeek, toWeek, limit }) =>
      sql(
        `SELECT * FROM notices WHERE community_id = @community AND status IN (SELECT value FROM json_each(@statuses))
           AND week >= COALESCE(@fromWeek, week) AND week <= COALESCE(@toWeek, week)
         ORDER BY pinned DESC, week DESC, COALESCE(published_at, updated_at) DESC LIMIT @limit`,
      )
        .all({
          community,
          statuses: JSON.stringify(statuses),
          fromWeek: fromWeek || null,
          toWeek: toWeek || null,
          limit: limit ?? 100,
        })
        .map(toNotice),
    pin: async (community, id) =>
      atomic(() => {
        sql('UPDATE notices SET pinned = 0 WHERE community_id = ? AND pinned = 1').run(community);
        if (id)
          sql('UPDATE notices SET pinned = 1 WHERE id = ? AND community_id = ?').run(id, community);
      }),
    getActivity: async (id) => activities.get('id = ?', id),
    counts: async (ids) =>
      sql<ActivityCount>(
        `SELECT activity_id AS activityId, SUM(status = 'signed') AS signed, SUM(status = 'waitlisted') AS waitlisted,
           SUM(attended_at IS NOT NULL AND status != 'cancelled') AS attended
         FROM activity_signups WHERE activity_id IN (SELECT value FROM json_each(?)) GROUP BY activity_id`,
      ).all(JSON.stringify(ids)),
    signUp: async (req) =>
      atomic((): SignUpOutcome => {
        const { retried, held, signed } = loaded(req);
        const known = { retried: retried?.id ?? null, held: held?.id ?? null };
        // A retry or a held sign-up is answered first (decideSignUp), with nothing counted.
        const mine = retried || held ? null : heldBy(req);
        const decision = decideSignUp(known, signed, req, mine, closedOn(req));
        if (decision.kind === 'existing') {
          return { kind: 'existing' as const, signUp: signUpById(decision.id)! };
        }
        if (decision.kind !== 'create') return decision;
        const created = newSignUp(req, newId(), decision.status, null);
        signUps.insert(created);
        return { kind: 'created' as const, signUp: created };
      }),
    signUpOf: async (activityId, userId) =>
      currentSignUp(
        signUps.all(
          'activity_id = ? AND user_id = ? ORDER BY created_at DESC, rowid DESC',
          activityId,
          userId,
        ),
      ),
    getSignUp: async (id) => signUpById(id),
    waitlistPosition: async (s) => line.position(s.id, s.activityId),
    cancelSignUp: async (activityId, userId, now) =>
      atomic(() => {
        const capacity = activities.get('id = ?', activityId)?.capacity ?? null;
        const decided = decideCancelSignUp(
          liveOf(activityId, userId),
          signed(activityId),
          capacity,
        );
        if (!decided) return null;
        signUps.update(decided.cancelled);
        const [promoted = null] = line.promote(activityId, decided.placesFreed, 'signed', now);
        return { cancelled: decided.cancelled, promoted };
      }),
    fillPlaces: async (activityId, capacity, now) =>
      atomic(() =>
        line.promote(activityId, placesLeft(capacity, signed(activityId)), 'signed', now),
      ),
    checkIn: async (req: CheckInRequest) =>
      atomic((): CheckInOutcome => {
        const decision = decideCheckIn(loaded(req), req, newId());
        if (decision.kind !== 'checked-in') return decision;
        if (decision.before) signUps.update(decision.signUp);
        else signUps.insert(decision.signUp);
        return { kind: 'checked-in', signUp: decision.signUp };
      }),
    setAttended: async (id, attendedAt) =>
      atomic(() => signUps.save(decideSetAttended(signUpById(id), attendedAt))),
    signUpsOf: async (activityId) =>
      signUps.all('activity_id = ? ORDER BY created_at, rowid', activityId),
    signUpsOfUser: async (userId) => signUpsOfUser(userId),
    eraseSignUps: async (userId) =>
      atomic(() => signUpsOfUser(userId).map((s) => signUps.update(erasedSignUp(s))).length),
    anonymiseSignUpsBefore: async (cutoffAt, limit) =>
      atomic(
        () =>
          signUps
            .all(
              "created_at < ? AND (user_id IS NOT NULL OR name != '') ORDER BY created_at, id LIMIT ?",
              cutoffAt,
              limit,
            )
            .filter((s) => signUps.save(retainedSignUp(s, cutoffAt))).length,
      ),
  };
}
