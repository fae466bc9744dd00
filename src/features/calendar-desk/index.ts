export * from './entry';
export { CalendarDesk } from './components/calendar-desk';
export type { CalendarDeskProps } from './components/calendar-desk';
export { useCalendar } from './hooks/use-calendar';
