import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

/** The local host's environment, checked once at start-up with readable errors. */
const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Unset: demo clock; "real": real time; an ISO instant: start there and run. */
  BDB_NOW: z.string().optional(),
  /** The admin secret; generated into DATA_DIR/admin-token when unset. */
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN 至少 16 个字符').optional(),
  /** Signs the identity cookie; kept in DATA_DIR/cookie-secret when unset. */
  COOKIE_SECRET: z.string().min(32, 'COOKIE_SECRET 至少 32 个字符').optional(),
  /** The address phones reach this host at (QR codes point here), e.g. http://192.168.1.20:8080. */
  PUBLIC_URL: z.string().url().optional(),
  /** New browser identities per network address per hour. */
  IDENTITIES_PER_HOUR: z.coerce.number().int().min(1).optional(),
  /**
   * Requests per caller per minute on the API; "off" turns the limiter and the per-address
   * identity ceiling off (the bench's load generator, never a public host).
   */
  RATE_LIMIT: z
    .union([z.literal('off'), z.coerce.number().int().min(1)])
    .optional()
    .transform((v) => (v === 'off' ? (false as const) : v)),
  /**
   * "exclusive" (default): the host alone opens its database file and its transactions take no
   * file locks; "shared": several processes may open the file (each host must say so).
   */
  SQLITE_LOCKING: z
    .enum(['exclusive', 'shared'], {
      error: '只能是 exclusive（默认，本主机独占数据库文件）或 shared（几个进程共用）',
    })
    .default('exclusive'),
});

export type Settings = z.infer<typeof schema>;

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`环境变量有误:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/**
 * Reads a secret from DATA_DIR, creating it on first start, so identities (cookie) and the admin
 * secret survive a restart. The file is readable by its owner only.
 */
export function persistentSecret(
  dataDir: string,
  name: string,
  bytes = 32,
): { value: string; created: boolean } {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return { value: fs.readFileSync(file, 'utf8').trim(), created: false };
  fs.mkdirSync(dataDir, { recursive: true });
  const value = crypto.randomBytes(bytes).toString('base64url');
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}
