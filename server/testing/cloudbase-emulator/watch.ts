/**
 * `watch()` on a document or a query: the first snapshot (`type: 'init'`) lists every matching
 * document, each later one the changes since (`docChanges` with dataType add / update / remove
 * and queueType enqueue / update / dequeue) and the full current list (`docs`), as the realtime
 * push of CloudBase delivers them. Snapshots arrive asynchronously and in order per watcher.
 */
import { Query } from 'mingo';
import { copy, type Doc } from './compile';
import type { Engine } from './engine';

/** The next turn of the event loop (jsdom, where the weapp tests run, has no setImmediate). */
export const nextTurn = (run: () => void) => {
  if (typeof setImmediate === 'function') setImmediate(run);
  else setTimeout(run, 0);
};

export interface DocChange {
  id: number;
  dataType: 'init' | 'add' | 'update' | 'remove';
  queueType: 'init' | 'enqueue' | 'update' | 'dequeue';
  docId: string;
  doc: Doc;
  updatedFields?: Doc;
  removedFields?: string[];
}

export interface Snapshot {
  id: number;
  type?: 'init';
  docChanges: DocChange[];
  docs: Doc[];
}

export interface WatchOptions {
  onChange: (snapshot: Snapshot) => void;
  onError: (error: unknown) => void;
}

export interface WatchTarget {
  collection: string;
  query: Record<string, unknown>;
  sort: Record<string, 1 | -1>;
  limit: number | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldDiff(before: Doc, after: Doc) {
  const updatedFields: Doc = {};
  const removedFields: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (!same(before[key], value)) updatedFields[key] = copy(value);
  }
  for (const key of Object.keys(before)) if (!(key in after)) removedFields.push(key);
  return { updatedFields, removedFields };
}

export function startWatch(engine: Engine, target: WatchTarget, options: WatchOptions) {
  const matcher = new Query(target.query, {});
  let current = new Map<string, Doc>();
  let closed = false;
  let snapshotId = 0;
  let changeId = 0;
  const queue: Snapshot[] = [];
  let draining = false;

  const matching = (): Map<string, Doc> => {
    let cursor = matcher.find<Doc>(engine.documents(target.collection));
    if (Object.keys(target.sort).length > 0) cursor = cursor.sort(target.sort);
    if (target.limit !== null) cursor = cursor.limit(target.limit);
    return new Map(cursor.all().map((doc) => [String(doc._id), doc]));
  };

  const drain = () => {
    if (draining) return;
    draining = true;
    nextTurn(() => {
      draining = false;
      while (!closed && queue.length > 0) {
        const snapshot = queue.shift()!;
        engine.countPush(target.collection);
        try {
          options.onChange(snapshot);
        } catch (error) {
          options.onError(error);
        }
      }
    });
  };

  const push = (snapshot: Omit<Snapshot, 'id'>) => {
    snapshotId += 1;
    queue.push({ id: snapshotId, ...snapshot });
    drain();
  };

  const onCommit = (collection: string) => {
    if (closed || collection !== target.collection) return;
    const next = matching();
    const changes: DocChange[] = [];
    for (const [id, doc] of next) {
      const before = current.get(id);
      if (!before) {
        changes.push({ id: ++changeId, dataType: 'add', queueType: 'enqueue', docId: id, doc });
      } else if (!same(before, doc)) {
        changes.push({
          id: ++changeId,
          dataType: 'update',
          queueType: 'update',
          docId: id,
          doc,
          ...fieldDiff(before, doc),
        });
      }
    }
    for (const [id, doc] of current) {
      if (next.has(id)) continue;
      const stillThere = engine.at(target.collection, id) !== null;
      changes.push({
        id: ++changeId,
        dataType: stillThere ? 'update' : 'remove',
        queueType: 'dequeue',
        docId: id,
        doc,
      });
    }
    current = next;
    if (changes.length > 0) push({ docChanges: changes, docs: [...next.values()] });
  };

  const stop = engine.onChange(onCommit);
  // The first snapshot: every matching document as it is when the watch is set up.
  nextTurn(() => {
    if (closed) return;
    try {
      current = matching();
    } catch (error) {
      options.onError(error);
      return;
    }
    const docs = [...current.values()];
    push({
      type: 'init',
      docs,
      docChanges: docs.map((doc) => ({
        id: ++changeId,
        dataType: 'init',
        queueType: 'init',
        docId: String(doc._id),
        doc,
      })),
    });
  });

  return {
    close: async () => {
      closed = true;
      stop();
    },
  };
}
