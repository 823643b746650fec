import { sql, type Dialect, type Sql } from '@tinsel/store';
import type { SignalCatalogue, TqlField } from './field-catalogue.ts';
import { tqlFail, type TqlFieldRef, type TqlResult } from './tql-ast.ts';

/** A field named in a query, found in the catalogue. */
export interface ResolvedField {
  field: TqlField;
  /** For `properties.Order.Id`: the member path inside the JSON field. */
  path: readonly string[];
  /** Text as the user typed it, for column names and explanations. */
  label: string;
}

/**
 * Finds a field by its name or an alias; `json_field.a.b` names a nested
 * member of a JSON field. An unknown name is refused with the nearest
 * known one.
 *
 * @example
 * resolveField(catalogueFor('logs'), { name: 'properties.OrderId', column: 1 })
 */
export function resolveField(catalogue: SignalCatalogue, ref: TqlFieldRef): TqlResult<ResolvedField> {
  const direct = findByName(catalogue, ref.name);
  if (direct) return { ok: true, value: { field: direct, path: [], label: ref.name } };
  const [head, ...rest] = ref.name.split('.');
  const parent = findByName(catalogue, head ?? '');
  if (parent?.type === 'json' && rest.length > 0 && rest.every((p) => p !== '')) {
    return { ok: true, value: { field: parent, path: rest, label: ref.name } };
  }
  const nearest = nearestName(catalogue, ref.name);
  const hint = nearest ? `; did you mean ${nearest}?` : '';
  return tqlFail(`unknown field "${ref.name}" in ${catalogue.signal} at column ${ref.column}${hint}`, ref.column, nearest ? `a field of ${catalogue.signal}, such as ${nearest}` : `a field of ${catalogue.signal}`, 'field');
}

function findByName(catalogue: SignalCatalogue, name: string): TqlField | undefined {
  return catalogue.fields.find((f) => f.name === name) ?? catalogue.fields.find((f) => f.aliases.includes(name));
}

/** The SQL for a resolved field: its column or expression, or the member's text for a JSON path. */
export function fieldExpr(dialect: Dialect, resolved: ResolvedField): Sql {
  const base = resolved.field.expr(dialect);
  if (resolved.path.length === 0) return base;
  if (resolved.path.length === 1) return dialect.jsonPath(base, resolved.path);
  // OpenTelemetry keys hold dots themselves (`http.status_code`): try the nested path, then the rest as one key.
  return sql`coalesce(${dialect.jsonPath(base, resolved.path)}, ${dialect.jsonPath(base, [resolved.path.join('.')])})`;
}

/** The known name closest to `name` by edit distance, when it is close enough to be a likely typo. */
export function nearestName(catalogue: SignalCatalogue, name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const field of catalogue.fields) {
    for (const candidate of [field.name, ...field.aliases]) {
      const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
