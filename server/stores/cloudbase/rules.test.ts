import fs from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from './index';

const RULES_DIR = path.resolve(__dirname, '../../../database/rules');

const readRules = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(RULES_DIR, `${name}.json`), 'utf8'));

describe('database security rules', () => {
  it('has exactly one rules file per collection the store uses', () => {
    const files = fs
      .readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual([...COLLECTIONS].sort());
  });

  it.each(COLLECTIONS)('%s denies all client reads and writes', (name) => {
    expect(readRules(name)).toEqual({ read: false, write: false });
  });
});
