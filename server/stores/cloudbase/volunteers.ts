/**
 * Volunteers and partner organisations (#16, the VolunteerRepo port; rules in
 * core/volunteer/rules.ts):
 * - volunteer_orgs/<org id>, volunteer_invites/<code>, volunteer_shifts/<shift id>: the records'
 *   fields without their id.
 * - volunteers/v_<digest(community, userId)>: one membership; the deterministic `_id` makes a
 *   second redeem of the same person an overwrite, not a duplicate.
 *
 * redeemInvite() and logHours() read, decide and write in one transaction: two redeemers of one
 * code both write its document, so only one commits.
 */
import type {
  OrgRecord,
  VolunteerInviteRecord,
  VolunteerRecord,
  VolunteerRepo,
  VolunteerShiftRecord,
} from '../../core/ports';
import {
  decideLogHours,
  decideVolunteerRedeem,
  ERASED_REDEEMER,
  erasedVolunteerShift,
} from '../../core/volunteer/rules';
import { docOf, integer, nullable, nullableText, oneOf, recordOf, records, text } from './fields';
import { digest } from './keys';
import type { CloudDatabase, DocData } from './sdk';

type VolunteerCollections = Record<
  'volunteer_orgs' | 'volunteer_invites' | 'volunteers' | 'volunteer_shifts',
  string
>;

export const memberId = (community: string, userId: string) => `v_${digest(community, userId)}`;

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

  return {
    saveOrg: orgs.put,
    getOrg: orgs.get,
    orgs: (community) => orgs.find({ community }, 'createdAt', '_id'),
    async createInvite(invite) {
      const { code, ...fields } = invite;
      await invites.doc(code).set({ data: fields });
    },
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
    putShift: shifts.put,
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
      for (const s of mine) await shifts.put(erasedVolunteerShift(s));
      const memberships = await members.find({ userId }, 'community');
      for (const m of memberships) await members.doc(m.id).remove();
      const used = await invites.find({ usedBy: userId }, '_id');
      for (const i of used)
        await invites.doc(i.code).update({ data: { usedBy: ERASED_REDEEMER, name: '' } });
      return mine.length + memberships.length + used.length;
    },
  };
}
