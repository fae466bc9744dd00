import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceChips, FeedbackLine } from '@/components/desk-parts/desk-parts';
import { EmptyState, LoadingState } from '@/components/load-state/load-state';
import { TextField } from '@/components/text-field/text-field';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useRemote } from '@/hooks/use-remote';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { saveCsv } from '@/lib/save-csv';
import { formatDate, formatDayTime } from '@/lib/shanghai-time';
import type { Org, OrgKind, VolunteerInvite, VolunteerShift } from '@/types/contract';
import {
  exportVolunteerHours,
  getOrgs,
  getVolunteerEvening,
  getVolunteerInvites,
  getVolunteers,
  inviteVolunteer,
  logVolunteerHours,
  saveOrg,
} from '../api/volunteer';
import { hoursText, minutesOf, volunteersUrl } from '../model/volunteer-urls';
import { OpenVolunteerInvites, VolunteerMembers } from './volunteer-members';
import '@/components/desk-parts/desk-forms.scss';

const KINDS: OrgKind[] = ['志愿服务队', '社会组织', '其他'];

export interface VolunteersDeskProps {
  community: string;
  communityName: string;
  /** The evening whose sign-ups and hours are shown; null while it is worked out. */
  date: string | null;
  onDate: (date: string) => void;
}

/**
 * 志愿者与组织: partner organisations, volunteer invites (open ones can be cancelled), the
 * volunteers (each can be revoked), an evening's hours, CSV.
 */
export function VolunteersDesk({ community, communityName, date, onDate }: VolunteersDeskProps) {
  const orgs = useRemote(community, getOrgs);
  const volunteers = useRemote(community, getVolunteers);
  const invites = useRemote(community, getVolunteerInvites);
  const eveningKey = date ? `${community}|${date}` : null;
  const evening = useRemote(eveningKey, (key) => {
    const [c, d] = key.split('|') as [string, string];
    return getVolunteerEvening(c, d);
  });
  const desk = useDeskRun(async () =>
    Promise.all([orgs.reload(), volunteers.reload(), invites.reload(), evening.reload()]),
  );
  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">{`${communityName} 志愿者与组织`}</Text>
      <FeedbackLine feedback={desk.feedback} />
      <OrgSection community={community} orgs={orgs.data} error={orgs.error} run={desk} />
      <InviteSection community={community} orgs={orgs.data ?? []} run={desk} />
      <OpenVolunteerInvites
        community={community}
        invites={invites.data}
        error={invites.error}
        run={desk}
      />
      <VolunteerMembers
        community={community}
        communityName={communityName}
        volunteers={volunteers.data}
        run={desk}
      />
      {date ? (
        <HoursSection
          community={community}
          date={date}
          onDate={onDate}
          shifts={evening.data}
          run={desk}
        />
      ) : null}
    </View>
  );
}

interface OrgSectionProps {
  community: string;
  orgs: Org[] | null;
  error: unknown;
  run: DeskRun;
}

function OrgSection({ community, orgs, error, run }: OrgSectionProps) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrgKind>('志愿服务队');
  const [contact, setContact] = useState('');
  const add = async () => {
    const result = await run.run(() => saveOrg({ community, name, kind, contact }), {
      done: (o) => `已添加 ${o.name}`,
    });
    if (result.ok) {
      setName('');
      setContact('');
    }
  };
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">合作组织</Text>
      {error ? <Text className="bdb-desk-section__hint">{errorMessage(error)}</Text> : null}
      {orgs === null && !error ? <LoadingState text="正在加载合作组织…" /> : null}
      {orgs?.length === 0 ? <EmptyState text="还没有合作组织" /> : null}
      {(orgs ?? []).map((o) => (
        <Text key={o.id} className="bdb-desk-card__line">
          {`${o.name}（${o.kind}）${o.contact ? ` · 联系：${o.contact}` : ''}`}
        </Text>
      ))}
      <View className="bdb-desk-form">
        <TextField label="组织名称" value={name} onInput={setName} maxlength={40} />
        <ChoiceChips
          label="组织类型"
          choices={KINDS.map((k) => ({ value: k, text: k }))}
          value={kind}
          onChange={setKind}
        />
        <TextField
          label="联系人和电话"
          hint="只有社工能看到"
          value={contact}
          onInput={setContact}
          maxlength={60}
        />
        <BigButton disabled={run.busy || name.trim() === ''} onClick={() => void add()}>
          添加组织
        </BigButton>
      </View>
    </View>
  );
}

function InviteSection({ community, orgs, run }: { community: string; orgs: Org[]; run: DeskRun }) {
  const [name, setName] = useState('');
  const [org, setOrg] = useState<string>('');
  const [made, setMade] = useState<VolunteerInvite | null>(null);
  const invite = async () => {
    const result = await run.run(
      () => inviteVolunteer({ community, name, ...(org ? { org } : {}) }),
      { done: (i) => `已为 ${i.name} 生成邀请码` },
    );
    if (result.ok) {
      setMade(result.value);
      setName('');
    }
  };
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">邀请志愿者</Text>
      <View className="bdb-desk-form">
        <TextField
          label="志愿者称呼"
          hint="名单和时长表上用这个称呼"
          value={name}
          onInput={setName}
          maxlength={20}
        />
        <ChoiceChips
          label="所属组织"
          choices={[
            { value: '', text: '个人' },
            ...orgs.map((o) => ({ value: o.id, text: o.name })),
          ]}
          value={org}
          onChange={setOrg}
        />
        <BigButton disabled={run.busy || name.trim() === ''} onClick={() => void invite()}>
          生成志愿者邀请码
        </BigButton>
      </View>
      {made ? (
        <View className="bdb-desk-card" {...a11y({ role: 'status' })}>
          <Text className="bdb-desk-card__name">{made.code}</Text>
          <Text className="bdb-desk-card__line">
            {`${made.name}（${made.orgName ?? '个人'}）在“工作人员入口”输入这个邀请码；有效期至 ${formatDayTime(made.expiresAt)}`}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

interface HoursSectionProps {
  community: string;
  date: string;
  onDate: (date: string) => void;
  shifts: VolunteerShift[] | null;
  run: DeskRun;
}

/** The month of `date`: the CSV's range. */
const monthOf = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    from: `${date.slice(0, 8)}01`,
    to: `${date.slice(0, 8)}${String(last).padStart(2, '0')}`,
  };
};

function HoursSection({ community, date, onDate, shifts, run }: HoursSectionProps) {
  const exportCsv = () => {
    const { from, to } = monthOf(date);
    void run.run(
      async () => saveCsv(await exportVolunteerHours(community, from, to), { sheet: '志愿时长' }),
      { done: (said) => said, reload: false },
    );
  };
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">志愿时长</Text>
      <Picker mode="date" value={date} onChange={(e) => onDate(String(e.detail.value))}>
        <View className="bdb-desk-form__picker" {...a11y({ label: `服务日期 ${date}` })}>
          {`${formatDate(date)}（点这里换一天）`}
        </View>
      </Picker>
      {shifts === null ? <LoadingState text="正在加载报名…" /> : null}
      {shifts?.length === 0 ? <EmptyState text="这一晚没有志愿者报名" /> : null}
      {(shifts ?? []).map((s) => (
        <HoursCard key={s.id} shift={s} run={run} />
      ))}
      <BigButton variant="secondary" disabled={run.busy} onClick={exportCsv}>
        导出本月志愿时长 CSV
      </BigButton>
    </View>
  );
}

function HoursCard({ shift: s, run }: { shift: VolunteerShift; run: DeskRun }) {
  const [hours, setHours] = useState(s.minutes === null ? '' : String(s.minutes / 60));
  const [error, setError] = useState<string | null>(null);
  const log = () => {
    const minutes = minutesOf(hours);
    setError(minutes === null ? '请填 0.1 到 10 之间的小时数，例如 3 或 2.5' : null);
    if (minutes === null) return;
    void run.run(() => logVolunteerHours(s.id, minutes), {
      done: (d) => `已登记 ${d.name} ${hoursText(d.minutes ?? 0)}`,
    });
  };
  return (
    <View className="bdb-desk-card">
      <Text className="bdb-desk-card__name">{`${s.name} · ${s.orgName ?? '个人'}`}</Text>
      <Text className="bdb-desk-card__line">
        {`${s.serviceName} · ${s.minutes === null ? '时长未登记' : `已登记 ${hoursText(s.minutes)}`}`}
      </Text>
      <TextField
        label={`${s.name} 的服务小时数`}
        value={hours}
        onInput={setHours}
        type="digit"
        size="short"
        error={error}
      />
      <BigButton
        variant="secondary"
        disabled={run.busy}
        onClick={log}
        label={`登记 ${s.name} 的志愿时长`}
      >
        登记时长
      </BigButton>
    </View>
  );
}

/** On the roster page: who volunteers that evening, and the way to 志愿者与组织. */
export function VolunteerRoster({ community, date }: { community: string; date: string | null }) {
  const key = date ? `${community}|${date}` : null;
  const evening = useRemote(key, (k) => {
    const [c, d] = k.split('|') as [string, string];
    return getVolunteerEvening(c, d);
  });
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">{`志愿者（${evening.data?.length ?? 0} 人）`}</Text>
      {evening.error ? (
        <Text className="bdb-desk-section__hint">{errorMessage(evening.error)}</Text>
      ) : null}
      {evening.data?.length === 0 ? (
        <Text className="bdb-desk-section__hint">这一晚没有志愿者报名</Text>
      ) : null}
      {(evening.data ?? []).map((s) => (
        <Text key={s.id} className="bdb-desk-card__line">
          {`${s.name}（${s.orgName ?? '个人'}）· ${s.serviceName}`}
        </Text>
      ))}
      <BigButton
        variant="secondary"
        onClick={() => void Taro.navigateTo({ url: volunteersUrl(community) })}
      >
        志愿者与组织
      </BigButton>
    </View>
  );
}
