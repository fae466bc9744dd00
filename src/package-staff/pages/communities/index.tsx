import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { BoardLink } from '@/features/board/staff-entry';
import { CommunityAdminDesk } from '@/features/community-admin';
import './index.scss';

/** 社区管理: admins create, edit, archive and restore communities, and find each one's TV board. */
export default function CommunitiesPage() {
  const mode = useElderMode();
  return (
    <AccessibleRoot
      title="社区管理"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-communities-page"
    >
      <CommunityAdminDesk renderRowExtra={(c) => <BoardLink community={c} />} />
    </AccessibleRoot>
  );
}
