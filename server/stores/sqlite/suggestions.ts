/** The rules are the core's (core/suggestion/rules.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type { ChangeRecord, SuggestionRecord, SuggestionRepo } from '../../core/ports';
import {
  adoptedBy,
  countsTowardLimit,
  decideSubmit,
  erasedSuggestion,
  numbered,
  patchIfStatus,
} from '../../core/suggestion/rules';
import { retainedSuggestion } from '../../core/retention/rules';
import { immediate, statements, table } from './rows';

export function suggestionRepo(db: Database.Database): SuggestionRepo {
  const suggestions = table<SuggestionRecord>(db, 'suggestions');
  const changes = table<ChangeRecord>(db, 'changes', { json: ['suggestionIds'] });
  const sql = statements(db);
  const atomic = immediate(db);
  const get = (id: string) => suggestions.get('id = ?', id);
  const ofUser = (userId: string) =>
    suggestions.all('user_id = ? ORDER BY created_at DESC, rowid DESC', userId);

  return {
    // IMMEDIATE: the daily count and the receipt number are read under the write lock.
    submit: async (record, prefix, limit) =>
      atomic(() => {
        const { userId } = record;
        const known =
          userId === null
            ? null
            : suggestions.get('user_id = ? AND request_id = ?', userId, record.requestId);
        const filed =
          userId && limit
            ? suggestions.all('user_id = ? AND created_at >= ?', userId, limit.since)
            : [];
        const filedAt = filed.filter(countsTowardLimit).map((s) => s.createdAt);
        const decided = decideSubmit(known, filedAt, record, limit);
        if (decided.kind !== 'file') return decided;
        const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
        const last = sql<{ n: number }>(
          "SELECT COUNT(*) AS n FROM suggestions WHERE receipt LIKE ? ESCAPE '\\'",
        ).get(like)!.n;
        const next = numbered(record, prefix, last);
        suggestions.insert(next);
        return { kind: 'created', record: get(next.id)! };
      }),
    get: async (id) => get(id),
    ofUser: async (userId) => ofUser(userId),
    list: async (community) =>
      suggestions.all('community_id = ? ORDER BY created_at DESC, rowid DESC', community),
    update: async (id, from, patch) =>
      atomic(() => suggestions.save(patchIfStatus(get(id), from, patch))),
    addChange: async (change, now) =>
      atomic(() => {
        changes.insert(change);
        for (const id of change.suggestionIds) suggestions.save(adoptedBy(get(id), change, now));
      }),
    getChange: async (id) => changes.get('id = ?', id),
    changes: async (community) =>
      changes.all('community_id = ? ORDER BY since DESC, created_at DESC', community),
    erase: async (userId) =>
      atomic(() => ofUser(userId).map((s) => suggestions.save(erasedSuggestion(s))).length),
    anonymiseBefore: async (cutoffAt, limit) =>
      atomic(() => {
        const old = suggestions.all(
          "created_at < ? AND (user_id IS NOT NULL OR name != '' OR photo IS NOT NULL) ORDER BY created_at, id LIMIT ?",
          cutoffAt,
          limit,
        );
        // The photo refs come from the records as they were, before the rule dropped them.
        const changed = old.filter((s) => suggestions.save(retainedSuggestion(s, cutoffAt)));
        const photos = changed.flatMap((s) =>
          s.photo === null ? [] : [{ community: s.community, ref: s.photo }],
        );
        return { changed: changed.length, photos };
      }),
  };
}
