// `npm run bench -- <name> [options]`: runs one benchmark from bench/src/benches/.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'benches');
const available = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.replace(/\.ts$/, ''));
const [name, ...args] = process.argv.slice(2);

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [options]\nbenchmarks: ${available.join(', ')}`);
  process.exit(name ? 1 : 0);
}
const bench = (await import(join(dir, `${name}.ts`))) as { run(args: string[]): Promise<void> };
await bench.run(args);
