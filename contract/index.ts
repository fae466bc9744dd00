export type * from './envelope';
export type * from './community';
export type * from './staff';
export type * from './queue';
export type * from './booking';
export type * from './actions';
export type * from './notice';
export type * from './followup';
