import fs from 'node:fs';
import path from 'node:path';
import { CLIENT_READABLE_COLLECTIONS, COLLECTIONS } from './index';

const RULES_DIR = path.resolve(__dirname, '../../../database/rules');

const readRules = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(RULES_DIR, `${name}.json`), 'utf8'));

const closed = COLLECTIONS.filter(
  (name) => !(CLIENT_READABLE_COLLECTIONS as readonly string[]).includes(name),
);

describe('database security rules', () => {
  it('has exactly one rules file per collection the store uses', () => {
    const files = fs
      .readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...COLLECTIONS].sort());
  });

  it.each(closed)('%s denies all client reads and writes', (name) => {
    expect(readRules(name)).toEqual({ read: false, write: false });
  });

  // Residents watch() these public documents; only the cloud functions (admin SDK) write them.
  it.each(CLIENT_READABLE_COLLECTIONS)('%s allows client reads and denies writes', (name) => {
    expect(readRules(name)).toEqual({ read: true, write: false });
  });

  it('every client-readable collection is one the store writes', () => {
    const written: readonly string[] = COLLECTIONS;
    expect(CLIENT_READABLE_COLLECTIONS.filter((name) => !written.includes(name))).toEqual([]);
  });
});
