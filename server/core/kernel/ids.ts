import { randomFillSync } from 'node:crypto';

/**
 * Random bytes from the system's CSPRNG, drawn 4 KB at a time: each randomBytes() call is one
 * trip to OpenSSL (about 6 µs here, a tenth of a join's core), and every ticket and booking takes
 * an id. The bytes are as random; each is handed out once.
 */
const pool = Buffer.alloc(4096);
let used = pool.length;
export function pooledRandomBytes(size: number): Buffer {
  if (size > pool.length) return randomFillSync(Buffer.alloc(size));
  if (used + size > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.from(pool.subarray(used, used + size));
  used += size;
  return bytes;
}

/** Ids the core makes for records: 12 URL-safe characters (fits a QR scene). */
export const newId = () => pooledRandomBytes(9).toString('base64url');
