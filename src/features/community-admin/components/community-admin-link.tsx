import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';

/** The admin's page of communities (package-staff subpackage). */
export const COMMUNITIES_PAGE = '/package-staff/pages/communities/index';

/** 社区管理 on the staff home, for admins. */
export function CommunityAdminLink() {
  return (
    <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: COMMUNITIES_PAGE })}>
      社区管理（新建、编辑、停用社区）
    </BigButton>
  );
}
