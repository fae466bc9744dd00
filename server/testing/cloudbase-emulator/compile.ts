/**
 * CloudBase query and update objects → MongoDB-style ones that mingo evaluates.
 *
 * Two CloudBase rules differ from plain MongoDB and are the reason this file exists:
 * - a nested plain object in `where()` matches field by field (`{ a: { b: 1 } }` is `a.b == 1`),
 *   not as a whole sub-document;
 * - a nested plain object in `update()` merges field by field (`{ a: { b: 1 } }` sets `a.b` and
 *   keeps `a`'s other fields); only `_.set({...})` replaces a sub-object, `_.remove()` deletes.
 * An adapter that expects MongoDB's replace semantics from update() loses or keeps fields it did
 * not mean to, and the emulator shows it.
 */
import { LogicCommand, QueryCommand, UpdateCommand } from './commands';
import { invalidParam } from './errors';

export type Doc = Record<string, unknown>;
type Mongo = Record<string, unknown>;

/**
 * A plain object (not an array, Date, RegExp or operator token): walked field by field. Its
 * prototype is some realm's Object.prototype (jest runs code in a realm of its own) or null.
 */
export function isPlain(value: unknown): value is Doc {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

const QUERY_OPS: Record<QueryCommand['op'], string> = {
  eq: '$eq',
  neq: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
  nin: '$nin',
  exists: '$exists',
  size: '$size',
  all: '$all',
  elemMatch: '$elemMatch',
  mod: '$mod',
};

function fieldClauses(path: string, value: unknown): Mongo[] {
  if (value instanceof QueryCommand) {
    const operand = value.op === 'elemMatch' ? compileWhere(value.value) : value.value;
    return [{ [path]: { [QUERY_OPS[value.op]]: operand } }];
  }
  if (value instanceof LogicCommand) {
    const parts = value.operands.map((operand) => andOf(fieldClauses(path, operand)));
    if (value.op === 'not') return [{ $nor: parts }];
    return [{ [`$${value.op}`]: parts }];
  }
  if (value instanceof UpdateCommand) throw invalidParam('查询条件里不能使用更新操作符');
  if (value instanceof RegExp) return [{ [path]: { $regex: value } }];
  if (isPlain(value)) {
    const keys = Object.keys(value);
    // An empty object can only mean "equals {}".
    if (keys.length === 0) return [{ [path]: {} }];
    return keys.flatMap((key) => fieldClauses(`${path}.${key}`, value[key]));
  }
  return [{ [path]: value }];
}

const andOf = (clauses: Mongo[]): Mongo =>
  clauses.length === 0 ? {} : clauses.length === 1 ? clauses[0]! : { $and: clauses };

/** A `where()` argument: an object of field conditions, or a top-level `_.and/_.or([...])`. */
export function compileWhere(where: unknown): Mongo {
  if (where instanceof LogicCommand) {
    const parts = where.operands.map(compileWhere);
    if (where.op === 'not') return { $nor: parts };
    return { [`$${where.op}`]: parts };
  }
  if (!isPlain(where)) throw invalidParam('查询条件必须是对象');
  return andOf(Object.keys(where).flatMap((key) => fieldClauses(key, where[key])));
}

export interface Modifier {
  $set?: Mongo;
  $unset?: Mongo;
  $inc?: Mongo;
  $mul?: Mongo;
  $min?: Mongo;
  $max?: Mongo;
  $rename?: Mongo;
  $push?: Mongo;
  $pull?: Mongo;
  $pullAll?: Mongo;
  $addToSet?: Mongo;
  $pop?: Mongo;
}

function put(modifier: Modifier, op: keyof Modifier, path: string, value: unknown) {
  const bucket = (modifier[op] ??= {});
  bucket[path] = value;
}

const eachOf = (value: unknown) =>
  isPlain(value) && Array.isArray(value.each) ? value.each : Array.isArray(value) ? value : [value];

/** Operators that map one to one: `_.inc(1)` is `$inc`, `_.pop()` is `$pop: 1`. */
const DIRECT: Partial<Record<UpdateCommand['op'], (value: unknown) => [keyof Modifier, unknown]>> =
  {
    set: (value) => ['$set', value],
    remove: () => ['$unset', ''],
    inc: (value) => ['$inc', value],
    mul: (value) => ['$mul', value],
    min: (value) => ['$min', value],
    max: (value) => ['$max', value],
    rename: (value) => ['$rename', value],
    pullAll: (value) => ['$pullAll', value],
    pop: () => ['$pop', 1],
    shift: () => ['$pop', -1],
    unshift: (value) => ['$push', { $each: eachOf(value), $position: 0 }],
    addToSet: (value) => ['$addToSet', { $each: eachOf(value) }],
    pull: (value) => [
      '$pull',
      value instanceof QueryCommand ? { [QUERY_OPS[value.op]]: value.value } : value,
    ],
  };

function pushSpec(value: unknown): Mongo {
  const spec: Mongo = { $each: eachOf(value) };
  if (isPlain(value)) {
    for (const key of ['position', 'sort', 'slice'] as const) {
      if (value[key] !== undefined) spec[`$${key}`] = value[key];
    }
  }
  return spec;
}

function applyCommand(modifier: Modifier, path: string, command: UpdateCommand) {
  if (command.op === 'push') return put(modifier, '$push', path, pushSpec(command.value));
  const direct = DIRECT[command.op];
  if (!direct) throw invalidParam(`不支持的更新操作符：${command.op}`);
  const [op, value] = direct(command.value);
  return put(modifier, op, path, value);
}

function checkKey(key: string) {
  if (key === '_id') throw invalidParam('不能更新_id的值');
  if (key.startsWith('$')) throw invalidParam(`字段名不能以 $ 开头：${key}`);
}

function walkUpdate(modifier: Modifier, data: Doc, prefix: string) {
  for (const key of Object.keys(data)) {
    if (!prefix) checkKey(key);
    const path = prefix ? `${prefix}.${key}` : key;
    const value = data[key];
    if (value === undefined) continue;
    if (value instanceof UpdateCommand) applyCommand(modifier, path, value);
    else if (isPlain(value) && Object.keys(value).length > 0) walkUpdate(modifier, value, path);
    else put(modifier, '$set', path, value);
  }
}

/** `update({ data })`'s data as a modifier, with CloudBase's field-by-field merge. */
export function compileUpdate(data: unknown): Modifier {
  if (!isPlain(data) || Object.keys(data).length === 0)
    throw invalidParam('参数必需是非空对象 (options.data)');
  const modifier: Modifier = {};
  walkUpdate(modifier, data, '');
  return modifier;
}

/** Does a document to be stored whole (add, set) contain an update operator anywhere? */
export function hasUpdateCommand(value: unknown): boolean {
  if (value instanceof UpdateCommand) return true;
  if (Array.isArray(value)) return value.some(hasUpdateCommand);
  if (isPlain(value)) return Object.values(value).some(hasUpdateCommand);
  return false;
}

/**
 * What the SDK sends over the wire: EJSON keeps Dates and drops `undefined` fields (turning
 * `undefined` in arrays into null), so a document reads back without them. Also a deep copy, so a
 * caller never shares an object with the database.
 */
export function serialize(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return scalar(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (Array.isArray(value)) return value.map((item) => serialize(item) ?? null);
  const out: Doc = {};
  for (const [key, item] of Object.entries(value)) {
    const copied = serialize(item);
    if (copied !== undefined) out[key] = copied;
  }
  return out;
}

function scalar(value: unknown): unknown {
  if (typeof value === 'function' || typeof value === 'symbol')
    throw invalidParam('不能存储函数或 symbol');
  // JSON has no NaN or Infinity: they arrive as null.
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/**
 * A deep copy for callers, keeping Dates (stored data has no undefined left to drop). Not
 * structuredClone: jsdom, where the weapp tests run, has none.
 */
export const copy = <T>(value: T): T => serialize(value) as T;
