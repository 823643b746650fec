import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The cost of a new hash: N (a power of two), r and p of scrypt. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * 2^15 × 8 × 128 B = 32 MiB and about 0.1 s of one core per sign-in: slow for
 * a guesser, cheap for a person signing in once a day.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 1 << 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
// scrypt$N$r$p$<salt base64url>$<hash base64url>: the string says how to check itself.
const HASH_PATTERN = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{43})$/;

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  hash: Buffer;
}

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Node refuses more than 32 MiB unless told; allow what the cost needs, with room.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/**
 * The self-describing scrypt hash of a password, for `auth.users[].passwordHash`.
 *
 * @example
 * await hashPassword('correct horse') // 'scrypt$32768$8$1$Zx…$q9…'
 */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

/** Whether the password matches the hash; the final comparison takes the same time however close it is. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (parsed === null) return false;
  const candidate = await derive(password, parsed.salt, parsed.cost);
  return timingSafeEqual(candidate, parsed.hash);
}

/** Why a passwordHash value cannot be used, or null when it can. */
export function passwordHashProblem(encoded: string): string | null {
  const parts = HASH_PATTERN.exec(encoded);
  if (!parts) return 'expected scrypt$N$r$p$<salt>$<hash>, as `tinsel hash-password` prints';
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (N < 2 || (N & (N - 1)) !== 0) return `N must be a power of two, got ${N}`;
  if (r < 1 || p < 1) return 'r and p must be at least 1';
  // A hash with a huge cost would make every sign-in attempt a denial of service.
  if (N * r > 1 << 20) return 'the cost needs more than 128 MiB (N × r over 2^20)';
  if (p > 16) return `p must be at most 16, got ${p}`;
  return null;
}

function parsePasswordHash(encoded: string): ParsedHash | null {
  if (passwordHashProblem(encoded) !== null) return null;
  const parts = HASH_PATTERN.exec(encoded)!;
  return { cost: { N: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) }, salt: Buffer.from(parts[4]!, 'base64url'), hash: Buffer.from(parts[5]!, 'base64url') };
}
