/** Volunteers and partner organisations (#16). Decisions are the core's (core/volunteer/rules.ts). */
import type Database from 'better-sqlite3';
import type {
  OrgRecord,
  VolunteerInviteRecord,
  VolunteerRecord,
  VolunteerRepo,
  VolunteerShiftRecord,
} from '../../core/ports';
import { decideCancelInvite, inviteIsOpen } from '../../core/identity';
import {
  decideCancelSignUp,
  decideLogHours,
  decideVolunteerRedeem,
  decideVolunteerSignUp,
  ERASED_REDEEMER,
  erasedVolunteerShift,
  withdrawnOnRevoke,
} from '../../core/volunteer/rules';
import { immediate, table } from './rows';

export function volunteerRepo(db: Database.Database): VolunteerRepo {
  const orgs = table<OrgRecord>(db, 'volunteer_orgs');
  const invites = table<VolunteerInviteRecord>(db, 'volunteer_invites');
  const members = table<VolunteerRecord>(db, 'volunteers');
  const shifts = table<VolunteerShiftRecord>(db, 'volunteer_shifts');
  // IMMEDIATE: each decision reads under the write lock.
  const atomic = immediate(db);
  return {
    saveOrg: async (org) => {
      orgs.upsert(org, ['id'], ['createdAt']);
    },
    getOrg: async (id) => orgs.get('id = ?', id),
    orgs: async (community) => orgs.all('community_id = ? ORDER BY created_at, rowid', community),
    createInvite: async (invite) => {
      invites.insert(invite);
    },
    openInvites: async (community, now) =>
      invites
        .all(
          'community_id = ? AND used_by IS NULL AND cancelled_at IS NULL ORDER BY created_at DESC, code',
          community,
        )
        .filter((i) => inviteIsOpen(i, now)),
    cancelInvite: async (code, community, now) =>
      atomic(() => {
        const found = invites.get('code = ? AND community_id = ?', code, community);
        const decided = decideCancelInvite(found, now);
        if (decided.ok) invites.update({ code, cancelledAt: now.toISOString() }, ['code']);
        return decided;
      }),
    redeemInvite: async (code, userId, now) =>
      atomic(() => {
        const decided = decideVolunteerRedeem(invites.get('code = ?', code), userId, now);
        if (!decided.ok) return decided;
        invites.update({ code, usedBy: userId }, ['code']);
        members.upsert(decided.member, ['community', 'userId'], ['since']);
        return { ok: true, community: decided.community } as const;
      }),
    getVolunteer: async (community, userId) =>
      members.get('community_id = ? AND user_id = ?', community, userId),
    volunteers: async (community) =>
      members.all('community_id = ? ORDER BY since, user_id', community),
    membershipsOf: async (userId) => members.all('user_id = ? ORDER BY community_id', userId),
    putShift: async (shift) => {
      shifts.upsert(shift, ['id'], ['createdAt']);
    },
    signUp: async (community, userId, request) =>
      atomic(() => {
        const member = members.get('community_id = ? AND user_id = ?', community.id, userId);
        const earlier = shifts.all(
          'community_id = ? AND date = ? AND user_id = ?',
          community.id,
          request.date,
          userId,
        );
        const decided = decideVolunteerSignUp(community, member, request, earlier);
        // The unique (community, date, user) index backs the decision's one sign-up per evening.
        if (decided.ok) shifts.upsert(decided.shift, ['id'], ['createdAt']);
        return decided;
      }),
    cancelSignUp: async (id, userId, today) =>
      atomic(() => {
        const decided = decideCancelSignUp(shifts.get('id = ?', id), userId, today);
        if (decided.ok) shifts.remove('id = ?', id);
        return decided;
      }),
    revoke: async (community, userId, today) =>
      atomic(() => {
        if (members.remove('community_id = ? AND user_id = ?', community, userId).changes === 0) {
          return { ok: false } as const;
        }
        const mine = shifts.all('community_id = ? AND user_id = ?', community, userId);
        const withdrawn = withdrawnOnRevoke(mine, today);
        for (const s of withdrawn) shifts.remove('id = ?', s.id);
        return { ok: true, withdrawn: withdrawn.length } as const;
      }),
    getShift: async (id) => shifts.get('id = ?', id),
    shifts: async (community, date) =>
      shifts.all('community_id = ? AND date = ? ORDER BY created_at, id', community, date),
    shiftsBetween: async (community, from, to) =>
      shifts.all(
        'community_id = ? AND date >= ? AND date <= ? ORDER BY date, created_at, id',
        community,
        from,
        to,
      ),
    shiftsOf: async (userId) => shifts.all('user_id = ? ORDER BY date DESC, id', userId),
    logHours: async (id, minutes, by, today) =>
      atomic(() => {
        const current = shifts.get('id = ?', id);
        return shifts.save(current && decideLogHours(current, minutes, by, today));
      }),
    erase: async (userId) =>
      atomic(() => {
        const mine = shifts.all('user_id = ?', userId);
        for (const s of mine) shifts.update(erasedVolunteerShift(s));
        const memberships = members.remove('user_id = ?', userId).changes;
        // The code stays used (it cannot be redeemed again); who used it, and their name, go.
        const used = invites.all('used_by = ?', userId);
        for (const i of used)
          invites.update({ code: i.code, usedBy: ERASED_REDEEMER, name: '' }, ['code']);
        return mine.length + memberships + used.length;
      }),
  };
}
