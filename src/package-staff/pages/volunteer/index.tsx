import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { VolunteerHomeView } from '@/features/volunteer';

/** 我的志愿服务 (#16): what I serve tonight, signing up for an evening, my hours. */
export default function VolunteerPage() {
  const mode = useElderMode();
  const communities = useCommunities();
  const names = useMemo(
    () => Object.fromEntries((communities.data ?? []).map((c) => [c.id, c.name])),
    [communities.data],
  );
  return (
    <AccessibleRoot title="我的志愿服务" elder={mode.elder} fontFactor={mode.fontFactor}>
      <VolunteerHomeView names={names} />
    </AccessibleRoot>
  );
}
