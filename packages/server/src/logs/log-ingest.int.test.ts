// NDJSON logs: POST /api/ingest/logs and `tinsel ingest logs <file>`, direct and through a server.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { propertiesOf, startLogTestServer, type LogTestServer } from './log-test-server.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/tinsel.js', import.meta.url).pathname;
const TRACE = '5759e988bd862e3fe1be46a994272793';

/** CLEF, pino, winston and bunyan lines, then a broken one and an impossible time. */
function mixedLines(marker: string): string[] {
  return [
    `{"@t":"2024-03-01T10:15:30.1234567Z","@mt":"${marker} clef {OrderId}","OrderId":7,"@tr":"${TRACE}"}`,
    `{"level":30,"time":1709288130500,"pid":1,"hostname":"web-3","msg":"${marker} pino","trace_id":"${TRACE}","req":{"id":1,"headers":{"host":"shop"}}}`,
    `{"level":"warn","message":"${marker} winston","timestamp":"2024-03-01T10:15:31.000Z","AmznTraceId":"Root=1-5759e988-bd862e3fe1be46a994272793"}`,
    `{"name":"api","hostname":"h1","pid":2,"level":50,"msg":"${marker} bunyan","time":"2024-03-01T10:15:32.000Z","v":0}`,
    '{"msg": "broken',
    `{"msg":"${marker} impossible","time":"2024-02-30T00:00:00Z"}`,
  ];
}

describe('POST /api/ingest/logs', () => {
  let server: LogTestServer;
  before(async () => {
    server = await startLogTestServer();
  });
  after(() => server.close());

  it('stores each good line and dead-letters each bad one with its line number, gzip or not', async () => {
    for (const [marker, encode] of [['ndjson-plain', (s: string) => s], ['ndjson-gzip', (s: string) => gzipSync(s)]] as const) {
      const response = await fetch(`${server.listeners.addresses.api}/api/ingest/logs`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: encode(mixedLines(marker).join('\n')) });
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { accepted: 4, deadLettered: 2 });
      const rows = await server.logsWith(marker);
      assert.deepEqual(rows.map((r) => [r.level, r.trace_id]), [['info', TRACE], ['info', TRACE], ['warn', TRACE], ['error', null]]);
      assert.equal(rows[0]?.message, `${marker} clef 7`);
      assert.deepEqual(propertiesOf(rows[1]).req, { id: 1, headers: { host: 'shop' } });
      assert.equal(rows[3]?.service, 'api');
    }
    const dead = await server.deadLetters();
    assert.deepEqual(dead.map((d) => d.position), [5, 5, 6, 6]);
    assert.match(String(dead.find((d) => d.position === 6)?.reason), /impossible timestamp/);
    assert.equal(server.tinsel.counters.get('tinsel_ndjson_events_total'), 8);
    assert.equal(server.tinsel.counters.get('tinsel_ndjson_events_rejected_total'), 4);
  });
});

describe('tinsel ingest logs', () => {
  let dir: string;
  let server: LogTestServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tinsel-logs-cli-'));
    writeFileSync(join(dir, 'app.jsonl.gz'), gzipSync(`\uFEFF${mixedLines('cli-direct').join('\r\n')}\r\n`));
    writeFileSync(join(dir, 'app.clef'), `${mixedLines('cli-server').join('\n')}\n`);
    server = await startLogTestServer();
  });
  after(() => server.close());

  it('writes a gzip file directly into the data folder when no server is used', async () => {
    const dataDir = join(dir, 'data');
    const { stderr } = await run(process.execPath, [bin, 'ingest', 'logs', join(dir, 'app.jsonl.gz'), '--data-dir', dataDir, '--direct'], { cwd: dir });
    assert.match(stderr, /^done +\S+app\.jsonl\.gz +4 rows, 2 dead letters$/m);
    const { stdout } = await run(process.execPath, [bin, 'stats', '--json', '--data-dir', dataDir, '--direct'], { cwd: dir });
    const stats = JSON.parse(stdout) as { rows: Record<string, number> };
    assert.equal(stats.rows.logs, 4);
    assert.equal(stats.rows.dead_letters, 2);
  });

  it('sends through a running server, dead letters keeping their line in the file', async () => {
    const { stderr } = await run(process.execPath, [bin, 'ingest', 'logs', join(dir, 'app.clef'), '--server', server.listeners.addresses.api!], { cwd: dir });
    assert.match(stderr, /^done +\S+app\.clef +4 rows, 2 dead letters$/m);
    assert.equal((await server.logsWith('cli-server')).length, 4);
    assert.deepEqual((await server.deadLetters()).map((d) => d.position), [5, 6]);
  });
});
