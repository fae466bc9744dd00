import type { Role } from '@/types/contract';

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  volunteer: '志愿者',
  staff: '社工',
  admin: '管理员',
};
