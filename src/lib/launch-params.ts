/**
 * Launch parameters. A mini-program code carries `scene` (≤ 32 chars, URL-encoded
 * "c=<community>&q=<queue>" or "c=<community>&s=<service>", or "a=<activity>&k=<code>" for an
 * activity's self check-in); links and H5 URLs carry the same keys directly.
 */
export interface LaunchParams {
  community: string | null;
  /** A walk-in line (取号). */
  queue: string | null;
  /** A bookable service (预约). */
  service: string | null;
}

type RouterParams = Partial<Record<string, string | undefined>>;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out[safeDecode(part.slice(0, eq))] = safeDecode(part.slice(eq + 1));
  }
  return out;
}

function clean(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** One launch parameter by key: from the scene when there is one, else from the link itself. */
export function launchParam(params: RouterParams, key: string): string | null {
  const scene = params.scene ? parseQuery(safeDecode(params.scene)) : {};
  const direct = params[key];
  return clean(scene[key]) ?? clean(direct && safeDecode(direct));
}

export function parseLaunchParams(params: RouterParams): LaunchParams {
  return {
    community: launchParam(params, 'c'),
    queue: launchParam(params, 'q'),
    service: launchParam(params, 's'),
  };
}
