import { loadStory, type Story } from '@tinsel/query';
import { openTinsel } from '../open-tinsel.ts';
import type { TinselConfig } from '../config/config.ts';
import { parseCommand } from './common-options.ts';
import { findServer, serverFetch } from './find-server.ts';
import { renderStory } from './render-story.ts';

/**
 * `tinsel story <id>`: the story of one request as a terminal timeline (or
 * JSON with `--json`), through a running server when one answers, else
 * from the data folder. Exits 1 when nothing has the id, 2 for a bad id.
 */
export async function runStory(args: string[]): Promise<number> {
  const { config, values, positionals } = parseCommand(args, { json: { type: 'boolean' } });
  const id = positionals.join(' ').trim();
  if (id === '') throw new Error('usage: tinsel story <X-Ray id | 32 hex | X-Amzn-Trace-Id header>');
  const server = await findServer(values.server as string | undefined, config.listen.port, values.direct === true);
  const found = server ? await fetchStory(server, id) : await readStory(config, id);
  if ('problem' in found) {
    process.stderr.write(`tinsel story: ${found.problem}\n`);
    return found.exitCode;
  }
  process.stdout.write(values.json ? `${JSON.stringify(found.story)}\n` : renderStory(found.story));
  return 0;
}

type Found = { story: Story } | { problem: string; exitCode: number };

async function fetchStory(server: string, id: string): Promise<Found> {
  const response = await serverFetch(`${server}/api/story/${encodeURIComponent(id)}`);
  const body = (await response.json()) as Story | { error: string; message: string };
  if (response.ok) return { story: body as Story };
  const { error, message } = body as { error: string; message: string };
  return { problem: `${message} (${error})`, exitCode: response.status === 404 ? 1 : 2 };
}

async function readStory(config: TinselConfig, id: string): Promise<Found> {
  const tinsel = await openTinsel(config);
  try {
    const story = await loadStory(tinsel.store, id);
    if (!story.ok) return { problem: `id: ${story.reason}`, exitCode: 2 };
    if (story.value === null) return { problem: 'No load-balancer record, span or log line has this trace id.', exitCode: 1 };
    return { story: story.value };
  } finally {
    await tinsel.close();
  }
}
