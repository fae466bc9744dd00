import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { CommunityAdminDesk } from '@/features/community-admin';
import './index.scss';

/** 社区管理: admins create, edit, archive and restore communities. */
export default function CommunitiesPage() {
  const mode = useElderMode();
  return (
    <AccessibleRoot
      title="社区管理"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-communities-page"
    >
      <CommunityAdminDesk />
    </AccessibleRoot>
  );
}
