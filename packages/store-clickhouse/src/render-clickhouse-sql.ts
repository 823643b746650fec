import type { Sql, SqlValue } from '@tinsel/store';
import type { ClickHouseFeatures } from './clickhouse-features.ts';
import { microsToDateTimeText, microsToDecimalText } from './micros-text.ts';
import { booleanLiteralsToNumbers } from './boolean-literals.ts';
import { positionalToNames } from './positional-to-names.ts';
import { quoteName } from './quote-name.ts';
import { traceIdKeyCondition } from './trace-id-key-condition.ts';
import { withHourKeyConditions } from './hour-key-conditions.ts';

/** SQL text for ClickHouse with its server-side parameters (`{p1:String}` → `query_params.p1`). */
export interface RenderedClickHouseSql {
  text: string;
  params: Record<string, unknown>;
}

/**
 * Renders Sql for a given server. Text values (the ones a user types) go as
 * server-side query parameters where the server has them (19.11+). Older
 * servers have no parameters: there they become string literals with every
 * backslash and quote escaped, which ClickHouse's lexer reads back as the
 * same bytes. Numbers, booleans and NULL are written as literals on every
 * version: they come from JavaScript values, never from text, and
 * ClickHouse needs literals in places such as `quantile(0.5)(x)` and LIMIT.
 * For old servers it also writes TRUE/FALSE as 1/0 and positional GROUP BY /
 * ORDER BY as names, which those servers read differently. An equality on
 * `trace_id` is stated so that every table's sort key serves it
 * (`traceIdKeyCondition`), and on old servers so is a time bound
 * (`withHourKeyConditions`).
 */
export function renderClickHouseSql(query: Sql, features: ClickHouseFeatures): RenderedClickHouseSql {
  let text = '';
  const params: Record<string, unknown> = {};
  let index = 0;
  for (const part of query.parts) {
    if (part.kind === 'text') text += features.boolType ? part.text : booleanLiteralsToNumbers(part.text);
    else if (part.kind === 'ident') text += quoteName(part.name);
    else {
      let value: string;
      if (features.queryParameters && needsParameter(part.value)) {
        index += 1;
        const name = `p${index}`;
        const parameter = parameterOf(part.value);
        params[name] = parameter.value;
        value = `{${name}:${parameter.type}}`;
      } else value = clickHouseLiteral(part.value, features);
      const keyed = traceIdKeyCondition(text, value);
      text = keyed ? keyed.before + keyed.text : text + value;
    }
  }
  const positional = !features.positionalArguments && /\b(GROUP|ORDER)\s+BY\s+\d/i.test(text);
  const named = positional ? positionalToNames(text) : text;
  return { text: features.dateTime64 ? named : withHourKeyConditions(named), params };
}

function needsParameter(value: SqlValue): boolean {
  return typeof value === 'string' || value instanceof Date || (Array.isArray(value) && value.some((v) => typeof v === 'string'));
}

function parameterOf(value: SqlValue): { type: string; value: unknown } {
  if (value instanceof Date) return { type: "DateTime64(6, 'UTC')", value: microsToDateTimeText(value.getTime() * 1000) };
  if (Array.isArray(value)) return { type: 'Array(String)', value: value.map(String) };
  return { type: 'String', value };
}

/** A value as a ClickHouse literal: the form used where the server has no query parameters. */
export function clickHouseLiteral(value: SqlValue, features: ClickHouseFeatures): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return numberLiteral(value);
  if (value instanceof Date) {
    const micros = value.getTime() * 1000;
    return features.dateTime64 ? `toDateTime64(${quoteString(microsToDateTimeText(micros))}, 6, 'UTC')` : `toDecimal64(${quoteString(microsToDecimalText(micros))}, 6)`;
  }
  return `[${(value as readonly (string | number)[]).map((v) => clickHouseLiteral(v, features)).join(', ')}]`;
}

function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  // A negative literal in parentheses, so that `x-${n}` never reads as a comment `--`.
  return value < 0 ? `(${String(value)})` : String(value);
}

/** A string literal: only the backslash and the quote are special inside '…'. */
export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
