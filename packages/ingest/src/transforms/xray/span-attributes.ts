// The `attributes` column of an X-Ray span: one flat JSON object whose keys
// say where in the document each value was found. Everything without a
// column of its own lands here, so nothing the SDK sent is lost:
//
//   xray.<field>        top-level fields: xray.user, xray.namespace,
//                       xray.precursor_ids, xray.inferred, and unknown keys
//                       (xray.Dummy); also a known block of the wrong shape
//                       (xray.http when `http` is a string), kept as written
//   xray.traced         `http.request.traced` or a top-level `traced`
//   xray.cause.<field>  cause.working_directory, cause.paths; xray.cause for
//                       a cause that is neither an object nor an id
//   xray.dropped_annotations  keys whose value was not string/number/boolean
//   http.<path>         http.request.client_ip, .user_agent, .x_forwarded_for,
//                       http.response.content_length, unknown http fields
//   sql.<field>         sql.database_type, .database_version, .driver_version,
//                       .user, .preparation, and a second connection form
//   aws.<path>          aws.operation, aws.table_name, aws.ec2.instance_id…
//   service.<path>      service.version, service.runtime…
//   metadata.<ns>       one key per metadata namespace, its value whole
//
// Block paths are spread to their leaves (objects), arrays stay whole.

/** A span's `attributes` while it is built: dotted key → JSON value. */
export type Attributes = Record<string, unknown>;

// Deeper than any block X-Ray defines (aws.ec2.instance_id is 3 levels);
// what lies below is kept whole rather than spread over ever-longer keys.
const MAX_DEPTH = 4;

/**
 * A fresh attribute map. Without a prototype, a key such as `__proto__`
 * from a hostile document is stored as data, not taken as a prototype.
 *
 * @example
 * const attributes = newAttributes();
 */
export function newAttributes(): Attributes {
  return Object.create(null) as Attributes;
}

/**
 * Stores `value` in `attributes` under its dotted path: objects are spread
 * to their leaves (`aws.ec2` → `aws.ec2.instance_id`, `aws.ec2.ami_id`),
 * arrays and scalars are kept whole, an empty object stays `{}`.
 *
 * @example
 * flattenInto(attributes, 'aws', { operation: 'UpdateItem', ec2: { instance_id: 'i-1' } });
 * // attributes: { 'aws.operation': 'UpdateItem', 'aws.ec2.instance_id': 'i-1' }
 */
export function flattenInto(attributes: Attributes, path: string, value: unknown, depth = 1): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth > MAX_DEPTH) {
    attributes[path] = value;
    return;
  }
  let empty = true;
  for (const key in value) {
    empty = false;
    flattenInto(attributes, `${path}.${key}`, (value as Record<string, unknown>)[key], depth + 1);
  }
  if (empty) attributes[path] = {};
}

/**
 * The attributes as JSON text, or null when there are none.
 *
 * @example
 * attributesJson(newAttributes()) // null
 */
export function attributesJson(attributes: Attributes): string | null {
  for (const _key in attributes) return JSON.stringify(attributes);
  return null;
}
