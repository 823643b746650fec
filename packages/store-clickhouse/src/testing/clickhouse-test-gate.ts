import { describe, it } from 'node:test';
import { clickHouseUnavailable } from './start-clickhouse-server.ts';

/**
 * Runs `suite` when clickhouse-server is installed. Without it the file
 * reports one test instead: skipped with the reason outside CI, failed
 * under `CI=true`, where a missing server must stop the run.
 */
export function whenClickHouseAvailable(name: string, suite: () => void): void {
  const missing = clickHouseUnavailable();
  if (!missing) return suite();
  if (missing.fatal) {
    describe(name, () => {
      it('needs clickhouse-server', () => {
        throw new Error(`CI=true and ${missing.reason}: .ci/run installs it; ClickHouse tests must not be skipped in CI`);
      });
    });
    return;
  }
  console.warn(`SKIPPED ${name}: ${missing.reason}`);
  describe(name, () => it('needs clickhouse-server', { skip: missing.reason }, () => {}));
}
