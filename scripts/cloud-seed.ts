/**
 * `npm run cloud:seed`: prepares a CloudBase environment for the functions — creates every
 * collection the store uses (CloudBase does not create them on first write) and the first
 * communities — through the same store code the functions run, so nothing is typed by hand.
 * Safe to run again: existing collections and communities are left as they are.
 *
 *   TCB_ENV=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run cloud:seed -- --pilots
 *   … npm run cloud:seed -- --community jinse --name 金色里程社区 --evening 3@17:00-20:00
 *
 * A new community gets the eight pilot services (server/core/seed.ts); admins change them later.
 * Indexes are not created here (the SDK has no call for it): database/indexes.json lists them.
 */
import path from 'node:path';
import type { ServiceEvening } from '../contract/community';
import { PILOT_COMMUNITIES, PILOT_SERVICES } from '../server/core/seed';
import type { CommunitySetup } from '../server/core/ports';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from '../server/stores/cloudbase';

/** The slice of `cloud.database()` this script needs beyond the store's. */
export interface AdminDatabase {
  createCollection(name: string): Promise<unknown>;
}

export interface PrepareResult {
  collections: string[];
  communities: string[];
}

/** Creates missing collections, then saves the communities that do not exist yet. */
export async function prepareEnvironment(
  db: AdminDatabase,
  communities: CommunitySetup[],
): Promise<PrepareResult> {
  const collections: string[] = [];
  for (const name of COLLECTIONS) {
    try {
      await db.createCollection(name);
      collections.push(name);
    } catch {
      // Already there ("Table exist"); any worse problem fails the saves below, loudly.
    }
  }
  const store = createCloudBaseStore(db as unknown as CloudDatabase);
  const saved: string[] = [];
  for (const community of communities) {
    if (await store.communities.get(community.id)) continue;
    await store.communities.save(community);
    saved.push(community.id);
  }
  return { collections, communities: saved };
}

const EVENING = /^([0-6])@(\d{2}:\d{2})-(\d{2}:\d{2})$/;

/** "3@17:00-20:00": Wednesday (0 = Sunday) 17:00–20:00 in Asia/Shanghai. */
export function parseEvening(text: string): ServiceEvening {
  const match = EVENING.exec(text);
  if (!match) throw new Error(`--evening must look like 3@17:00-20:00 (weekday 0–6), not ${text}`);
  const [, weekday, opensAt, closesAt] = match;
  if (opensAt! >= closesAt!) throw new Error(`--evening ${text}: closes before it opens`);
  return { weekday: Number(weekday), opensAt: opensAt!, closesAt: closesAt! };
}

/** The communities the command line asks for. */
export function communitiesFrom(argv: string[]): CommunitySetup[] {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes('--pilots')) return PILOT_COMMUNITIES;
  const id = arg('--community');
  const name = arg('--name');
  const evening = arg('--evening');
  if (!id || !name || !evening) {
    throw new Error('give --pilots, or --community <id> --name <名称> --evening 3@17:00-20:00');
  }
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(id)) throw new Error(`--community ${id}: use a-z, 0-9, -`);
  return [{ id, name, evenings: [parseEvening(evening)], services: PILOT_SERVICES }];
}

async function main() {
  const communities = communitiesFrom(process.argv.slice(2));
  const missing = ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'].filter(
    (v) => !process.env[v],
  );
  if (missing.length > 0)
    throw new Error(`set ${missing.join(', ')} (the environment and API keys)`);
  const cloud = await import('wx-server-sdk');
  // node-sdk takes the keys from init; wx-server-sdk's typings omit them.
  cloud.init({
    env: process.env.TCB_ENV,
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
  } as Parameters<typeof cloud.init>[0]);
  const result = await prepareEnvironment(
    cloud.database() as unknown as AdminDatabase,
    communities,
  );
  console.log(`新建集合 collections created: ${result.collections.join(', ') || '无 none'}`);
  console.log(`新建社区 communities created: ${result.communities.join(', ') || '无 none'}`);
}

// Run as a script (npm run cloud:seed), not when imported by tests.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
