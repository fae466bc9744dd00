/**
 * The cloud host's Notifier: WeChat subscription messages (订阅消息) through
 * `cloud.openapi.subscribeMessage.send`. The calling function's config.json must declare the
 * `subscribeMessage.send` openapi permission (scripts/build-cloud.ts keeps it for `queue`,
 * `booking`, `notice`, `followup`, `suggestion` and the `booking-reminder` and `followup-timer`
 * timers).
 *
 * Configuration (cloud function environment variables):
 * - TMPL_QUEUE_THREE_AHEAD, TMPL_QUEUE_YOUR_TURN (queue alerts), TMPL_BOOKING_PROMOTED,
 *   TMPL_BOOKING_REMINDER (booking notices), TMPL_ACTIVITY_PROMOTED (an activity's waitlist),
 *   TMPL_FOLLOW_UP (follow-up questions and invitations, suggestion status): template ids from
 *   公众平台 → 订阅消息. Unset: that kind of message is skipped, with one warning per kind and
 *   container.
 * - MP_STATE: which mini-program version the message opens: 'developer', 'trial' or 'formal'
 *   (default).
 *
 * A resident only receives a message after tapping "subscribe" for that template in the
 * mini-program (one message per tap); without it WeChat answers 43101 and the alert is dropped.
 */
import type { Booking } from '../../../contract/booking';
import type { AlertKind } from '../../../contract/queue';
import type { ActivityAlert, Alert, BookingAlert, Notifier, ResidentAlert } from '../../core/ports';
import { local } from '../../core/kernel/time';

type BookingAlertKind = BookingAlert['kind'];
type ActivityAlertKind = ActivityAlert['kind'];

export type MiniprogramState = 'developer' | 'trial' | 'formal';

/** The request `cloud.openapi.subscribeMessage.send` takes (cloud-call parameter names). */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: MiniprogramState;
}

export type SendSubscribeMessage = (message: SubscribeMessage) => Promise<unknown>;

/** Environment variable holding each alert's template id. */
export const TEMPLATE_ENV: Record<AlertKind, string> = {
  'three-ahead': 'TMPL_QUEUE_THREE_AHEAD',
  'your-turn': 'TMPL_QUEUE_YOUR_TURN',
};

/** Environment variable holding each booking notice's template id. */
export const BOOKING_TEMPLATE_ENV: Record<BookingAlertKind, string> = {
  'booking-promoted': 'TMPL_BOOKING_PROMOTED',
  'booking-reminder': 'TMPL_BOOKING_REMINDER',
};

/** Environment variable holding each activity notice's template id. */
export const ACTIVITY_TEMPLATE_ENV: Record<ActivityAlertKind, string> = {
  'activity-promoted': 'TMPL_ACTIVITY_PROMOTED',
};

/**
 * Environment variable holding the template of every follow-up and suggestion message: one
 * template (a line of text and a time) serves all three kinds.
 */
export const RESIDENT_TEMPLATE_ENV: Record<ResidentAlert['kind'], string> = {
  'follow-up-ask': 'TMPL_FOLLOW_UP',
  'follow-up-invite': 'TMPL_FOLLOW_UP',
  'suggestion-status': 'TMPL_FOLLOW_UP',
  'evening-cancelled': 'TMPL_FOLLOW_UP',
};

/** WeChat's limits per keyword type: thing ≤ 20 characters, character_string and number ≤ 32. */
const clip = (value: string, max: number) => Array.from(value).slice(0, max).join('');

const tip = ({ kind, ticket }: Alert) => {
  if (kind === 'your-turn') return '轮到您了，请到服务台';
  return ticket.ahead > 0
    ? `前面还有${ticket.ahead}位，请回到服务台附近`
    : '下一位就是您，请回到服务台附近';
};

/**
 * THE keyword table, shared by both templates: when choosing the two templates in 公众平台, pick
 * (or ask for) ones whose keywords are exactly these, in this order; if the chosen templates
 * number their keywords differently, change the keys here and nowhere else.
 *
 * | keyword           | value                          | example                      |
 * |-------------------|--------------------------------|------------------------------|
 * | character_string1 | ticket label (排队号)           | A007                         |
 * | thing2            | line name (排队项目), ≤ 20 chars | 图书阅览                     |
 * | number3           | waiting residents ahead (前方人数) | 3 (0 for your-turn)       |
 * | thing4            | tip (温馨提示), ≤ 20 chars       | 前面还有3位，请回到服务台附近 |
 */
export const TEMPLATE_DATA: Readonly<Record<string, (alert: Alert) => string>> = {
  character_string1: ({ ticket }) => clip(ticket.label, 32),
  thing2: ({ ticket }) => clip(ticket.queueName, 20),
  number3: ({ ticket }) => String(ticket.ahead),
  thing4: (alert) => clip(tip(alert), 20),
};

/**
 * Where a tap on the message lands: the resident's ticket, with its community, so the page's
 * one call reads that community's lines only.
 */
export const ticketPage = (ticketId: string, community: string) =>
  `pages/ticket/index?id=${encodeURIComponent(ticketId)}&c=${encodeURIComponent(community)}`;

const THING_MAX = 20;

/**
 * The reminder's tip: what to bring, as many whole items as fit in one thing keyword
 * ("今晚记得来，请带上：身份证、户口本", "等" when some are left out); without a list, be on time.
 */
export function reminderTip(bring: readonly string[]): string {
  if (bring.length === 0) return '今晚记得来，请按时到达';
  for (let n = bring.length; n > 0; n -= 1) {
    const more = n < bring.length ? '等' : '';
    const tip = `今晚记得来，请带上：${bring.slice(0, n).join('、')}${more}`;
    if (Array.from(tip).length <= THING_MAX) return tip;
  }
  return '今晚记得来，请带齐材料';
}

const bookingTip = ({ kind, booking }: BookingAlert) =>
  kind === 'booking-promoted' ? '候补成功，请按时到达' : reminderTip(booking.bring);

/** "2026-12-02 17:30": the slot's start in Asia/Shanghai, as WeChat's time keyword takes it. */
const slotTime = (booking: Booking) => `${booking.date} ${booking.startsAt}`;

/**
 * THE keyword table of both booking templates (候补成功通知, 预约提醒), like TEMPLATE_DATA for the
 * queue: pick templates whose keywords are exactly these, or change the keys here only.
 *
 * | keyword | value                                   | example                                 |
 * |---------|-----------------------------------------|-----------------------------------------|
 * | thing1  | service name (预约项目), ≤ 20 chars      | 政务服务                                |
 * | time2   | slot start (预约时间), Asia/Shanghai     | 2026-12-02 17:30                        |
 * | thing3  | tip (温馨提示), ≤ 20 chars               | promoted: 候补成功，请按时到达          |
 * |         |                                         | reminder: 今晚记得来，请带上：身份证    |
 */
export const BOOKING_TEMPLATE_DATA: Readonly<Record<string, (alert: BookingAlert) => string>> = {
  thing1: ({ booking }) => clip(booking.serviceName, THING_MAX),
  time2: ({ booking }) => slotTime(booking),
  thing3: (alert) => clip(bookingTip(alert), THING_MAX),
};

/** Where a tap on a booking notice lands: the booking in the resident's list. */
export const bookingPage = (bookingId: string) =>
  `package-booking/pages/mine/index?id=${encodeURIComponent(bookingId)}`;

/**
 * THE keyword table of the activity template (活动候补成功通知), like the others: pick a template
 * whose keywords are exactly these, or change the keys here only.
 *
 * | keyword | value                                 | example              |
 * |---------|---------------------------------------|----------------------|
 * | thing1  | activity name (活动名称), ≤ 20 chars   | 书法体验课           |
 * | time2   | activity start (活动时间), Asia/Shanghai | 2026-12-02 18:30   |
 * | thing3  | place (活动地点), ≤ 20 chars           | 二楼活动室           |
 * | thing4  | tip (温馨提示), ≤ 20 chars             | 候补成功，请按时参加 |
 */
export const ACTIVITY_TEMPLATE_DATA: Readonly<Record<string, (alert: ActivityAlert) => string>> = {
  thing1: ({ activity }) => clip(activity.name, THING_MAX),
  time2: ({ activity }) => `${activity.date} ${activity.startsAt}`,
  thing3: ({ activity }) => clip(activity.place, THING_MAX),
  thing4: () => '候补成功，请按时参加',
};

/** Where a tap on an activity notice lands: the notice with the activity. */
export const noticePage = (noticeId: string) =>
  `package-notice/pages/detail/index?id=${encodeURIComponent(noticeId)}`;

/** Free text in a thing keyword: whole when it fits, else cut with "…" so it reads as cut. */
const shortText = (value: string) =>
  Array.from(value).length <= THING_MAX ? value : `${clip(value, THING_MAX - 1)}…`;

/**
 * THE keyword table of the follow-up template (回访与建议进度通知), like the others: pick a template
 * whose keywords are exactly these, or change the keys here only.
 *
 * | keyword | value                                      | example                        |
 * |---------|--------------------------------------------|--------------------------------|
 * | thing1  | what happened (通知内容), ≤ 20 chars, cut "…" | 您的建议 JS-1202-003 已采纳     |
 * | time2   | when it was sent (通知时间), Asia/Shanghai   | 2026-12-03 09:00               |
 */
export const RESIDENT_TEMPLATE_DATA: Readonly<Record<string, (alert: ResidentAlert) => string>> = {
  thing1: ({ text }) => shortText(text),
  time2: ({ at }) => local(at).format('YYYY-MM-DD HH:mm'),
};

const STATES: ReadonlySet<string> = new Set<MiniprogramState>(['developer', 'trial', 'formal']);

/** What WeChat's most common refusals mean, for the log. */
const KNOWN_ERRORS: Record<number, string> = {
  43101: 'the resident has no subscription for this template (refused, or already used)',
  47003:
    'template data does not match the template keywords (see TEMPLATE_DATA, BOOKING_TEMPLATE_DATA, ACTIVITY_TEMPLATE_DATA, RESIDENT_TEMPLATE_DATA)',
  40037: 'invalid template id',
  41030:
    'invalid page (it must exist in the released version: see ticketPage, bookingPage, noticePage and the pages the core puts in resident alerts)',
};

const errCodeOf = (value: unknown): number | null => {
  if (typeof value !== 'object' || value === null) return null;
  const code =
    (value as { errCode?: unknown; errcode?: unknown }).errCode ??
    (value as { errcode?: unknown }).errcode;
  return typeof code === 'number' ? code : null;
};

/** A keyword table applied to one alert, as subscribeMessage.send takes its data. */
const dataOf = <A>(table: Readonly<Record<string, (alert: A) => string>>, alert: A) =>
  Object.fromEntries(Object.entries(table).map(([key, value]) => [key, { value: value(alert) }]));

export interface NotifierOptions {
  /** process.env by default. */
  env?: Readonly<Record<string, string | undefined>>;
  log?: Pick<Console, 'warn' | 'error'>;
}

/** Reads its configuration once, when the container builds its dependencies. */
export function createNotifier(
  send: SendSubscribeMessage,
  options: NotifierOptions = {},
): Notifier {
  const env = options.env ?? process.env;
  const log = options.log ?? console;
  const requestedState = env.MP_STATE ?? 'formal';
  if (!STATES.has(requestedState)) {
    log.warn(`[bdb] MP_STATE "${requestedState}" is not developer, trial or formal: using formal.`);
  }
  const miniprogramState = (
    STATES.has(requestedState) ? requestedState : 'formal'
  ) as MiniprogramState;
  const warned = new Set<string>();

  const templateOf = (kind: string, variable: string): string | null => {
    const id = env[variable];
    if (id) return id;
    if (!warned.has(kind)) {
      warned.add(kind);
      log.warn(`[bdb] ${variable} is not set: "${kind}" alerts are not sent.`);
    }
    return null;
  };

  /** `what` names the message by kind and record id: enough to trace, no openid, nothing personal. */
  const report = (what: string, failure: unknown) => {
    const code = errCodeOf(failure);
    const meaning = code === null ? '' : (KNOWN_ERRORS[code] ?? '');
    if (code === 43101) log.warn(`${what}: 43101 ${meaning}`);
    else log.error(`${what}${code === null ? '' : `: ${code} ${meaning}`}`, failure);
  };

  /** Sends one message to a WeChat user; every failure is logged, none thrown. */
  async function deliver(message: {
    userId: string;
    kind: string;
    variable: string;
    page: string;
    data: () => SubscribeMessage['data'];
    what: string;
  }) {
    // Only WeChat identities can receive subscription messages; local users ('u_…') cannot.
    if (!message.userId.startsWith('wx:')) return;
    const touser = message.userId.slice('wx:'.length);
    const templateId = templateOf(message.kind, message.variable);
    if (!touser || !templateId) return;
    try {
      const result = await send({
        touser,
        templateId,
        page: message.page,
        data: message.data(),
        miniprogramState,
      });
      // Some SDK paths resolve with a non-zero errCode instead of rejecting.
      const code = errCodeOf(result);
      if (code !== null && code !== 0) report(message.what, result);
    } catch (error) {
      // A message is a courtesy: the queue, booking or sign-up changed either way, and its page
      // shows it.
      report(message.what, error);
    }
  }

  return {
    notify: (alert) =>
      deliver({
        userId: alert.userId,
        kind: alert.kind,
        variable: TEMPLATE_ENV[alert.kind],
        page: ticketPage(alert.ticket.id, alert.ticket.community),
        data: () => dataOf(TEMPLATE_DATA, alert),
        what: `[bdb] "${alert.kind}" alert for ticket ${alert.ticket.id} not sent`,
      }),
    notifyBooking: (alert) =>
      deliver({
        userId: alert.userId,
        kind: alert.kind,
        variable: BOOKING_TEMPLATE_ENV[alert.kind],
        page: bookingPage(alert.booking.id),
        data: () => dataOf(BOOKING_TEMPLATE_DATA, alert),
        what: `[bdb] "${alert.kind}" notice for booking ${alert.booking.id} not sent`,
      }),
    notifyActivity: (alert) =>
      deliver({
        userId: alert.userId,
        kind: alert.kind,
        variable: ACTIVITY_TEMPLATE_ENV[alert.kind],
        page: noticePage(alert.notice.id),
        data: () => dataOf(ACTIVITY_TEMPLATE_DATA, alert),
        what: `[bdb] "${alert.kind}" notice for activity ${alert.activity.id} not sent`,
      }),
    // The page comes with the alert (the core knows where each kind is answered).
    notifyResident: (alert) =>
      deliver({
        userId: alert.userId,
        kind: alert.kind,
        variable: RESIDENT_TEMPLATE_ENV[alert.kind],
        page: alert.page,
        data: () => dataOf(RESIDENT_TEMPLATE_DATA, alert),
        what: `[bdb] "${alert.kind}" message in community ${alert.community} not sent`,
      }),
  };
}
