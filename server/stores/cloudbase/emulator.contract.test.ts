/**
 * The shared store contract on the CloudBase emulator (server/testing/cloudbase-emulator): the
 * same cases as SQLite, against a database that evaluates queries, enforces CloudBase's
 * transaction rules and fails on missing collections. cloudbase.contract.test.ts runs the same
 * suite against a real environment when credentials are given.
 */
import { createCloudBaseEmulator } from '../../testing/cloudbase-emulator';
import { describeStoreContract } from '../contract-tests/store-contract';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from './index';

describeStoreContract('cloudbase emulator', async () => {
  const emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
  return createCloudBaseStore(emulator.database() as unknown as CloudDatabase);
});
