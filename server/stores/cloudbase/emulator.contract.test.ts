/**
 * The shared store contract on the CloudBase emulator (server/testing/cloudbase-emulator): the
 * same cases as SQLite, against a database that evaluates queries, enforces CloudBase's
 * transaction rules and fails on missing collections. cloudbase.contract.test.ts runs the same
 * suite against a real environment when credentials are given.
 *
 * Every query the store makes during the suite is checked against database/indexes.json, the
 * index list the runbook tells operators to create: a query without an index is a full scan of a
 * collection that grows with every evening of every community.
 */
import { createCloudBaseEmulator, type QueryShape } from '../../testing/cloudbase-emulator';
import { unindexed } from '../../testing/indexes';
import { describeCommunityContract } from '../contract-tests/community-contract';
import { describeRetentionContract } from '../contract-tests/retention-contract';
import { describeStoreContract } from '../contract-tests/store-contract';
import { describeVolunteerContract } from '../contract-tests/volunteer-contract';
import { describeCalendarContract } from '../contract-tests/calendar-contract';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from './index';

const shapes = new Map<string, QueryShape>();

const openEmulated = async () => {
  const emulator = createCloudBaseEmulator({
    collections: COLLECTIONS,
    onQuery: (shape) => shapes.set(JSON.stringify(shape), shape),
  });
  return createCloudBaseStore(emulator.database() as unknown as CloudDatabase);
};

describeStoreContract('cloudbase emulator', openEmulated);
describeRetentionContract('cloudbase emulator', openEmulated);
describeCommunityContract('cloudbase emulator', openEmulated);
describeVolunteerContract('cloudbase emulator', openEmulated);
describeCalendarContract('cloudbase emulator', openEmulated);

afterAll(() => {
  expect(unindexed(shapes.values())).toEqual([]);
});
