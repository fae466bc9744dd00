/**
 * Rows as records, for the tables whose columns are their record's fields in snake_case
 * (`community_id` is `community`): JSON columns parse, 0/1 columns read as booleans, bookkeeping
 * columns are left out. The shared contract suite checks every field comes back as written.
 */
export type Row = Record<string, unknown>;

export interface RowShape {
  /** Fields stored as JSON text (null stays null). */
  json?: readonly string[];
  /** Fields stored as 0/1. */
  bool?: readonly string[];
  /** Columns that are not fields (counts kept for SQL). */
  skip?: readonly string[];
}

const fieldOf = (column: string) =>
  column === 'community_id'
    ? 'community'
    : column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function rowReader<T>(shape: RowShape = {}) {
  return (row: Row): T => {
    const record: Row = {};
    for (const [column, value] of Object.entries(row)) {
      if (shape.skip?.includes(column)) continue;
      const field = fieldOf(column);
      if (shape.json?.includes(field) && typeof value === 'string')
        record[field] = JSON.parse(value);
      else if (shape.bool?.includes(field)) record[field] = value === 1;
      else record[field] = value;
    }
    return record as T;
  };
}

/** A record's named parameters: JSON fields as text, booleans as 0/1. */
export function rowParams(record: object, shape: RowShape = {}): Row {
  const params: Row = { ...record };
  for (const field of shape.json ?? []) {
    params[field] = params[field] === null ? null : JSON.stringify(params[field]);
  }
  for (const field of shape.bool ?? []) params[field] = params[field] ? 1 : 0;
  return params;
}

/** Maps one row, or null when there is none. */
export const maybe = <T>(read: (row: Row) => T, row: Row | undefined): T | null =>
  row ? read(row) : null;
