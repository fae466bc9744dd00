import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { BoardLink } from '@/features/board/staff-entry';
import { BookingDeskLink } from '@/features/booking-desk';
import { CommunityAdminLink } from '@/features/community-admin';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { QueueDeskLinks } from '@/features/queue-desk';
import { IdentityCard, InvitePanel, RedeemForm, SignOutButton, useMe } from '@/features/staff';
import { VOLUNTEER_PAGE } from '@/features/volunteer';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';
import { errorMessage } from '@/lib/gateway';
import type { Remote } from '@/hooks/use-remote';
import type { CommunitySummary, Identity } from '@/types/contract';
import './index.scss';

export default function StaffSignInPage() {
  const mode = useElderMode();
  const me = useMe();
  const communities = useCommunities();
  // Back from 社区管理: a community the admin just made is offered for invites and desks at once.
  useReloadOnShow(communities.reload);
  // A successful redeem answers with the new identity; no need to ask staff.me again.
  const [identity, setIdentity] = useState<Identity | null>(null);
  useEffect(() => {
    if (me.data) setIdentity(me.data);
  }, [me.data]);

  let body;
  if (identity) {
    body = (
      <>
        <IdentityCard identity={identity} communities={communities.data} />
        {identity.volunteerOf?.length ? (
          <BigButton onClick={() => void Taro.navigateTo({ url: VOLUNTEER_PAGE })}>
            我的志愿服务
          </BigButton>
        ) : null}
        {identity.role === 'resident' || identity.role === 'volunteer' ? null : (
          <QueueDeskLinks
            identity={identity}
            communities={communities.data}
            title="叫号台和预约管理"
            renderExtra={(tonight) => (
              <>
                <BookingDeskLink tonight={tonight} />
                <BoardLink community={tonight.community} />
              </>
            )}
          />
        )}
        <RedeemForm onRedeemed={setIdentity} />
        {identity.role === 'admin' ? <AdminSection communities={communities} /> : null}
        {identity.role === 'resident' || identity.role === 'volunteer' ? null : (
          <SignOutButton onSignedOut={setIdentity} />
        )}
      </>
    );
  } else if (me.error) {
    body = <ErrorState message={errorMessage(me.error)} onRetry={() => void me.reload()} />;
  } else {
    body = <LoadingState />;
  }

  return (
    <AccessibleRoot
      title="工作人员"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-staff-page"
    >
      <View className="bdb-staff-page__body">{body}</View>
    </AccessibleRoot>
  );
}

function AdminSection({ communities }: { communities: Remote<CommunitySummary[]> }) {
  return (
    <>
      <CommunityAdminLink />
      <InvitesSection communities={communities} />
    </>
  );
}

function InvitesSection({ communities }: { communities: Remote<CommunitySummary[]> }) {
  if (communities.data) return <InvitePanel communities={communities.data} />;
  if (communities.error) {
    return (
      <ErrorState
        message={errorMessage(communities.error)}
        onRetry={() => void communities.reload()}
      />
    );
  }
  return <LoadingState text="正在加载社区列表…" />;
}
