import { listDeadLetters } from '@tinsel/query';
import { openTinsel } from '../open-tinsel.ts';
import { parseCommand } from './common-options.ts';
import { findServer, serverFetch } from './find-server.ts';

/** `tinsel dead-letters`: the newest rejected inputs, one per line. */
export async function runDeadLetters(args: string[]): Promise<number> {
  const { config, values } = parseCommand(args, { source: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } });
  const limit = Number(values.limit ?? 20);
  const source = (values.source as string | undefined) ?? null;
  const server = await findServer(values.server as string | undefined, config.listen.port, values.direct === true);
  let rows: Record<string, unknown>[];
  if (server) {
    const query = new URLSearchParams({ limit: String(limit), ...(source ? { source } : {}) });
    rows = ((await (await serverFetch(`${server}/api/dead-letters?${query}`)).json()) as { rows: Record<string, unknown>[] }).rows;
  } else {
    const tinsel = await openTinsel(config);
    try {
      rows = await tinsel.store.query(listDeadLetters({ source, signal: null, limit }));
    } finally {
      await tinsel.close();
    }
  }
  for (const row of rows) {
    if (values.json) process.stdout.write(`${JSON.stringify(row)}\n`);
    else process.stdout.write(`${row.source}:${row.position}  ${row.reason}\n    ${String(row.raw).slice(0, 160)}\n`);
  }
  if (!values.json && rows.length === 0) process.stdout.write('no dead letters\n');
  return 0;
}
