import type { SignUpRecord } from '../ports';

/** "居民（尾号 3f9a）" when a resident gave no name: staff still tell two apart at the door. */
export const displayName = (s: SignUpRecord) =>
  s.name || (s.userId ? `居民（尾号 ${s.userId.slice(-4)}）` : '现场登记');
