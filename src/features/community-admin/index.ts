export {
  archiveCommunity,
  createCommunity,
  manageCommunities,
  updateCommunity,
  useManagedCommunities,
} from './api/communities';
export { CommunityAdminDesk } from './components/community-admin-desk';
export type { CommunityAdminDeskProps } from './components/community-admin-desk';
export { CommunityAdminLink, COMMUNITIES_PAGE } from './components/community-admin-link';
