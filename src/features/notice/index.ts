export * from './entry';
export { getNotice, useNotice } from './api/get-notice';
export { listNotices, useNoticeList } from './api/list-notices';
export { getMySignUps, useMySignUps } from './api/my-sign-ups';
export { cancelSignUp, checkIn, signUp } from './api/sign-up';
export { ActivityCard } from './components/activity-card';
export type { ActivityCardProps } from './components/activity-card';
export { CheckInPanel } from './components/check-in-panel';
export type { CheckInPanelProps } from './components/check-in-panel';
export { MyActivityList } from './components/my-activity-list';
export type { MyActivityListProps } from './components/my-activity-list';
export { NoticeDetail } from './components/notice-detail';
export type { NoticeDetailProps } from './components/notice-detail';
export { NOTICE_TABS, NoticeTabs } from './components/notice-tabs';
export type { NoticeTab, NoticeTabsProps } from './components/notice-tabs';
export { useActivityActions } from './hooks/use-activity-actions';
export type { ActivityAction, ActivityActions } from './hooks/use-activity-actions';
export { useNoticeDetail } from './hooks/use-notice-detail';
export type { NoticeDetailState } from './hooks/use-notice-detail';
export { checkInParams, codeProblem, normalizeCode } from './model/check-in';
export { splitMine } from './model/my-activities';
export {
  activityWhen,
  isActive,
  mineText,
  placesText,
  SIGN_UP_WORDS,
  timeRange,
  tonightLine,
  weekText,
} from './model/notice-text';
