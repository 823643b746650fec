/** Limits on the ingest work a server holds at once. */
export interface IngestGateLimits {
  /** Bytes of request bodies admitted and not yet answered. */
  inflightBytes: number;
  /** Ingest requests admitted and not yet answered. */
  inflightRequests: number;
}

/**
 * What a server holds at most by default: memory is about twenty times the
 * bodies held (decoded events wait for their commit), so 32 MiB keeps a
 * server under 1 GB at ten times the load it sustains.
 */
export const DEFAULT_GATE_LIMITS: IngestGateLimits = { inflightBytes: 32 * 1024 * 1024, inflightRequests: 128 };

/** A request's place in the gate; `release` is safe to call more than once. */
export interface Admission {
  release(): void;
}

/** Why a request was turned away, and when to come back. */
export interface Refusal {
  reason: 'bytes' | 'requests';
  retryAfterSeconds: number;
}

/** What a body of unknown length (chunked) is counted as until it is answered. */
const UNKNOWN_LENGTH_BYTES = 1 << 20;

/**
 * Admission control for ingest. An ingest request is answered only once its
 * events are committed, so the requests in flight are exactly the work the
 * server holds: bounding their count and body bytes bounds memory, and a
 * store that falls behind shows up as requests that stay in flight. A
 * request past either limit is refused before its body is read (429 or
 * 503 with Retry-After, which every real client retries on); one request is
 * always admitted when nothing else is in flight, so a lone body up to the
 * body limit still goes in.
 */
export class IngestGate {
  private bytes = 0;
  private requests = 0;
  private readonly started = new Map<number, number>();
  private nextId = 0;
  private refused = 0;

  constructor(readonly limits: IngestGateLimits) {}

  /** Admits a request of `declaredBytes` (null when chunked), or says why not. */
  admit(declaredBytes: number | null, now = Date.now()): { ok: true; admission: Admission } | { ok: false; refusal: Refusal } {
    const bytes = declaredBytes ?? UNKNOWN_LENGTH_BYTES;
    if (this.requests > 0) {
      const reason = this.requests >= this.limits.inflightRequests ? 'requests' : this.bytes + bytes > this.limits.inflightBytes ? 'bytes' : null;
      if (reason) {
        this.refused += 1;
        return { ok: false, refusal: { reason, retryAfterSeconds: this.retryAfter(now) } };
      }
    }
    const id = this.nextId++;
    this.bytes += bytes;
    this.requests += 1;
    this.started.set(id, now);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.bytes -= bytes;
      this.requests -= 1;
      this.started.delete(id);
    };
    return { ok: true, admission: { release } };
  }

  /** Seconds to wait: about as long as the oldest request in flight has waited, from 1 to 30. */
  private retryAfter(now: number): number {
    return Math.min(30, Math.max(1, Math.ceil(this.oldestMs(now) / 1000)));
  }

  /** How long the oldest request in flight has waited for its commit: the store's lag behind its senders. */
  oldestMs(now = Date.now()): number {
    // A Map iterates in insertion order, so the first entry is the oldest.
    for (const started of this.started.values()) return now - started;
    return 0;
  }

  /** The gauges /metrics shows. */
  gauges(now = Date.now()): Record<string, number> {
    return {
      tinsel_ingest_inflight_requests: this.requests,
      tinsel_ingest_inflight_bytes: this.bytes,
      tinsel_ingest_inflight_bytes_limit: this.limits.inflightBytes,
      tinsel_ingest_inflight_requests_limit: this.limits.inflightRequests,
      tinsel_store_lag_seconds: this.oldestMs(now) / 1000,
    };
  }

  /** Requests turned away since start. */
  get refusedTotal(): number {
    return this.refused;
  }
}
