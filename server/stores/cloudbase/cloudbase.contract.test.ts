/**
 * The shared store contract against a real CloudBase database. It needs an environment and API
 * keys, so it runs only when TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are set;
 * otherwise it is registered as skipped, with the reason in its name.
 *
 * It uses its own collections (`contract_communities`, …), created on first use and emptied
 * before every test. Collections cannot be dropped through the SDK, so a per-run prefix would
 * pile up collections: two runs against the same environment at once would interfere.
 */
import type * as WxServerSdk from 'wx-server-sdk';
import { describeCommunityContract } from '../contract-tests/community-contract';
import { describeStoreContract } from '../contract-tests/store-contract';
import { describeCalendarContract } from '../contract-tests/calendar-contract';
import { describeVolunteerContract } from '../contract-tests/volunteer-contract';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from './index';

const PREFIX = 'contract_';
const REQUIRED = ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;
const missing = REQUIRED.filter((name) => !process.env[name]);

type Sdk = typeof WxServerSdk;
type RawDatabase = ReturnType<Sdk['database']>;

let raw: RawDatabase | undefined;

/** Loaded only with credentials: the SDK's first call without them kills the process. */
async function connect(): Promise<RawDatabase> {
  if (raw) return raw;
  const cloud: Sdk = await import('wx-server-sdk');
  // node-sdk takes secretId/secretKey from the init options; wx-server-sdk's typings omit them.
  const options: Parameters<Sdk['init']>[0] & { secretId?: string; secretKey?: string } = {
    env: process.env.TCB_ENV,
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
  };
  cloud.init(options);
  const db = cloud.database();
  for (const name of COLLECTIONS) {
    // Fails when the collection already exists; the wipe below fails loudly on anything worse.
    await Promise.resolve(db.createCollection(`${PREFIX}${name}`)).catch(() => undefined);
  }
  raw = db;
  return db;
}

async function openEmptyStore() {
  const db = await connect();
  const _ = db.command;
  for (const name of COLLECTIONS) {
    await db
      .collection(`${PREFIX}${name}`)
      .where({ _id: _.exists(true) })
      .remove();
  }
  return createCloudBaseStore(db as unknown as CloudDatabase, { collectionPrefix: PREFIX });
}

if (missing.length === 0) {
  jest.setTimeout(60_000);
  describeStoreContract('cloudbase', openEmptyStore);
  describeCommunityContract('cloudbase', openEmptyStore);
  describeVolunteerContract('cloudbase', openEmptyStore);
  describeCalendarContract('cloudbase', openEmptyStore);
} else {
  const reason = `no credentials: set ${missing.join(', ')}`;
  console.log(`cloudbase contract skipped (${reason})`);
  // Skipped, not failed: without an environment and keys there is no database to test against.
  describe.skip(`cloudbase contract (${reason})`, () => {
    it('runs the store contract against a real CloudBase database', () => undefined);
  });
}
