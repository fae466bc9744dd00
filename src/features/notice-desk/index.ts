export { manageNotices } from './api/manage-notices';
export { getNotice } from './api/get-notice';
export { saveNotice, uploadCover } from './api/save-notice';
export * as noticeMoves from './api/notice-moves';
export { checkInFor, getAttendees, markAttendance } from './api/attendees';
export { NoticeDesk } from './components/notice-desk';
export type { NoticeDeskProps } from './components/notice-desk';
export { NoticeEditor } from './components/notice-editor';
export type { NoticeEditorProps } from './components/notice-editor';
export { AttendeesView } from './components/attendees-view';
export type { AttendeesViewProps } from './components/attendees-view';
export { useNoticeDesk } from './hooks/use-notice-desk';
export type { NoticeDeskState } from './hooks/use-notice-desk';
export { useAttendees } from './hooks/use-attendees';
export type { AttendeesState } from './hooks/use-attendees';
export {
  ATTENDEES_PAGE,
  attendeesUrl,
  NOTICE_EDIT_PAGE,
  noticeEditUrl,
  NOTICES_PAGE,
  noticesUrl,
  pageParam,
} from './model/urls';
