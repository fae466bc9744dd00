import { call } from '@/lib/gateway';
import type { SaveOrgInput, VolunteerInviteInput } from '@/types/contract';

// ── the volunteer ────────────────────────────────────────────────────────────
export const getVolunteerHome = () => call('volunteer.home', {});
export const signUpToServe = (community: string, date: string, service: string) =>
  call('volunteer.signUp', { community, date, service });
export const getVolunteerDesk = (community: string) => call('volunteer.desk', { community });
export const volunteerCallNext = (community: string) => call('volunteer.callNext', { community });
export const cancelSignUp = (shiftId: string) => call('volunteer.cancelSignUp', { shiftId });

// ── staff ────────────────────────────────────────────────────────────────────
export const getOrgs = (community: string) => call('volunteer.orgs', { community });
export const saveOrg = (input: SaveOrgInput) => call('volunteer.saveOrg', input);
export const inviteVolunteer = (input: VolunteerInviteInput) => call('volunteer.invite', input);
export const getVolunteers = (community: string) => call('volunteer.list', { community });
export const revokeVolunteer = (community: string, userId: string) =>
  call('volunteer.revoke', { community, userId });
export const getVolunteerInvites = (community: string) => call('volunteer.invites', { community });
export const cancelVolunteerInvite = (community: string, code: string) =>
  call('volunteer.cancelInvite', { community, code });
export const getVolunteerEvening = (community: string, date: string) =>
  call('volunteer.evening', { community, date });
export const logVolunteerHours = (shiftId: string, minutes: number) =>
  call('volunteer.logHours', { shiftId, minutes });
export const exportVolunteerHours = (community: string, from: string, to: string) =>
  call('volunteer.hoursCsv', { community, from, to });
