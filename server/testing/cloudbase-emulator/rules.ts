/**
 * The client-side security rules of database/rules/<collection>.json, as the mini-program's
 * direct database access meets them (cloud functions' admin SDK ignores them). Supported: `true`,
 * `false` and "doc._openid == auth.openid" for read and write; anything else is refused when the
 * rules are loaded, so a rule the emulator cannot evaluate never passes silently.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Doc } from './compile';

export type Rule = boolean | 'owner';
export interface CollectionRules {
  read: Rule;
  write: Rule;
}
export type RuleBook = Map<string, CollectionRules>;

const OWNER = /^\s*doc\._openid\s*==\s*auth\.openid\s*$/;

function parseRule(value: unknown, where: string): Rule {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && OWNER.test(value)) return 'owner';
  throw new Error(`${where}: the emulator cannot evaluate the rule ${JSON.stringify(value)}`);
}

export function loadRules(dir: string): RuleBook {
  const book: RuleBook = new Map();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const where = path.join(dir, file);
    const json = JSON.parse(fs.readFileSync(where, 'utf8')) as Record<string, unknown>;
    book.set(path.basename(file, '.json'), {
      read: parseRule(json.read, `${where} read`),
      write: parseRule(json.write, `${where} write`),
    });
  }
  return book;
}

/** Without a rules file a collection is closed to clients. */
export const rulesOf = (book: RuleBook, collection: string): CollectionRules =>
  book.get(collection) ?? { read: false, write: false };

/** May this client see (or write) this document? */
export const allows = (rule: Rule, openid: string, doc: Doc | null) =>
  rule === true || (rule === 'owner' && doc !== null && doc._openid === openid);

/**
 * A client query passes an owner rule only when it asks for the caller's own documents
 * (`where({ _openid: '{openid}' })` or the literal openid), as CloudBase checks the query itself.
 */
export function queryAllowed(rule: Rule, openid: string, where: unknown): boolean {
  if (rule === true) return true;
  if (rule === false) return false;
  const own = (where as Doc | null)?._openid;
  return own === openid || own === '{openid}';
}
