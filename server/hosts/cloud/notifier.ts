/**
 * The cloud host's Notifier: WeChat subscription messages (订阅消息) through
 * `cloud.openapi.subscribeMessage.send`. The calling function's config.json must declare the
 * `subscribeMessage.send` openapi permission (scripts/build-cloud.ts keeps it for `queue`).
 *
 * Configuration (cloud function environment variables):
 * - TMPL_QUEUE_THREE_AHEAD, TMPL_QUEUE_YOUR_TURN: template ids from 公众平台 → 订阅消息. Unset:
 *   that alert is skipped, with one warning per container.
 * - MP_STATE: which mini-program version the message opens: 'developer', 'trial' or 'formal'
 *   (default).
 *
 * A resident only receives a message after tapping "subscribe" for that template in the
 * mini-program (one message per tap); without it WeChat answers 43101 and the alert is dropped.
 */
import type { AlertKind } from '../../../contract/queue';
import type { Alert, Notifier } from '../../core/ports';

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

/** Where a tap on the message lands: the resident's ticket. */
export const ticketPage = (ticketId: string) =>
  `pages/ticket/index?id=${encodeURIComponent(ticketId)}`;

const STATES: ReadonlySet<string> = new Set<MiniprogramState>(['developer', 'trial', 'formal']);

/** What WeChat's most common refusals mean, for the log. */
const KNOWN_ERRORS: Record<number, string> = {
  43101: 'the resident has no subscription for this template (refused, or already used)',
  47003: 'template data does not match the template keywords (see TEMPLATE_DATA)',
  40037: 'invalid template id',
  41030: 'invalid page (pages/ticket/index must exist in the released version)',
};

const errCodeOf = (value: unknown): number | null => {
  if (typeof value !== 'object' || value === null) return null;
  const code =
    (value as { errCode?: unknown; errcode?: unknown }).errCode ??
    (value as { errcode?: unknown }).errcode;
  return typeof code === 'number' ? code : null;
};

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
  const warned = new Set<AlertKind>();

  const templateOf = (kind: AlertKind): string | null => {
    const id = env[TEMPLATE_ENV[kind]];
    if (id) return id;
    if (!warned.has(kind)) {
      warned.add(kind);
      log.warn(`[bdb] ${TEMPLATE_ENV[kind]} is not set: "${kind}" alerts are not sent.`);
    }
    return null;
  };

  const report = (alert: Alert, failure: unknown) => {
    const code = errCodeOf(failure);
    const meaning = code === null ? '' : (KNOWN_ERRORS[code] ?? '');
    // Ticket ids, not openids, in the log: enough to trace, nothing personal.
    const what = `[bdb] "${alert.kind}" alert for ticket ${alert.ticket.id} not sent`;
    if (code === 43101) log.warn(`${what}: 43101 ${meaning}`);
    else log.error(`${what}${code === null ? '' : `: ${code} ${meaning}`}`, failure);
  };

  return {
    async notify(alert) {
      // Only WeChat identities can receive subscription messages; local users ('u_…') cannot.
      if (!alert.userId.startsWith('wx:')) return;
      const touser = alert.userId.slice('wx:'.length);
      const templateId = templateOf(alert.kind);
      if (!touser || !templateId) return;
      const data = Object.fromEntries(
        Object.entries(TEMPLATE_DATA).map(([key, value]) => [key, { value: value(alert) }]),
      );
      try {
        const result = await send({
          touser,
          templateId,
          page: ticketPage(alert.ticket.id),
          data,
          miniprogramState,
        });
        // Some SDK paths resolve with a non-zero errCode instead of rejecting.
        const code = errCodeOf(result);
        if (code !== null && code !== 0) report(alert, result);
      } catch (error) {
        // An alert is a courtesy: the queue moved either way, and the ticket page shows it.
        report(alert, error);
      }
    },
    // Subscription messages leave no record here; the desk's alert list is a local-host feature.
    async recent() {
      return [];
    },
  };
}
