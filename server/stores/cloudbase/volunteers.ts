/**
 * Volunteers and partner organisations (#16, the VolunteerRepo port; rules in
 * core/volunteer/rules.ts):
 * - volunteer_orgs/<org id>, volunteer_invites/<code>, volunteer_shifts/<shift id>: the records'
 *   fields without their id.
 * - volunteers/v_<digest(community, userId)>: one membership; the deterministic `_id` makes a
 *   second redeem of the same person an overwrite, not a duplicate.
 * - volunteer_keys/shift_<digest(community, date, userId)> (shiftKeyId): { shiftId }: the
 *   volunteer's sign-up of that evening (SQLite's unique index). A transaction cannot query, so
 *   signUp() finds it by this `_id`; two sign-ups of one evening both write it, so only one
 *   commits and the other, retried, finds the first. Withdrawing or erasing a sign-up removes it.
 *
 * redeemInvite(), cancelInvite(), signUp(), cancelSignUp() and logHours() read, decide and write
 * in one transaction: two redeemers of one code both write its document, so only one commits.
 * signUp() reads the membership in its transaction, so once revoke() has removed it no sign-up
 * commits; revoke() then finds the sign-ups to withdraw with one query.
 */
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
import {
  docOf,
  integer,
  keysIn,
  nullable,
  nullableText,
  oneOf,
  recordOf,
  records,
  text,
} from './fields';
import { digest } from './keys';
import type { CloudDatabase, CloudTransaction, DocData } from './sdk';
import { FEW_RACERS, transact } from './transaction';

type VolunteerCollections = Record<
  'volunteer_orgs' | 'volunteer_invites' | 'volunteers' | 'volunteer_shifts' | 'volunteer_keys',
  string
>;

export const memberId = (community: string, userId: string) => `v_${digest(community, userId)}`;
export const shiftKeyId = (s: Pick<VolunteerShiftRecord, 'community' | 'date' | 'userId'>) =>
  `shift_${digest(s.community, s.date, s.userId)}`;

const orgFromDoc = recordOf<OrgRecord>('volunteer_orgs', {
  community: text,
  name: text,
  kind: oneOf<OrgRecord['kind']>(['志愿服务队', '社会组织', '其他']),
  contact: text,
  createdAt: text,
});
const readInvite = recordOf<Omit<VolunteerInviteRecord, 'code'> & { id: string }>(
  'volunteer_invites',
  {
    community: text,
    org: nullableText,
    orgName: nullableText,
    name: text,
    createdBy: text,
    createdAt: text,
    expiresAt: text,
    usedBy: nullableText,
    cancelledAt: nullableText,
  },
);
const inviteFromDoc = (code: string, doc: DocData) => {
  const { id: _id, ...invite } = readInvite(code, doc);
  return { ...invite, code, id: code };
};
const readMember = recordOf<VolunteerRecord & { id: string }>('volunteers', {
  userId: text,
  community: text,
  org: nullableText,
  orgName: nullableText,
  name: text,
  since: text,
});
const shiftFromDoc = recordOf<VolunteerShiftRecord>('volunteer_shifts', {
  community: text,
  date: text,
  service: text,
  userId: text,
  name: text,
  orgName: nullableText,
  minutes: nullable(integer),
  loggedBy: nullableText,
  createdAt: text,
});

const memberOf = ({ id: _id, ...member }: VolunteerRecord & { id: string }): VolunteerRecord =>
  member;

export function volunteerRepo(db: CloudDatabase, names: VolunteerCollections): VolunteerRepo {
  const orgs = records(db, names, 'volunteer_orgs', orgFromDoc);
  const invites = records(db, names, 'volunteer_invites', inviteFromDoc);
  const members = records(db, names, 'volunteers', readMember);
  const shifts = records(db, names, 'volunteer_shifts', shiftFromDoc);

  /** Writes a sign-up and its evening key in `tx` (an erased one has no key). */
  async function writeShift(tx: CloudTransaction, shift: VolunteerShiftRecord) {
    if (shift.userId !== '') {
      await keysIn(tx, names, 'volunteer_keys')
        .doc(shiftKeyId(shift))
        .set({ data: { shiftId: shift.id } });
    }
    await shifts
      .in(tx)
      .doc(shift.id)
      .set({ data: docOf(shift) });
  }
  /** Removes a sign-up and its evening key in `tx`. */
  async function removeShift(tx: CloudTransaction, shift: VolunteerShiftRecord) {
    if (shift.userId !== '')
      await keysIn(tx, names, 'volunteer_keys').doc(shiftKeyId(shift)).remove();
    await shifts.in(tx).doc(shift.id).remove();
  }

  return {
    saveOrg: orgs.put,
    getOrg: orgs.get,
    orgs: (community) => orgs.find({ community }, 'createdAt', '_id'),
    async createInvite(invite) {
      const { code, ...fields } = invite;
      await invites.doc(code).set({ data: fields });
    },
    /**
     * One indexed query (the community's unused invites, as staff invites); the core keeps the
     * open ones, newest first as SQLite orders them.
     */
    openInvites: async (community, now) =>
      (await invites.find({ community, usedBy: null }, '_id'))
        .filter((i) => inviteIsOpen(i, now))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.code.localeCompare(b.code))
        .map(({ id: _id, ...invite }) => invite),
    cancelInvite: (code, community, now) =>
      invites.onDoc(code, async (doc, ref) => {
        const found = doc && inviteFromDoc(code, doc);
        const decided = decideCancelInvite(found?.community === community ? found : null, now);
        // A redeemer racing this writes the same document: exactly one of the two commits.
        if (decided.ok) await ref.update({ data: { cancelledAt: now.toISOString() } });
        return decided;
      }),
    redeemInvite: (code, userId, now) =>
      invites.onDoc(code, async (doc, ref, tx) => {
        const decided = decideVolunteerRedeem(doc && inviteFromDoc(code, doc), userId, now);
        if (!decided.ok) return decided;
        await ref.update({ data: { usedBy: userId } });
        const id = memberId(decided.community, userId);
        const memberRef = tx.collection(members.name).doc(id);
        await memberRef.set({ data: docOf({ id, ...decided.member }) });
        return { ok: true, community: decided.community };
      }),
    async getVolunteer(community, userId) {
      const found = await members.get(memberId(community, userId));
      return found && memberOf(found);
    },
    volunteers: async (community) =>
      (await members.find({ community }, 'since', 'userId')).map(memberOf),
    membershipsOf: async (userId) => (await members.find({ userId }, 'community')).map(memberOf),
    putShift: (shift) => transact(db, FEW_RACERS, (tx) => writeShift(tx, shift)),
    signUp: (community, userId, request) =>
      transact(db, FEW_RACERS, async (tx) => {
        const found = await members.in(tx).get(memberId(community.id, userId));
        const key = { community: community.id, date: request.date, userId };
        const earlier = await keysIn(tx, names, 'volunteer_keys').pointedTo(
          shiftKeyId(key),
          'shiftId',
          shifts.in(tx).get,
        );
        const decided = decideVolunteerSignUp(
          community,
          found && memberOf(found),
          request,
          earlier.record ? [earlier.record] : [],
        );
        if (decided.ok) await writeShift(tx, decided.shift);
        return decided;
      }),
    cancelSignUp: (id, userId, today) =>
      transact(db, FEW_RACERS, async (tx) => {
        const decided = decideCancelSignUp(await shifts.in(tx).get(id), userId, today);
        if (decided.ok) await removeShift(tx, decided.shift);
        return decided;
      }),
    async revoke(community, userId, today) {
      const removed = await members.onDoc(memberId(community, userId), async (doc, ref) => {
        if (doc) await ref.remove();
        return doc !== null;
      });
      if (!removed) return { ok: false };
      // No sign-up commits once the membership is gone, so this query sees every one left.
      const ahead = await shifts.find({ userId, date: db.command.gte(today) }, 'date', '_id');
      let withdrawn = 0;
      for (const s of withdrawnOnRevoke(
        ahead.filter((a) => a.community === community),
        today,
      )) {
        const gone = await transact(db, FEW_RACERS, async (tx) => {
          const current = await shifts.in(tx).get(s.id);
          if (!current || withdrawnOnRevoke([current], today).length === 0) return false;
          await removeShift(tx, current);
          return true;
        });
        if (gone) withdrawn += 1;
      }
      return { ok: true, withdrawn };
    },
    getShift: shifts.get,
    shifts: (community, date) => shifts.find({ community, date }, 'createdAt', '_id'),
    /** From `from` on by the index, to `to` in memory: sign-ups ahead are few (weeks, not years). */
    shiftsBetween: async (community, from, to) =>
      (
        await shifts.find({ community, date: db.command.gte(from) }, 'date', 'createdAt', '_id')
      ).filter((s) => s.date <= to),
    shiftsOf: (userId) => shifts.find({ userId }, 'date desc', '_id'),
    logHours: (id, minutes, by, today) =>
      shifts.change(id, (s) => decideLogHours(s, minutes, by, today)),
    async erase(userId) {
      const mine = await shifts.find({ userId }, '_id');
      for (const s of mine) {
        await transact(db, FEW_RACERS, async (tx) => {
          await keysIn(tx, names, 'volunteer_keys').doc(shiftKeyId(s)).remove();
          await writeShift(tx, erasedVolunteerShift(s));
        });
      }
      const memberships = await members.find({ userId }, 'community');
      for (const m of memberships) await members.doc(m.id).remove();
      const used = await invites.find({ usedBy: userId }, '_id');
      for (const i of used)
        await invites.doc(i.code).update({ data: { usedBy: ERASED_REDEEMER, name: '' } });
      return mine.length + memberships.length + used.length;
    },
  };
}
