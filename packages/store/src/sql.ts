/**
 * SQL built as data: text fragments, typed parameters and identifiers, kept
 * apart until a Dialect renders them. User input only ever becomes a
 * parameter; identifiers go through the dialect's quoting.
 *
 * @example
 * const q = sql`SELECT count(*) FROM ${ident('requests')} WHERE elb_status_code >= ${500}`;
 */
export type SqlValue = string | number | bigint | boolean | null | Date | readonly string[] | readonly number[];

export type SqlPart =
  | { kind: 'text'; text: string }
  | { kind: 'param'; value: SqlValue }
  | { kind: 'ident'; name: string };

export class Sql {
  readonly parts: readonly SqlPart[];
  constructor(parts: readonly SqlPart[]) {
    this.parts = parts;
  }
}

class Identifier {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
}

export type SqlInterpolation = Sql | Identifier | SqlValue;

/** The only way SQL text is written: literal text from the template, everything interpolated becomes a parameter, an identifier or a nested Sql. */
export function sql(strings: TemplateStringsArray, ...values: SqlInterpolation[]): Sql {
  const parts: SqlPart[] = [];
  strings.forEach((text, i) => {
    if (text) parts.push({ kind: 'text', text });
    if (i < values.length) parts.push(...toParts(values[i] as SqlInterpolation));
  });
  return new Sql(parts);
}

function toParts(value: SqlInterpolation): SqlPart[] {
  if (value instanceof Sql) return [...value.parts];
  if (value instanceof Identifier) return [{ kind: 'ident', name: value.name }];
  return [{ kind: 'param', value }];
}

/** A table or column name, quoted by the dialect. */
export function ident(name: string): Identifier {
  return new Identifier(name);
}

/** Joins fragments with a separator: `join(cols.map(ident), sql`, `)`. */
export function join(items: readonly SqlInterpolation[], separator: Sql = sql`, `): Sql {
  const parts: SqlPart[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(...separator.parts);
    parts.push(...toParts(item));
  });
  return new Sql(parts);
}

/**
 * Trusted SQL text from Tinsel's own code (DDL, dialect functions). Never
 * pass anything a user typed: the name is long so that review can grep for it.
 */
export function unsafeRawSql(text: string): Sql {
  return new Sql([{ kind: 'text', text }]);
}

export const empty = new Sql([]);
