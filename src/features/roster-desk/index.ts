export * from './entry';
export {
  getEveningRoster,
  assignShift,
  logShiftEnd,
  assignCompanion,
  getMyBalance,
  requestLeave,
  pendingLeave,
  decideLeave,
} from './api/roster';
export { RosterDesk } from './components/roster-desk';
export type { RosterDeskProps } from './components/roster-desk';
export { useRoster } from './hooks/use-roster';
export type { RosterState } from './hooks/use-roster';
