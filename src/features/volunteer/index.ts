export { ServedByLine } from './components/served-by-line';
export { VolunteerHomeView } from './components/volunteer-home';
export type { VolunteerHomeViewProps } from './components/volunteer-home';
export { VolunteersDesk, VolunteerRoster } from './components/volunteers-desk';
export type { VolunteersDeskProps } from './components/volunteers-desk';
export { VOLUNTEER_PAGE, VOLUNTEERS_PAGE, volunteersUrl } from './model/volunteer-urls';
