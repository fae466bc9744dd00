import type { Envelope } from '../../contract/envelope';
import type { ActionDef } from './action';
import type { Caller, CoreDeps } from './deps';
import { AppError, INTERNAL_MESSAGE, Unavailable } from './errors';
import { currentAdminDigest, isStaffOf, sessionIsCurrent, userRecordOf } from './identity';
import type { UserRecord } from './ports';
import { findAction } from './registry';
import { parseInput } from './validation';

/** Where unexpected errors go; hosts may swap in their own logger. */
export type ErrorLog = (error: unknown, where: string) => void;
const consoleLog: ErrorLog = (error, where) => console.error(`[bdb] ${where} failed:`, error);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A browser whose session was signed out: the host gives it a fresh resident identity. */
export const SIGNED_OUT = '您已退出登录，请刷新页面；社工请重新输入邀请码登录';

async function authorize(
  def: ActionDef,
  deps: CoreDeps,
  caller: Caller,
  now: Date,
): Promise<UserRecord | null> {
  if (def.role === 'public') return null;
  if (!caller.userId) throw new AppError('UNAUTHENTICATED', '请先进入小程序或刷新页面后再试');
  // Anyone the host vouches for is a resident: no read needed (a join stays at three database
  // operations). Actions that need the stored record (staff.me) read it themselves.
  if (def.role === 'resident') {
    return { id: caller.userId, admin: false, staffOf: [], sessionVersion: 0 };
  }
  // Staff and admin actions read the stored record on every request: a revoked membership, a
  // rotated ADMIN_TOKEN or a sign-out takes effect on the very next one.
  const stored = await deps.store.identities.ensureUser(caller.userId, now);
  const user = userRecordOf(stored, currentAdminDigest(deps.config.adminToken));
  if (!sessionIsCurrent(user, caller.sessionVersion))
    throw new AppError('UNAUTHENTICATED', SIGNED_OUT);
  if (def.role === 'admin' && !user.admin) throw new AppError('FORBIDDEN', '只有管理员可以这样做');
  // Volunteers: the membership of the input's community is checked once the input is read.
  if (def.role === 'staff' && !user.admin && user.staffOf.length === 0) {
    throw new AppError('FORBIDDEN', '只有本社区的社工可以这样做');
  }
  return user;
}

/** A volunteer's membership is read per request: like staff, a removal takes effect at once. */
const isVolunteerOf = async (deps: CoreDeps, user: UserRecord | null, community: string) =>
  user !== null && (await deps.store.volunteers.getVolunteer(community, user.id)) !== null;

/** Staff and volunteer actions: the caller must be one of the community the input acts on. */
async function checkCommunity(
  def: ActionDef,
  deps: CoreDeps,
  user: UserRecord | null,
  input: unknown,
) {
  if ((def.role !== 'staff' && def.role !== 'volunteer') || !def.community) return;
  const community = await def.community(input as never, deps);
  if (community === null) throw new AppError('NOT_FOUND', '没有找到要操作的记录');
  if (def.role === 'staff' && !isStaffOf(user, community))
    throw new AppError('FORBIDDEN', '只有本社区的社工可以这样做');
  if (def.role === 'volunteer' && !(await isVolunteerOf(deps, user, community)))
    throw new AppError('FORBIDDEN', '只有本社区的志愿者可以这样做');
}

/**
 * Runs one action for one caller, in the same way in every host: find it in the registry, check
 * who is calling, validate the input, check the community, run the handler, and wrap the outcome
 * in the envelope. Nothing thrown escapes; unexpected errors are logged and answered INTERNAL.
 */
export async function dispatch(
  deps: CoreDeps,
  fn: string,
  body: unknown,
  caller: Caller,
  log: ErrorLog = consoleLog,
): Promise<Envelope<unknown>> {
  try {
    if (!isRecord(body)) throw new AppError('BAD_INPUT', '请求内容应是一个对象');
    const { action, ...input } = body;
    if (typeof action !== 'string' || action === '')
      throw new AppError('BAD_INPUT', '缺少操作（action）', 'action');
    const def = findAction(fn, action);
    if (!def) throw new AppError('NOT_FOUND', '没有这个操作');

    const now = deps.clock.now();
    const user = await authorize(def, deps, caller, now);
    const parsed = parseInput(def.input, input);
    await checkCommunity(def, deps, user, parsed);
    const data = await def.handler({ deps, caller, user, now }, parsed);
    return { ok: true, data };
  } catch (error) {
    return failure(error, fn, log);
  }
}

/** A refusal the core meant is answered as is; anything else is logged and answered INTERNAL. */
function failure(error: unknown, fn: string, log: ErrorLog): Envelope<unknown> {
  // The cause of an UNAVAILABLE (quota, timeout) is for the operator, not the resident.
  if (error instanceof Unavailable) log(error.cause, `${fn} (unavailable)`);
  if (error instanceof AppError) return { ok: false, error: error.toApiError() };
  log(error, `${fn}`);
  return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
}
