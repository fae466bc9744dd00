/** The staff page of a community's team (社工名单, package-staff subpackage). */
export const TEAM_PAGE = '/package-staff/pages/team/index';

/** A community's team, its open invites (admins) and sign-out: `?c=<community>`. */
export const teamUrl = (community: string) => `${TEAM_PAGE}?c=${encodeURIComponent(community)}`;
