import type {
  CallAttempt,
  FollowUpRule,
  FollowUpTask,
  ResidentFollowUp,
  Timeline,
  TimelineEntry,
} from '../../../contract/followup';
import type { CoreDeps } from '../deps';
import { notFound } from '../errors';
import {
  listOf,
  saveJobState,
  stopwatch,
  textOf,
  type JobBudget,
  type JobRun,
  type Stopwatch,
} from '../jobs';
import type {
  CommunityRecord,
  FollowUpRecord,
  FollowUpRuleRecord,
  JobData,
  RoundRecord,
  SuggestionRecord,
} from '../ports';
import { STATUS_WORDS } from '../suggestion/service';
import { roundSteps } from '../suggestion/thread';
import { addDays, todayOf } from '../kernel/week';
import { isoLocal } from '../kernel/time';
import { newId } from '../kernel/ids';
import { calendarOf } from '../kernel/calendar';
import { type Calendar, openEveningOn } from '../kernel/schedule';
import { attendedOn } from '../notice/service';
import { channelOf, contactFor, seniorTask } from './rules';

/** Evenings further back than this are not followed up any more (a missed job catches up within it). */
export const LOOKBACK_DAYS = 7;
/** Notice activities have no service id of their own: their rule is kept under this key. */
export const ACTIVITY_RULE = 'activity';

/** Queue and booking services are called back the next day; activities (group events) are not. */
export function rulesOf(
  community: CommunityRecord,
  saved: Record<string, FollowUpRuleRecord> | null,
): FollowUpRule[] {
  const rules: FollowUpRule[] = community.services
    .filter((s) => s.kind !== 'drop-in')
    .sort((a, b) => a.sort - b.sort)
    .map((s) => ({
      service: s.id,
      name: s.name,
      followUp: saved?.[s.id]?.followUp ?? true,
      delayDays: saved?.[s.id]?.delayDays ?? 1,
    }));
  rules.push({
    service: ACTIVITY_RULE,
    name: '活动通知里的活动',
    followUp: saved?.[ACTIVITY_RULE]?.followUp ?? false,
    delayDays: saved?.[ACTIVITY_RULE]?.delayDays ?? 1,
  });
  return rules;
}

interface Visitor {
  key: string;
  userId: string | null;
  name: string;
  phone: string | null;
  /** [rule key, what they used]. */
  used: Array<[string, string]>;
}

type AddVisit = (
  key: string,
  v: Omit<Visitor, 'key' | 'used'>,
  rule: string,
  label: string,
) => void;

async function ticketVisits(deps: CoreDeps, c: CommunityRecord, date: string, add: AddVisit) {
  for (const s of c.services.filter((x) => x.kind === 'queue')) {
    for (const t of await ((await deps.store.queues.getEvening(c.id, s.id, date))?.tickets ?? [])) {
      if (t.status !== 'done' || !t.userId) continue;
      add(t.userId, { userId: t.userId, name: '', phone: null }, s.id, `${s.name} ${t.label}`);
    }
  }
}

async function bookingVisits(deps: CoreDeps, c: CommunityRecord, date: string, add: AddVisit) {
  for (const b of await deps.store.bookings.listForDate(c.id, date)) {
    if (b.status !== 'completed') continue;
    const name = c.services.find((s) => s.id === b.service)?.name ?? b.service;
    const key = b.userId ?? `booking:${b.id}`;
    add(
      key,
      { userId: b.userId, name: b.name, phone: b.phone },
      b.service,
      `${name} ${b.startsAt}`,
    );
  }
}

async function activityVisits(deps: CoreDeps, c: CommunityRecord, date: string, add: AddVisit) {
  for (const { activity, signUp } of await attendedOn(deps, c.id, date)) {
    if (!signUp.userId) continue;
    const { userId, name } = signUp;
    add(userId, { userId, name, phone: null }, ACTIVITY_RULE, activity.name);
  }
}

/** Who was served on one evening: completed tickets and bookings, attended activities. */
export async function visitorsOn(deps: CoreDeps, community: CommunityRecord, date: string) {
  const visitors = new Map<string, Visitor>();
  const add: AddVisit = (key, v, rule, label) => {
    const found = visitors.get(key) ?? { key, ...v, used: [] };
    found.phone ??= v.phone;
    found.used.push([rule, label]);
    visitors.set(key, found);
  };
  await ticketVisits(deps, community, date, add);
  await bookingVisits(deps, community, date, add);
  await activityVisits(deps, community, date, add);
  return [...visitors.values()];
}

/** The resident's latest consented phone, from their bookings (the only place one is given). */
async function phoneOf(deps: CoreDeps, userId: string) {
  const bookings = await deps.store.bookings.ofUser(userId);
  return bookings.find((b) => b.phone)?.phone ?? null;
}

export const residentName = (r: { name: string; userId: string | null; residentKey?: string }) =>
  r.name || (r.userId ? `居民（尾号 ${r.userId.slice(-4)}）` : '居民');

/**
 * Per run of the follow-up job: at most 100 communities, and none started after 10 s. A community
 * costs a few reads per evening it walks and one transaction per new task, around a second at
 * worst on CloudBase; stopping at 10 s leaves the unit in flight (at worst a task creation waiting
 * out its 6 s conflict budget) room inside the 20 s timeout the followup-timer function is
 * deployed with. Its trigger fires every minute from 09:00 to 10:59: 120 runs, 20 minutes of
 * work, about 1.2 s for each of the 1,000 communities aimed at (most walk one or two evenings).
 */
export const FOLLOW_UP_BUDGET: JobBudget = { units: 100, ms: 10_000 };
/**
 * The admin's "run now" (followup.run) is one slice too, but in an action function, which times
 * out at 10 s: 3 s of work leaves room for the unit in flight.
 */
export const FOLLOW_UP_BY_HAND: JobBudget = { ...FOLLOW_UP_BUDGET, ms: 3_000 };
/**
 * Staff may still record an evening (completions, attendance) the day after, once the morning's
 * run has been: an evening is marked finished only from its second morning on, so those late
 * entries still get their task.
 */
export const SETTLE_DAYS = 2;

/** The day's cursor: { after: the last community finished (id order), finished }. */
const DAY_JOB = 'followups';
/** Per community: { rules: the rules they were decided under, evenings: finished dates }. */
const EVENINGS_JOB = 'followup-evenings';

/** The cursor moves past `id`, unless another run has already gone as far. */
const advanceTo =
  (id: string) =>
  (current: JobData | null): JobData | null => {
    const after = textOf(current, 'after');
    if (current?.finished === true || (after !== null && after >= id)) return null;
    return { after: id, finished: false };
  };

const finishDay = (current: JobData | null): JobData | null =>
  current?.finished === true ? null : { after: textOf(current, 'after'), finished: true };

/**
 * The follow-up job: for each evening of the last week, one task per served resident whose
 * services need a call, due `delayDays` after the evening. Creating is keyed by (community,
 * evening, resident, kind), so running it twice, or after a restart, adds nothing.
 *
 * One run is one slice of the day: communities in id order, resuming after the day's cursor,
 * within `budget`; the cursor moves after each community, so a run killed midway loses at most
 * the community it was on. Once every community is done, a run reads the cursor and stops.
 */
export async function createFollowUps(
  deps: CoreDeps,
  now: Date,
  budget: JobBudget = FOLLOW_UP_BUDGET,
): Promise<JobRun> {
  const watch = stopwatch(deps, budget.ms);
  const ref = { job: DAY_JOB, key: todayOf(now) };
  let cursor = await deps.store.jobs.get(ref.job, ref.key);
  if (cursor?.data.finished === true) return { done: 0, finished: true, remaining: 0 };
  const ids = (await deps.store.communities.list()).map((c) => c.id);
  // Community ids are lower-case ASCII: string order is the stores' id order.
  const left = () => {
    const after = textOf(cursor?.data, 'after');
    return ids.filter((id) => after === null || id > after);
  };
  let done = 0;
  for (let walked = 0; ; walked += 1) {
    const [next] = left();
    if (next === undefined) {
      // Once a day, with the day's calls: companion requests' needs are kept for their evening only.
      await deps.store.rosters.clearNotes(todayOf(now));
      await saveJobState(deps, ref, cursor, finishDay, now);
      return { done, finished: true, remaining: 0 };
    }
    if (walked >= budget.units || watch.over()) break;
    const community = await followUpCommunity(deps, next, now, watch);
    done += community.created;
    // Out of time inside it: the next run starts it again (its tasks so far are kept).
    if (!community.complete) break;
    cursor = await saveJobState(deps, ref, cursor, advanceTo(next), now);
  }
  return { done, finished: false, remaining: left().length };
}

/** A service evening on the calendar: a cancelled one served nobody, an extra one did. */
const isServiceEvening = (calendar: Calendar, date: string) =>
  openEveningOn(calendar, date) !== null;

/** Adds newly finished evenings under `stamp`, forgetting those out of the job's reach. */
const markEvenings =
  (stamp: string, settled: string[], oldest: string) =>
  (current: JobData | null): JobData | null => {
    const kept = textOf(current, 'rules') === stamp ? listOf(current, 'evenings') : [];
    if (settled.every((date) => kept.includes(date))) return null;
    const evenings = [...new Set([...kept, ...settled])].filter((d) => d >= oldest).sort();
    return { rules: stamp, evenings };
  };

/**
 * One community's last week, skipping evenings already finished under the same rules (a rule
 * change makes every evening in reach count again). `complete` is false when time ran out.
 */
async function followUpCommunity(deps: CoreDeps, id: string, now: Date, watch: Stopwatch) {
  const community = await deps.store.communities.get(id);
  if (!community) return { created: 0, complete: true };
  const list = rulesOf(community, await deps.store.followUps.getRules(id));
  const rules = new Map(list.map((r) => [r.service, r]));
  const stamp = JSON.stringify(list.map((r) => [r.service, r.followUp, r.delayDays]));
  const state = await deps.store.jobs.get(EVENINGS_JOB, id);
  const finished = textOf(state?.data, 'rules') === stamp ? listOf(state?.data, 'evenings') : [];
  const today = todayOf(now);
  const calendar = await calendarOf(deps, community, addDays(today, -LOOKBACK_DAYS));
  const settled: string[] = [];
  let created = 0;
  let complete = true;
  for (let back = 1; back <= LOOKBACK_DAYS; back += 1) {
    const date = addDays(today, -back);
    if (finished.includes(date) || !isServiceEvening(calendar, date)) continue;
    const evening = await followUpEvening(deps, community, date, rules, now, watch);
    created += evening.created;
    if (evening.outcome === 'out-of-time') {
      complete = false;
      break;
    }
    if (evening.outcome === 'settled' && back >= SETTLE_DAYS) settled.push(date);
  }
  if (settled.length > 0) {
    const ref = { job: EVENINGS_JOB, key: id };
    const mark = markEvenings(stamp, settled, addDays(today, -LOOKBACK_DAYS));
    await saveJobState(deps, ref, state, mark, now);
  }
  return { created, complete };
}

/**
 * A new task for one visitor; 'later' while what they used is not due yet; null when they will
 * never get one under these rules (nothing to call about, or no way to reach them).
 */
async function taskFor(
  deps: CoreDeps,
  community: CommunityRecord,
  date: string,
  v: Visitor,
  rules: Map<string, FollowUpRule>,
  now: Date,
): Promise<FollowUpRecord | 'later' | null> {
  const called = v.used.filter(([rule]) => rules.get(rule)?.followUp);
  if (called.length === 0) return null;
  const due = addDays(date, Math.max(...called.map(([rule]) => rules.get(rule)!.delayDays)));
  if (todayOf(now) < due) return 'later';
  const noCalls = v.userId ? await noCallsOf(deps, v.userId) : false;
  const known = noCalls ? null : (v.phone ?? (v.userId ? await phoneOf(deps, v.userId) : null));
  const contact = contactFor(known, v.userId, noCalls);
  if (!contact) return null;
  return {
    id: newId(),
    community: community.id,
    date,
    residentKey: v.key,
    userId: v.userId,
    name: v.name,
    phone: contact.phone,
    channel: contact.channel,
    services: called.map(([, label]) => label),
    kind: 'first',
    parentId: null,
    due,
    status: 'open',
    attempts: [],
    result: null,
    closedReason: null,
    suggestionId: null,
    createdAt: now.toISOString(),
    closedAt: null,
  };
}

/** Creates the task; only the run that made it asks the resident in the app. */
async function createTask(deps: CoreDeps, community: CommunityRecord, task: FollowUpRecord) {
  const { created, record } = await deps.store.followUps.create(task);
  if (created && record.channel === 'message' && record.userId) {
    await deps.notifier?.notifyResident({
      userId: record.userId,
      at: record.createdAt,
      kind: 'follow-up-ask',
      community: community.id,
      text: `${community.name}想听听您对 ${record.date.slice(5)} 晚上服务的感受`,
      page: 'package-suggestion/pages/mine/index',
    });
  }
  return created;
}

/**
 * settled: every visitor has a task or never will; open: some task is not due yet; out-of-time:
 * stopped midway (the tasks made so far stay, and a later run skips those residents).
 */
type EveningOutcome = 'settled' | 'open' | 'out-of-time';

async function followUpEvening(
  deps: CoreDeps,
  community: CommunityRecord,
  date: string,
  rules: Map<string, FollowUpRule>,
  now: Date,
  watch: Stopwatch,
): Promise<{ created: number; outcome: EveningOutcome }> {
  if (watch.over()) return { created: 0, outcome: 'out-of-time' };
  // One read instead of a create transaction per resident already followed up.
  const asked = new Set(
    (await deps.store.followUps.ofEvening(community.id, date))
      .filter((t) => t.kind === 'first')
      .map((t) => t.residentKey),
  );
  let created = 0;
  let outcome: EveningOutcome = 'settled';
  for (const v of await visitorsOn(deps, community, date)) {
    if (asked.has(v.key)) continue;
    if (watch.over()) return { created, outcome: 'out-of-time' };
    const task = await taskFor(deps, community, date, v, rules, now);
    if (task === 'later') outcome = 'open';
    if (task === 'later' || task === null) continue;
    if (await createTask(deps, community, task)) created += 1;
  }
  return { created, outcome };
}

const attemptView = (a: FollowUpRecord['attempts'][number]): CallAttempt => ({
  outcome: a.outcome,
  at: isoLocal(new Date(a.at)),
  by: a.by,
});

/** The resident's 不要电话回访 (false before they chose). */
export const noCallsOf = async (deps: CoreDeps, userId: string) =>
  (await deps.store.followUps.contactOf(userId))?.noCalls ?? false;

/** A task as staff see it; for a resident who turned calls off, no number to dial. */
export const taskView = (t: FollowUpRecord, noCalls = false): FollowUpTask => ({
  id: t.id,
  community: t.community,
  date: t.date,
  due: t.due,
  kind: t.kind,
  channel: t.channel,
  status: t.status,
  name: residentName(t),
  resident: t.residentKey,
  phone: noCalls ? null : t.phone,
  services: t.services,
  attempts: t.attempts.map(attemptView),
  result: t.result,
  closedReason: t.closedReason,
  suggestionId: t.suggestionId,
  noCalls,
});

export async function taskOrThrow(deps: CoreDeps, id: string) {
  const task = await deps.store.followUps.get(id);
  if (!task) throw notFound('没有找到这条回访');
  return task;
}

/** A second follow-up by a senior worker after 不满意 or "not solved" (seniorTask). */
export async function escalate(deps: CoreDeps, task: FollowUpRecord, now: Date) {
  const senior = seniorTask(task, newId(), todayOf(now), now);
  if (senior) await deps.store.followUps.create(senior);
}

/** Invitations stay in the app for a week after the call. */
const INVITE_DAYS = 7;

/**
 * Follow-ups waiting for a resident: questions to answer in the app, and recent calls after
 * which a suggestion is welcome. With `only`, just that community's (no read per task).
 */
export async function pendingOf(deps: CoreDeps, userId: string, now: Date, only?: CommunityRecord) {
  const out: ResidentFollowUp[] = [];
  const since = now.getTime() - INVITE_DAYS * 24 * 3600 * 1000;
  const tasks = await deps.store.followUps.ofUser(userId);
  // One read, and only for a resident with an open task: the tonight page calls this too.
  const noCalls = tasks.some((t) => t.status === 'open') && (await noCallsOf(deps, userId));
  for (const t of tasks) {
    if (only && t.community !== only.id) continue;
    const kind = pendingKind(t, since, noCalls);
    if (!kind) continue;
    const community = only ?? (await deps.store.communities.get(t.community));
    out.push({
      id: t.id,
      community: t.community,
      communityName: community?.name ?? t.community,
      date: t.date,
      services: t.services,
      kind,
    });
  }
  return out;
}

/** 'ask': answer in the app; 'invite': a recent call after which a suggestion is welcome. */
function pendingKind(t: FollowUpRecord, since: number, noCalls: boolean) {
  if (channelOf(t, noCalls) === 'message' && t.status === 'open') return 'ask';
  const invite =
    t.status === 'done' &&
    !t.suggestionId &&
    t.closedAt !== null &&
    Date.parse(t.closedAt) >= since;
  return invite ? 'invite' : null;
}

const OUTCOME_WORDS = {
  reached: '已接通',
  'no-answer': '无人接听',
  'wrong-number': '号码错误',
  declined: '居民不愿回访',
} as const;
const SATISFACTION_WORDS = {
  satisfied: '满意',
  mostly: '基本满意',
  unsatisfied: '不满意',
} as const;
const SOLVED_WORDS = { yes: '已解决', partly: '部分解决', no: '未解决' } as const;

/** One task in the thread: the evening's visit, each call attempt, and what the resident said. */
function taskEntries(t: FollowUpRecord): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    {
      kind: 'visit',
      at: `${t.date}T17:00:00+08:00`,
      text: `${t.date} 晚：${t.services.join('、')}`,
    },
  ];
  const label = t.kind === 'senior' ? '复访' : '回访';
  for (const a of t.attempts) {
    const at = isoLocal(new Date(a.at));
    entries.push({
      kind: 'follow-up',
      id: t.id,
      at,
      text: `${label}：${OUTCOME_WORDS[a.outcome]}`,
    });
  }
  if (t.result) {
    const r = t.result;
    const note = r.note ? `（${r.note}）` : '';
    entries.push({
      kind: 'follow-up',
      id: t.id,
      at: isoLocal(new Date(t.closedAt ?? t.createdAt)),
      text: `结果：${SATISFACTION_WORDS[r.satisfaction]}，${SOLVED_WORDS[r.solved]}${note}`,
    });
  }
  return entries;
}

async function suggestionEntries(
  deps: CoreDeps,
  s: SuggestionRecord,
  rounds: RoundRecord[],
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [
    {
      kind: 'suggestion',
      id: s.id,
      at: isoLocal(new Date(s.createdAt)),
      text: `建议 ${s.receipt}：${s.text}`,
    },
  ];
  if (s.reply && s.answeredAt) {
    entries.push({
      kind: 'reply',
      id: s.id,
      at: isoLocal(new Date(s.answeredAt)),
      text: `${STATUS_WORDS[s.status]}：${s.reply}`,
    });
  }
  // The same 居民点单 steps as the author's thread in 我的建议.
  for (const { kind, at, text } of roundSteps(s, rounds)) {
    if (kind === 'round' || kind === 'menu') entries.push({ kind, at, text, id: s.id });
  }
  const change = s.changeId ? await deps.store.suggestions.getChange(s.changeId) : null;
  if (change) {
    entries.push({
      kind: 'change',
      id: change.id,
      at: isoLocal(new Date(change.createdAt)),
      text: `改进：${change.title}（${change.since} 起）`,
    });
  }
  return entries;
}

/** One resident's thread in one community: visits → calls → suggestions → replies → changes. */
export async function timelineOf(
  deps: CoreDeps,
  community: string,
  resident: string,
): Promise<Timeline> {
  // Staff-made bookings have no user: their thread is the task alone.
  const known = !resident.startsWith('booking:');
  const tasks = (known ? await deps.store.followUps.ofUser(resident) : []).filter(
    (t) => t.community === community,
  );
  const suggestions = (known ? await deps.store.suggestions.ofUser(resident) : []).filter(
    (s) => s.community === community,
  );
  const entries = tasks.flatMap(taskEntries);
  // Rounds are read once, and only for a resident who made suggestions.
  const rounds = suggestions.length ? await deps.store.surveys.rounds(community) : [];
  for (const s of suggestions) entries.push(...(await suggestionEntries(deps, s, rounds)));
  entries.sort((a, b) => a.at.localeCompare(b.at));
  const first = tasks[0];
  return {
    resident,
    name: first ? residentName(first) : `居民（尾号 ${resident.slice(-4)}）`,
    entries,
  };
}
