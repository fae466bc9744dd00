import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips, FeedbackLine } from '@/components/desk-parts/desk-parts';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { useDeskRun } from '@/hooks/use-desk-run';
import { useRemote } from '@/hooks/use-remote';
import { a11y } from '@/lib/a11y';
import { call, errorMessage } from '@/lib/gateway';
import { formatDate } from '@/lib/shanghai-time';
import type { Tonight, Volunteer, VolunteerHome, VolunteerShift } from '@/types/contract';
import {
  cancelSignUp,
  getVolunteerDesk,
  getVolunteerHome,
  signUpToServe,
  volunteerCallNext,
} from '../api/volunteer';
import { hoursText } from '../model/volunteer-urls';
import { ConfirmStep } from './confirm-step';
import '@/components/desk-parts/desk-forms.scss';

const getTonight = (community: string): Promise<Tonight> =>
  call('community.tonight', { community });

export interface VolunteerHomeViewProps {
  /** Community names by id; ids while they load. */
  names: Record<string, string>;
}

/**
 * 我的志愿服务: per community, the service I serve tonight (its line: 叫下一位) and signing up for
 * an evening; then my hours. A volunteer sees no names or phones of residents.
 */
export function VolunteerHomeView({ names }: VolunteerHomeViewProps) {
  const home = useRemote('me', getVolunteerHome);
  const desk = useDeskRun(home.reload);
  if (!home.data) {
    return home.error ? (
      <ErrorState message={errorMessage(home.error)} onRetry={() => void home.reload()} />
    ) : (
      <LoadingState text="正在加载我的志愿服务…" />
    );
  }
  const data: VolunteerHome = home.data;
  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">我的志愿服务</Text>
      <FeedbackLine feedback={desk.feedback} />
      {data.memberships.length === 0 ? (
        <EmptyState text="你还不是志愿者。请向社区社工要志愿者邀请码，在“工作人员入口”输入。" />
      ) : null}
      {data.memberships.map((m) => (
        <Membership
          key={m.community}
          member={m}
          name={names[m.community] ?? m.community}
          upcoming={data.upcoming.filter((s) => s.community === m.community)}
          run={desk}
        />
      ))}
      <View className="bdb-desk-section">
        <Text className="bdb-desk-section__title">{`我的志愿时长：${hoursText(data.totalMinutes)}`}</Text>
        {data.past.length === 0 ? (
          <Text className="bdb-desk-section__hint">社工登记时长后，这里会列出每一次服务</Text>
        ) : null}
        {data.past.map((s) => (
          <Text key={s.id} className="bdb-desk-card__line">
            {`${formatDate(s.date)} ${s.serviceName} ${hoursText(s.minutes ?? 0)}`}
          </Text>
        ))}
      </View>
    </View>
  );
}

interface MembershipProps {
  member: Volunteer;
  name: string;
  upcoming: VolunteerShift[];
  run: ReturnType<typeof useDeskRun>;
}

function Membership({ member, name, upcoming, run }: MembershipProps) {
  const tonight = useRemote(member.community, getTonight);
  const today = tonight.data?.date ?? null;
  const tonightShift = upcoming.find((s) => s.date === today) ?? null;
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">
        {`${name} 志愿者 · ${member.orgName ?? '个人志愿者'}`}
      </Text>
      {tonightShift ? <ServeTonight shift={tonightShift} run={run} /> : null}
      {upcoming.map((s) => (
        <View key={s.id} className="bdb-desk-card">
          <Text className="bdb-desk-card__line">{`已报名：${formatDate(s.date)} ${s.serviceName}`}</Text>
          {today !== null && s.date > today ? (
            <ConfirmStep
              action="取消报名"
              label={`取消 ${formatDate(s.date)} ${s.serviceName} 的报名`}
              question={`取消 ${formatDate(s.date)} ${s.serviceName} 的志愿服务报名？`}
              yes="确认取消报名"
              busy={run.busy}
              onYes={() =>
                run.run(() => cancelSignUp(s.id), {
                  done: () => `已取消 ${formatDate(s.date)} 的报名`,
                })
              }
            />
          ) : null}
        </View>
      ))}
      {tonight.data ? (
        <SignUpForm tonight={tonight.data} run={run} />
      ) : (
        <LoadingState text="正在读取服务项目…" />
      )}
    </View>
  );
}

/** The line I serve tonight: labels and counts only, and 叫下一位 (the one at the desk is served). */
function ServeTonight({ shift, run }: { shift: VolunteerShift; run: MembershipProps['run'] }) {
  const desk = useRemote(shift.community, getVolunteerDesk);
  const line = desk.data?.line ?? null;
  const callNext = () =>
    void run
      .run(() => volunteerCallNext(shift.community), {
        done: (d) => (d.line?.nowCalling ? `已叫 ${d.line.nowCalling}` : '已服务完'),
      })
      .then(() => desk.reload());
  return (
    <View className="bdb-desk-card">
      <Text className="bdb-desk-card__name">{`今晚我服务：${shift.serviceName}`}</Text>
      {desk.error ? <Text className="bdb-desk-card__line">{errorMessage(desk.error)}</Text> : null}
      {line ? (
        <>
          <Text className="bdb-desk-card__line">
            {`正在服务：${line.nowCalling ?? '无'} · 等候 ${line.waiting} 人`}
          </Text>
          <BigButton disabled={run.busy} onClick={callNext} label="叫下一位（当前这位已服务完）">
            叫下一位
          </BigButton>
        </>
      ) : (
        <Text className="bdb-desk-card__line">这项服务不用叫号，请按现场社工安排服务居民</Text>
      )}
    </View>
  );
}

/** 报名服务: an evening (tonight or the next one by default) and one of the community's services. */
function SignUpForm({ tonight, run }: { tonight: Tonight; run: MembershipProps['run'] }) {
  const first = tonight.serviceEvening
    ? tonight.date
    : (tonight.nextOpening?.slice(0, 10) ?? tonight.date);
  const [date, setDate] = useState(first);
  const [service, setService] = useState<string | null>(null);
  const submit = () => {
    if (!service) return;
    void run.run(() => signUpToServe(tonight.community.id, date, service), {
      done: (s) => `已报名 ${formatDate(s.date)} ${s.serviceName}`,
    });
  };
  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">报名服务</Text>
      <Picker mode="date" value={date} onChange={(e) => setDate(String(e.detail.value))}>
        <View className="bdb-desk-form__picker" {...a11y({ label: `服务日期 ${date}` })}>
          {`${formatDate(date)}（点这里换一天）`}
        </View>
      </Picker>
      <ChoiceChips
        label="服务项目"
        choices={tonight.services.map((s) => ({ value: s.id, text: s.name }))}
        value={service}
        disabled={run.busy}
        onChange={setService}
      />
      <BigButton disabled={run.busy || !service} onClick={submit}>
        报名这一晚
      </BigButton>
    </View>
  );
}
