/**
 * HTTP transport (H5 and tests): POST /api/<function> on the local host. Identity travels in a
 * cookie that `GET /api/session` sets, so that request runs once before the first action.
 */
import type { Identity } from '@/types/contract';
import { BROKEN_MESSAGE, GatewayError, networkError, unwrap } from './errors';

function apiBase(): string {
  return process.env.TARO_APP_API_BASE || '';
}

async function request(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${apiBase()}${path}`, { credentials: 'include', ...init });
  } catch {
    throw networkError();
  }
  try {
    // Error answers carry the envelope too, so the body is read whatever the status.
    return (await response.json()) as unknown;
  } catch {
    throw new GatewayError({ code: 'INTERNAL', message: BROKEN_MESSAGE });
  }
}

/** Who the caller is; also makes sure the identity cookie exists. */
export async function getSession(): Promise<Identity> {
  return unwrap<Identity>(await request('/api/session', { method: 'GET' }));
}

let session: Promise<Identity> | null = null;

function ensureSession(): Promise<Identity> {
  if (!session) {
    session = getSession().catch((error: unknown) => {
      session = null; // let the next call try again
      throw error;
    });
  }
  return session;
}

/** Sends one action to one function and returns the raw envelope. */
export async function send(fn: string, payload: Record<string, unknown>): Promise<unknown> {
  await ensureSession();
  return request(`/api/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
}

/** Test hook: forget the session so the next call fetches it again. */
export function resetSessionForTests(): void {
  session = null;
}
