#!/usr/bin/env node
// The `tinsel` command: serve, demo, ingest, stats, dead-letters.
import { runAlbProxy } from './alb-proxy-command.ts';
import { runDeadLetters } from './dead-letters-command.ts';
import { runDemo } from './demo-command.ts';
import { runHashPassword } from './hash-password-command.ts';
import { runIngest } from './ingest-command.ts';
import { runQuery } from './query-command.ts';
import { runServe } from './serve-command.ts';
import { runSimulate } from './simulate-command.ts';
import { runStats } from './stats-command.ts';
import { runStory } from './story-command.ts';

const usage = `usage: tinsel <command> [options]

commands:
  serve                         run the API on the embedded store
  demo                          serve with a simulated estate sending live traffic (docs/simulator.md)
  ingest alb <file|folder|s3://bucket/prefix>
                                ingest ALB access logs (.log, .log.gz)
  ingest logs <file>            ingest application logs: CLEF or JSON lines (pino, winston, bunyan), gzip or not
  stats                         rows per table, dead letters, bytes on disk
  dead-letters [--source S] [--limit N]
                                the newest rejected lines with their reasons
  story <id> [--json]            one request's whole story as a timeline (any id form)
  query '<tql>' [--signal requests|spans|logs] [--from -1h] [--to now] [--limit N] [--format table|json|csv] [--cursor C] [--explain]
                                search with the query language (docs/query-language.md)
  simulate --out DIR | --live   a simulated estate as files or live traffic (docs/simulator.md)
  alb-proxy --listen :8080 --target URL --log-dir DIR
                                a local ALB stand-in writing real-format access logs (docs/node-sdk.md)
  hash-password                 read a password from stdin, print its hash for auth.users (docs/security.md)

common options:
  --config FILE     tinsel.yaml to read (default ./tinsel.yaml when present)
  --data-dir DIR    folder of the embedded store (default ./data)
  --host HOST       address to listen on (default 127.0.0.1)
  --port PORT       API port (default 5170)
  --server URL      go through a running server (default http://127.0.0.1:5170 when it answers)
  --direct          open the data folder directly, even if a server answers
  --key KEY         API key sent to the server (default $TINSEL_KEY; docs/security.md)
`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  serve: runServe,
  demo: runDemo,
  ingest: runIngest,
  stats: runStats,
  'dead-letters': runDeadLetters,
  story: runStory,
  simulate: runSimulate,
  query: runQuery,
  'alb-proxy': runAlbProxy,
  'hash-password': runHashPassword,
};

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  process.stderr.write(usage);
  process.exit(name === undefined || name === '--help' || name === 'help' ? 0 : 2);
}
try {
  process.exitCode = await command(args);
} catch (error) {
  // A local user may see the underlying cause (a lock held by a running server, a missing file).
  const cause = (error as Error).cause instanceof Error ? ` (${((error as Error).cause as Error).message.split('\n')[0]})` : '';
  process.stderr.write(`tinsel ${name}: ${(error as Error).message}${cause}\n`);
  process.exitCode = 1;
}
