/**
 * Launch parameters. A mini-program code carries `scene` (≤ 32 chars, URL-encoded
 * "c=<community>&q=<queue>" or "c=<community>&s=<service>"); links and H5 URLs carry `c` (and
 * `q` or `s`) directly.
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

export function parseLaunchParams(params: RouterParams): LaunchParams {
  const scene = params.scene ? parseQuery(safeDecode(params.scene)) : {};
  return {
    community: clean(scene.c) ?? clean(params.c && safeDecode(params.c)),
    queue: clean(scene.q) ?? clean(params.q && safeDecode(params.q)),
    service: clean(scene.s) ?? clean(params.s && safeDecode(params.s)),
  };
}
