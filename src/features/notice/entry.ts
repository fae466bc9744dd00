/**
 * The part of the notice feature the tonight page uses. It is the only part in the weapp main
 * package (which residents download first, and WeChat caps): importing index.ts there instead
 * would pull the list, detail and check-in screens out of the package-notice subpackage.
 */
export { NoticeCard } from './components/notice-card';
export type { NoticeCardProps } from './components/notice-card';
export { NoticeSection } from './components/notice-section';
export type { NoticeSectionProps } from './components/notice-section';
export { NoticeTags } from './components/notice-tags';
export type { NoticeTagsProps } from './components/notice-tags';
export {
  CHECK_IN_PAGE,
  NOTICE_DETAIL_PAGE,
  NOTICE_LIST_PAGE,
  noticeDetailUrl,
  noticeListUrl,
} from './model/urls';
