import { fileURLToPath } from 'node:url';
import { ingestAlbTarget } from '@tinsel/ingest';
import { openTinsel } from '../open-tinsel.ts';
import { loadConfig } from '../config/load-config.ts';
import { parseCommand } from './common-options.ts';
import { logEvent, serve } from './serve-command.ts';

// The sample dataset shipped with Tinsel: ALB logs in the S3 key layout and
// the enrichment tables that describe its estate.
const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

/**
 * `tinsel demo` (what `npm start` runs): ingests the sample dataset into the
 * data folder (a no-op after the first time) and serves.
 */
export async function runDemo(args: string[]): Promise<number> {
  const { config, values } = parseCommand(args, {});
  const demoConfig = loadConfig({ file: `${demoDir}tinsel.yaml` });
  if (!demoConfig.ok) throw new Error(demoConfig.reason);
  // The user's own settings win; the demo only brings its enrichment tables.
  const merged = values.config ? config : { ...config, enrichment: demoConfig.value.enrichment, baseDir: demoConfig.value.baseDir };
  const tinsel = await openTinsel(merged, logEvent);
  const summary = await ingestAlbTarget(tinsel, `${demoDir}AWSLogs`);
  await tinsel.store.compact();
  logEvent({ msg: 'demo dataset ingested', files: summary.files.length, unchanged: summary.unchanged, rows: summary.accepted, deadLetters: summary.deadLettered });
  await serve(merged, tinsel);
  return 0;
}
