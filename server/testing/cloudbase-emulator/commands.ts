/**
 * `db.command` as wx-server-sdk exposes it, for the emulator: query operators (eq … exists, and,
 * or), chained logic (`_.gt(1).and(_.lt(5))`) and update operators (inc, set, remove, push …).
 * Each returns a token the emulator compiles into a MongoDB-style query or modifier (compile.ts);
 * nothing here evaluates anything.
 */

export type QueryOp =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'in'
  | 'nin'
  | 'exists'
  | 'size'
  | 'all'
  | 'elemMatch'
  | 'mod';

export type LogicOp = 'and' | 'or' | 'nor' | 'not';

export type UpdateOp =
  | 'set'
  | 'remove'
  | 'inc'
  | 'mul'
  | 'min'
  | 'max'
  | 'rename'
  | 'push'
  | 'pull'
  | 'pullAll'
  | 'addToSet'
  | 'pop'
  | 'shift'
  | 'unshift';

/** Chaining as the SDK allows it on a field condition: `_.gt(30).and(_.lt(70))`. */
abstract class Chainable {
  and(...operands: unknown[]): LogicCommand {
    return new LogicCommand('and', [this, ...flat(operands)]);
  }
  or(...operands: unknown[]): LogicCommand {
    return new LogicCommand('or', [this, ...flat(operands)]);
  }
}

export class QueryCommand extends Chainable {
  constructor(
    readonly op: QueryOp,
    readonly value: unknown,
  ) {
    super();
  }
}

/** and/or/nor/not: on a field (`{ age: _.or(_.lt(5), _.gt(9)) }`) or at the top (`where(_.or([…]))`). */
export class LogicCommand extends Chainable {
  constructor(
    readonly op: LogicOp,
    readonly operands: unknown[],
  ) {
    super();
  }
}

export class UpdateCommand {
  constructor(
    readonly op: UpdateOp,
    readonly value: unknown,
  ) {}
}

/** `_.and(a, b)` and `_.and([a, b])` mean the same in the SDK. */
const flat = (operands: unknown[]): unknown[] =>
  operands.length === 1 && Array.isArray(operands[0]) ? (operands[0] as unknown[]) : operands;

const query = (op: QueryOp) => (value: unknown) => new QueryCommand(op, value);

export function createCommand() {
  return {
    eq: query('eq'),
    neq: query('neq'),
    gt: query('gt'),
    gte: query('gte'),
    lt: query('lt'),
    lte: query('lte'),
    in: (values: unknown[]) => {
      if (!Array.isArray(values)) throw new TypeError('command.in 需要一个数组');
      return new QueryCommand('in', values);
    },
    nin: (values: unknown[]) => {
      if (!Array.isArray(values)) throw new TypeError('command.nin 需要一个数组');
      return new QueryCommand('nin', values);
    },
    exists: (value: boolean) => new QueryCommand('exists', value),
    size: query('size'),
    all: query('all'),
    elemMatch: query('elemMatch'),
    mod: (divisor: number, remainder: number) => new QueryCommand('mod', [divisor, remainder]),
    and: (...operands: unknown[]) => new LogicCommand('and', flat(operands)),
    or: (...operands: unknown[]) => new LogicCommand('or', flat(operands)),
    nor: (...operands: unknown[]) => new LogicCommand('nor', flat(operands)),
    not: (operand: unknown) => new LogicCommand('not', [operand]),
    set: (value: unknown) => new UpdateCommand('set', value),
    remove: () => new UpdateCommand('remove', undefined),
    inc: (value: number) => new UpdateCommand('inc', value),
    mul: (value: number) => new UpdateCommand('mul', value),
    min: (value: unknown) => new UpdateCommand('min', value),
    max: (value: unknown) => new UpdateCommand('max', value),
    rename: (value: string) => new UpdateCommand('rename', value),
    push: (value: unknown) => new UpdateCommand('push', value),
    pull: (value: unknown) => new UpdateCommand('pull', value),
    pullAll: (value: unknown[]) => new UpdateCommand('pullAll', value),
    addToSet: (value: unknown) => new UpdateCommand('addToSet', value),
    pop: () => new UpdateCommand('pop', undefined),
    shift: () => new UpdateCommand('shift', undefined),
    unshift: (value: unknown) => new UpdateCommand('unshift', value),
  };
}

export type EmulatedCommand = ReturnType<typeof createCommand>;
