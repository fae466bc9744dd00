/**
 * The cloud host's ContentChecker: WeChat's text check (内容安全, msgSecCheck v2) through
 * `cloud.openapi.security.msgSecCheck`, run on residents' suggestion text before it is stored.
 * The calling function's config.json must declare the `security.msgSecCheck` openapi permission
 * (scripts/build-cloud.ts keeps it for `suggestion`, and for `followup`, which files suggestions
 * made on a call).
 *
 * Verdicts (result.suggest): 'pass' passes, 'risky' blocks, 'review' (WeChat is unsure) passes and
 * is logged so staff can look at it. Any failure of the check itself passes too, and is logged:
 * WeChat being down, slow or refusing (e.g. 61010 when the resident has not opened the
 * mini-program in the last two hours, as for a suggestion filed on a call) must never stop a
 * resident from being heard, and every suggestion is read by staff before anything is public.
 */
import type { ContentChecker } from '../../core/ports';

/** The request `cloud.openapi.security.msgSecCheck` takes (v2, cloud-call parameter names). */
export interface MsgSecCheckRequest {
  openid: string;
  /** 1 profile, 2 comment, 3 forum, 4 social log: a suggestion is a comment. */
  scene: 2;
  version: 2;
  content: string;
}

export type MsgSecCheck = (request: MsgSecCheckRequest) => Promise<unknown>;

export interface ContentCheckOptions {
  log?: Pick<Console, 'warn' | 'error'>;
}

interface Answer {
  errCode?: unknown;
  errcode?: unknown;
  result?: { suggest?: unknown; label?: unknown };
  traceId?: unknown;
  trace_id?: unknown;
}

const answerOf = (value: unknown): Answer =>
  typeof value === 'object' && value !== null ? (value as Answer) : {};

const errCodeOf = (answer: Answer): number | null => {
  const code = answer.errCode ?? answer.errcode;
  return typeof code === 'number' ? code : null;
};

/** What identifies a check in WeChat's records, for the log: never the text, never the openid. */
const traceOf = (answer: Answer) => {
  const trace = answer.traceId ?? answer.trace_id;
  const label = answer.result?.label;
  return [
    typeof label === 'number' ? `label ${label}` : '',
    typeof trace === 'string' ? `trace ${trace}` : '',
  ]
    .filter(Boolean)
    .join(', ');
};

export function createContentChecker(
  check: MsgSecCheck,
  options: ContentCheckOptions = {},
): ContentChecker {
  const log = options.log ?? console;
  return {
    async check(text, userId) {
      // Our user ids are "wx:<openid>" (create-handler.ts); WeChat checks against the openid.
      const openid = userId.startsWith('wx:') ? userId.slice('wx:'.length) : '';
      if (!openid) {
        log.warn('[bdb] content check skipped: the author is not a WeChat identity');
        return 'pass';
      }
      let answer: Answer;
      try {
        answer = answerOf(await check({ openid, scene: 2, version: 2, content: text }));
      } catch (error) {
        // Fail open: see the header. The resident's suggestion is stored and staff read it.
        log.error('[bdb] content check failed, text let through:', error);
        return 'pass';
      }
      const code = errCodeOf(answer);
      if (code !== null && code !== 0) {
        log.error(`[bdb] content check failed (${code}), text let through`);
        return 'pass';
      }
      const suggest = answer.result?.suggest;
      if (suggest === 'risky') {
        log.warn(`[bdb] content check blocked a text (${traceOf(answer)})`);
        return 'block';
      }
      if (suggest === 'review') {
        log.warn(
          `[bdb] content check unsure, text let through for staff review (${traceOf(answer)})`,
        );
        return 'pass';
      }
      if (suggest !== 'pass') {
        log.error(`[bdb] content check gave no verdict (${String(suggest)}), text let through`);
      }
      return 'pass';
    },
  };
}
