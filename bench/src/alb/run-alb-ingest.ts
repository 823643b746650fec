// Child process of the alb-ingest benchmark: ingests one dataset end to end
// into a new data folder and prints its figures as JSON, so that its peak RSS
// is the ingest's own and not the generator's.
import { ingestAlbTarget, IngestCounters, createEnricher, parseEnrichmentConfig } from '@tinsel/ingest';
import { createDuckDbStore } from '@tinsel/store-duckdb';

const [logs, dataDir, tenants, instances, appendMode] = process.argv.slice(2) as [string, string, string, string, 'packed' | 'chunks'];
const config = parseEnrichmentConfig({ tenants: { file: tenants }, instances: { file: instances } }, process.cwd());
if (!config.ok) throw new Error(config.reason);
const store = await createDuckDbStore({ dataDir, appendMode });
await store.migrate();
const enricher = await createEnricher(config.value, { watch: 'off' });
const started = performance.now();
const summary = await ingestAlbTarget({ store, enricher, counters: new IngestCounters() }, logs);
await store.close();
const seconds = (performance.now() - started) / 1000;
const reopened = await createDuckDbStore({ dataDir });
const stats = await reopened.stats();
await reopened.close();
process.stdout.write(
  `${JSON.stringify({
    seconds,
    rows: summary.accepted,
    deadLetters: summary.deadLettered,
    bytesIn: summary.bytesIn,
    bytesOut: summary.bytesOut,
    bytesOnDisk: stats.bytesOnDisk,
    storedRows: stats.rows.requests,
    enrichment: enricher.stats(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
