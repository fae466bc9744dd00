/** The rules are the core's (core/followup/rules.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type {
  ContactPreferenceRecord,
  FollowUpRecord,
  FollowUpRepo,
  FollowUpRuleRecord,
} from '../../core/ports';
import { erasedTask, firstTask, patchIfUnchanged, taskKey } from '../../core/followup/rules';
import { retainedTask } from '../../core/retention/rules';
import { immediate, table } from './rows';

export function followUpRepo(db: Database.Database): FollowUpRepo {
  const tasks = table<FollowUpRecord>(db, 'follow_ups', {
    json: ['services', 'attempts', 'result'],
    skip: ['attempt_count'],
  });
  const rules = table<{ rules: Record<string, FollowUpRuleRecord> }>(db, 'follow_up_rules', {
    json: ['rules'],
  });
  const contacts = table<ContactPreferenceRecord>(db, 'follow_up_contacts', { bool: ['noCalls'] });
  // IMMEDIATE: the key and the attempt count are read under the write lock.
  const atomic = immediate(db);
  /** The row's fields: the record and, beside it, the attempt count. */
  const row = (r: FollowUpRecord) => ({ ...r, attemptCount: r.attempts.length });
  const get = (id: string) => tasks.get('id = ?', id);
  const save = (next: FollowUpRecord | null) => {
    if (next) tasks.update(row(next));
    return next;
  };
  const ofUser = (userId: string) => tasks.all('user_id = ? ORDER BY date, created_at', userId);

  return {
    create: async (r) =>
      atomic(() => {
        const key = 'community_id = ? AND date = ? AND resident_key = ? AND kind = ?';
        const decided = firstTask(tasks.get(key, ...taskKey(r)), r);
        if (decided.created) tasks.insert(row(r));
        return decided;
      }),
    get: async (id) => get(id),
    open: async (community) =>
      tasks.all("community_id = ? AND status = 'open' ORDER BY due, created_at, rowid", community),
    recent: async (community, since) =>
      tasks.all(
        "community_id = ? AND status != 'open' AND closed_at >= ? ORDER BY closed_at DESC",
        community,
        since,
      ),
    update: async (id, attempts, patch) =>
      atomic(() => save(patchIfUnchanged(get(id), attempts, patch))),
    linkSuggestion: async (id, suggestionId) => {
      tasks.update({ id, suggestionId });
    },
    ofUser: async (userId) => ofUser(userId),
    ofEvening: async (community, date) =>
      tasks.all('community_id = ? AND date = ? ORDER BY created_at, rowid', community, date),
    getRules: async (community) => rules.get('community_id = ?', community)?.rules ?? null,
    saveRules: async (community, r) => {
      rules.upsert({ community, rules: r }, ['community']);
    },
    erase: async (userId) => atomic(() => ofUser(userId).map((r) => save(erasedTask(r))).length),
    contactOf: async (userId) => contacts.get('user_id = ?', userId),
    setContact: async (record) => {
      contacts.upsert(record, ['userId']);
    },
    noCalls: async (userIds) =>
      userIds.length === 0
        ? []
        : contacts
            .all(`no_calls = 1 AND user_id IN (${userIds.map(() => '?').join(', ')})`, ...userIds)
            .map((c) => c.userId),
    forgetContact: async (userId) => contacts.remove('user_id = ?', userId).changes,
    anonymiseBefore: async (cutoff, limit) =>
      atomic(
        () =>
          tasks
            .all(
              "date < ? AND (user_id IS NOT NULL OR name != '' OR phone IS NOT NULL) ORDER BY date, id LIMIT ?",
              cutoff,
              limit,
            )
            .filter((t) => save(retainedTask(t, cutoff))).length,
      ),
  };
}
