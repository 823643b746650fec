import type { ClickHouseFeatures } from './clickhouse-features.ts';

const transient = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Whether an insert that failed with `error` may be sent again without
 * risking duplicate rows. With deduplication tokens any network failure may
 * be retried (the server drops a second copy); without them only a refused
 * connection, where the server cannot have seen the rows. A ClickHouse
 * exception (bad data, missing table) is never retried.
 */
export function insertRetryable(error: unknown, features: ClickHouseFeatures): boolean {
  const code = errorCode(error);
  if (code === undefined) return false;
  return features.insertDeduplicationToken ? transient.has(code) : code === 'ECONNREFUSED';
}

/** Runs an insert up to `attempts` times, backing off between tries. */
export async function retryInsert(features: ClickHouseFeatures, attempt: () => Promise<void>, attempts = 4): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts || !insertRetryable(error, features)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** i));
    }
  }
}
