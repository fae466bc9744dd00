import { launchParam } from '@/lib/launch-params';

type RouterParams = Partial<Record<string, string | undefined>>;

/** What the self check-in QR code carries: `a=<activityId>&k=<code>`, as a scene or a query. */
export function checkInParams(params: RouterParams): { activityId: string; code: string } | null {
  const activityId = launchParam(params, 'a');
  const code = launchParam(params, 'k');
  return activityId && code ? { activityId, code: normalizeCode(code) } : null;
}

/** Codes are letters and digits; residents may type them in lower case or with spaces. */
export function normalizeCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** The refusal in Chinese for a code that cannot be right, or null (the server checks the rest). */
export function codeProblem(code: string): string | null {
  if (code === '') return '请输入社工出示的签到码';
  return /^[A-Z0-9]{4,8}$/.test(code) ? null : '签到码是 4 到 8 位字母或数字，请核对';
}
