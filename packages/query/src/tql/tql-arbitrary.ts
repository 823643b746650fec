import fc from 'fast-check';

/**
 * Query text for property tests: real TQL shapes with user-chosen parts
 * marked by the canary `zq`, so a test can assert that no text the user
 * typed ever appears in the SQL. Test support only.
 */
export const CANARY = 'zq';

const HOSTILE = [...`abcXYZ019 '"\\;%_*?-:()[]{}|,.=<>!\n\té€😀`];

const canaryText = fc.array(fc.constantFrom(...HOSTILE), { maxLength: 12 }).map((chars) => `${CANARY}${chars.join('')}`);
const canaryWord = fc.stringMatching(/^[a-z0-9]{0,6}$/).map((s) => `${CANARY}${s}`);
const knownField = fc.constantFrom('status', 'path', 'duration', 'message', 'level', 'service', 'host', 'time', 'timestamp', 'start_time', 'trace_id', 'name', 'tenant', 'client_ip', 'timing_unavailable', 'properties.Order.Id', 'annotations.tenant', 'attributes.http.status_code', 'properties');
const field = fc.oneof({ weight: 4, arbitrary: knownField }, { weight: 1, arbitrary: canaryWord }, { weight: 1, arbitrary: canaryWord.map((w) => `properties.${w}`) });
const number = fc.oneof(fc.integer({ min: -5, max: 1000 }).map(String), fc.constantFrom('1.5', '5xx', '-1'));
const value = fc.oneof(canaryText.map((t) => JSON.stringify(t)), canaryWord, canaryWord.map((w) => `${w}*`), number, fc.constantFrom('true', 'now', '-15m', '2026-01-01T00:00:00Z', 'web-3', '/health*'));

const clause = fc.oneof(
  fc.tuple(field, value).map(([f, v]) => `${f}:${v}`),
  fc.tuple(field, fc.constantFrom('>', '>=', '<', '<='), value).map(([f, op, v]) => `${f}:${op}${v}`),
  fc.tuple(field, value, value, fc.constantFrom('[', '{'), fc.constantFrom(']', '}')).map(([f, a, b, o, c]) => `${f}:${o}${a} TO ${b}${c}`),
  field.map((f) => `_exists_:${f}`),
  value,
  fc.constant('trace:1-5759e988-bd862e3fe1be46a994272793'),
);

const filter: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    clause,
    fc.tuple(tie('expr'), fc.constantFrom(' ', ' AND ', ' OR '), tie('expr')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('expr').map((e) => `NOT ${e}`),
    tie('expr').map((e) => `-(${e})`),
    tie('expr').map((e) => `(${e})`),
  ),
})).expr as fc.Arbitrary<string>;

const agg = fc.tuple(fc.constantFrom('count', 'sum', 'avg', 'min', 'max', 'p50', 'p90', 'p95', 'p99', 'count_distinct'), field, fc.option(canaryWord)).map(([fn, f, as]) => `${fn}(${fn === 'count' ? '' : f})${as ? ` as ${as}` : ''}`);
const fields = fc.array(field, { minLength: 1, maxLength: 3 }).map((fs) => fs.join(', '));
const pipe = fc.oneof(
  fc.tuple(fc.array(agg, { minLength: 1, maxLength: 3 }), fc.option(fields)).map(([aggs, by]) => `stats ${aggs.join(', ')}${by ? ` by ${by}` : ''}`),
  fc.tuple(fc.constantFrom('1m', '5s', 'auto', '1h'), agg, fc.option(field)).map(([span, a, by]) => `timechart ${span} ${a}${by ? ` by ${by}` : ''}`),
  fc.tuple(fc.constantFrom('', '-'), fc.oneof(field, fc.constantFrom('count', 'slow'))).map(([d, f]) => `sort ${d}${f}`),
  fc.integer({ min: 1, max: 50 }).map((n) => `head ${n}`),
  fields.map((f) => `fields ${f}`),
);

/** A query: a filter and up to three pipes, or now and then any text at all. */
export const tqlText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.option(filter), fc.array(pipe, { maxLength: 3 })).map(([f, pipes]) => [f ?? '', ...pipes].join(' | ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);
