/**
 * Fragments built once per key and reused for every record: a tenant's,
 * an instance's or a route's constant text, already encoded. Objects are
 * held weakly, so a simulator's estate can be collected with it; strings
 * must come from small fixed sets (user agents, SQL, URLs), as they are
 * held for good.
 *
 * @example
 * const domainBytes = new FragmentCache((tenant: Tenant) => bytesOf(tenant.domain));
 * out.bytes(domainBytes.get(plan.tenant));
 */
export class FragmentCache<K extends object | string, V> {
  private readonly objects = new WeakMap<object, V>();
  private readonly strings = new Map<string, V>();

  constructor(private readonly make: (key: K) => V) {}

  get(key: K): V {
    if (typeof key === 'string') {
      let value = this.strings.get(key);
      if (value === undefined) this.strings.set(key, (value = this.make(key)));
      return value;
    }
    let value = this.objects.get(key);
    if (value === undefined) this.objects.set(key, (value = this.make(key)));
    return value;
  }
}
