/** What a tenants table knows about one domain. */
export interface TenantEntry {
  readonly tenant: string | null;
  readonly db_server: string | null;
  readonly db_name: string | null;
  readonly site_tier: string | null;
}

// Bounds the memo of raw domain spellings so a flood of random SNI names
// (scanners) cannot grow memory without limit. Keys are kept as logged, not
// copied: when the parser hands the same string object for the same domain,
// the lookup is a pointer comparison, and a copy would lose that. The price
// is that a key sliced from a log line keeps that line alive; the bound keeps
// this to a few megabytes.
const memoLimit = 10_000;

/**
 * Tenants by domain. Exact names win over wildcards; among wildcards the
 * longest suffix wins, so `*.eu.acme.example` beats `*.acme.example`. A
 * wildcard matches any depth of subdomain but not the bare parent domain.
 *
 * @example
 * const table = new TenantTable(new Map([['*.acme.example', acme]]));
 * table.lookup(' Shop.ACME.example'); // → acme
 * table.lookup('acme.example');       // → null
 */
export class TenantTable {
  readonly size: number;
  private readonly exact = new Map<string, TenantEntry>();
  private readonly wildcard = new Map<string, TenantEntry>();
  // Raw spelling as logged → result, misses included: the hot path then costs
  // one Map lookup per row instead of trim + lower-case + suffix walk.
  private readonly memo = new Map<string, TenantEntry | null>();

  /** `entries` keys are normalised domains, possibly starting with `*.`. */
  constructor(entries: ReadonlyMap<string, TenantEntry>) {
    for (const [domain, entry] of entries) {
      if (domain.startsWith('*.')) this.wildcard.set(domain.slice(2), entry);
      else this.exact.set(domain, entry);
    }
    this.size = entries.size;
  }

  /** The entry for a domain as logged (any case, stray spaces), or null. */
  lookup(raw: string): TenantEntry | null {
    const memo = this.memo.get(raw);
    if (memo !== undefined) return memo;
    const found = this.resolve(normalizeDomain(raw));
    if (this.memo.size >= memoLimit) this.memo.clear();
    this.memo.set(raw, found);
    return found;
  }

  private resolve(domain: string): TenantEntry | null {
    const exact = this.exact.get(domain);
    if (exact !== undefined) return exact;
    if (this.wildcard.size === 0) return null;
    for (let dot = domain.indexOf('.'); dot >= 0; dot = domain.indexOf('.', dot + 1)) {
      const entry = this.wildcard.get(domain.slice(dot + 1));
      if (entry !== undefined) return entry;
    }
    return null;
  }
}

/**
 * The one spelling of a domain both the table and the lookups use: trimmed
 * (ALB may log domain_name with a leading space), lower case, no trailing dot.
 *
 * @example
 * normalizeDomain(' Shop.Acme.Example.'); // → 'shop.acme.example'
 */
export function normalizeDomain(raw: string): string {
  const domain = raw.trim().toLowerCase();
  return domain.endsWith('.') ? domain.slice(0, -1) : domain;
}
