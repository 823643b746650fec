// The CLI sends its key (--key, else TINSEL_KEY) to a server that wants one.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { openTinsel, type Tinsel } from '../open-tinsel.ts';
import { startListeners, type Listeners } from '../start-listeners.ts';
import { testConfig } from '../test-support.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/tinsel.js', import.meta.url).pathname;
const KEY = 'cli-read-key-0123456789abcdef';

describe('tinsel CLI against a server with keys', () => {
  let tinsel: Tinsel;
  let listeners: Listeners;
  const cwd = mkdtempSync(join(tmpdir(), 'tinsel-cli-key-'));
  const stats = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [bin, 'stats', '--json', '--server', listeners.addresses.api!, ...args], { cwd, env: { ...process.env, TINSEL_KEY: '', ...env } });

  before(async () => {
    tinsel = await openTinsel(testConfig({ auth: { keys: [{ name: 'cli', key: KEY, scopes: ['read'] }], allowUnauthenticated: false } }));
    listeners = await startListeners(tinsel.config, tinsel, () => {});
  });
  after(async () => {
    await listeners.close();
    await tinsel.close();
  });

  it('fails with a message saying how to pass a key when it has none', async () => {
    await assert.rejects(stats([]), (error: { stderr: string }) => {
      assert.match(error.stderr, /refused the request \(401\).*Pass --key or set TINSEL_KEY/);
      return true;
    });
  });

  it('sends the key from --key and from TINSEL_KEY', async () => {
    for (const [args, env] of [[['--key', KEY], {}], [[], { TINSEL_KEY: KEY }]] as const) {
      const { stdout } = await stats([...args], env);
      assert.equal(typeof (JSON.parse(stdout) as { rows: Record<string, number> }).rows.requests, 'number');
    }
  });
});
