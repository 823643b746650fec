// Regenerates packages/server/demo: the sample dataset `npm start` ingests.
// Run with: node --import tsx scripts/make-demo-dataset.ts
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAlbDataset } from '../bench/src/alb/write-alb-dataset.ts';

const root = new URL('../packages/server/demo/', import.meta.url).pathname;
rmSync(join(root, 'AWSLogs'), { recursive: true, force: true });
rmSync(join(root, 'complete'), { force: true });
await writeAlbDataset(root, 30_000, 7, 10_000);
rmSync(join(root, 'complete'), { force: true });
writeFileSync(
  join(root, 'tinsel.yaml'),
  `# Enrichment for the demo dataset: tenants by domain, instances by target IP.
# One IP (the first target) is reused by a replacement instance half an hour in.
enrichment:
  tenants:
    file: ./tenants.csv
  instances:
    file: ./instances.csv
`,
);
