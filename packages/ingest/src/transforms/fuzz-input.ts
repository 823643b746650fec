import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

// Bytes that change how a decoder reads what follows: structure, escapes,
// line ends, numbers out of range.
const TOKENS = ['"', '{', '}', '[', ']', ',', ':', '\\', '\n', '\r\n', '\u0000', ' ', '-', '9999999999999999999999', '1e400', 'null', '\\u', '\ufffd', '\t'].map((t) => Buffer.from(t));

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; from: number; length: number; to: number }
  | { kind: 'delete'; from: number; length: number }
  | { kind: 'insert'; at: number; token: number }
  | { kind: 'splice'; at: number; other: number; from: number };

const position = fc.nat({ max: 1_000_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('duplicate' as const), from: position, length: fc.nat({ max: 400 }), to: position }),
  fc.record({ kind: fc.constant('delete' as const), from: position, length: fc.nat({ max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, token: fc.nat({ max: TOKENS.length - 1 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: position, other: fc.nat({ max: 1_000 }), from: position }),
);

function apply(bytes: Buffer, change: Mutation, samples: readonly Buffer[]): Buffer {
  const at = (n: number): number => (bytes.length === 0 ? 0 : n % (bytes.length + 1));
  switch (change.kind) {
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = Buffer.from(bytes);
      const i = change.at % copy.length;
      copy[i] = (copy[i] ?? 0) ^ change.mask;
      return copy;
    }
    case 'truncate':
      return bytes.subarray(0, at(change.at));
    case 'duplicate': {
      const from = at(change.from);
      const slice = bytes.subarray(from, from + change.length);
      const to = at(change.to);
      return Buffer.concat([bytes.subarray(0, to), slice, bytes.subarray(to)]);
    }
    case 'delete': {
      const from = at(change.from);
      return Buffer.concat([bytes.subarray(0, from), bytes.subarray(from + change.length)]);
    }
    case 'insert': {
      const i = at(change.at);
      return Buffer.concat([bytes.subarray(0, i), TOKENS[change.token] ?? Buffer.alloc(0), bytes.subarray(i)]);
    }
    case 'splice': {
      const other = samples[change.other % samples.length] ?? Buffer.alloc(0);
      const from = other.length === 0 ? 0 : change.from % other.length;
      return Buffer.concat([bytes.subarray(0, at(change.at)), other.subarray(from)]);
    }
  }
}

/**
 * Real samples damaged as transit and buggy senders damage them: one to
 * four changes of bytes flipped, cut short, a run repeated or removed, a
 * structural token inserted, or the tail of another sample spliced on.
 */
export function mutatedSamples(samples: readonly Buffer[]): fc.Arbitrary<Buffer> {
  if (samples.length === 0) throw new Error('mutatedSamples needs at least one sample');
  return fc
    .tuple(fc.nat({ max: samples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([index, changes]) => changes.reduce((bytes, change) => apply(bytes, change, samples), samples[index] ?? Buffer.alloc(0)));
}

/** The files of a fixtures or samples folder whose names match, read as bytes. */
export function readSamples(folder: string, name: RegExp): Buffer[] {
  return readdirSync(folder)
    .filter((file) => name.test(file))
    .sort()
    .map((file) => readFileSync(join(folder, file)));
}

/**
 * JSON value text nested up to 20,000 levels of objects and arrays: what
 * JSON.parse reads but a recursive walker (or JSON.stringify) overflows on.
 */
export const deeplyNestedJson: fc.Arbitrary<string> = fc
  .array(fc.boolean(), { minLength: 1, maxLength: 64 })
  .chain((pattern) => fc.integer({ min: 1, max: 20_000 }).map((depth) => ({ pattern, depth })))
  .map(({ pattern, depth }) => {
    const kinds = Array.from({ length: depth }, (_, i) => pattern[i % pattern.length] ?? true);
    return kinds.map((object) => (object ? '{"a":' : '[')).join('') + '1' + kinds.reverse().map((object) => (object ? '}' : ']')).join('');
  });
