import { randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '@tinsel/store';

/** What the Elasticsearch-compatible routes remember while Tinsel runs. */
export interface EsState {
  clusterUuid: string;
  nodeId: string;
  /** Definitions shippers install at start-up (templates, policies, pipelines), by kind then name. */
  catalog: Map<string, Map<string, unknown>>;
  /** Alias → the index it was created with. */
  aliases: Map<string, string>;
  /** Indices written or created, with the documents stored in each since start. */
  indices: Map<string, number>;
  seqNo: number;
}

// Names come from clients; a runaway one (a date in every index name) must not grow memory without bound.
const MAX_NAMES = 10_000;
const states = new WeakMap<Store, EsState>();

/**
 * The state shared by every listener serving one store, so a template put
 * on port 9200 is found through the API port too. Nothing here is stored:
 * the definitions only let shippers' start-up checks see their own writes.
 */
export function esStateFor(store: Store): EsState {
  let state = states.get(store);
  if (state === undefined) {
    state = { clusterUuid: randomUUID(), nodeId: randomBytes(16).toString('base64url').slice(0, 22), catalog: new Map(), aliases: new Map(), indices: new Map(), seqNo: 0 };
    states.set(store, state);
  }
  return state;
}

/** Remembers `name` in `map`, unless the map is full of other names. */
export function remember<V>(map: Map<string, V>, name: string, value: V): void {
  if (map.has(name) || map.size < MAX_NAMES) map.set(name, value);
}

/** The named definitions of one kind (`index_template`, `ilm_policy`, …). */
export function catalogOf(state: EsState, kind: string): Map<string, unknown> {
  let entries = state.catalog.get(kind);
  if (entries === undefined) {
    entries = new Map();
    state.catalog.set(kind, entries);
  }
  return entries;
}
