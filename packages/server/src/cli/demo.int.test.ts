import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Story } from '@tinsel/query';
import { sql } from '@tinsel/store';
import { createDuckDbStore } from '@tinsel/store-duckdb';

const bin = new URL('../../bin/tinsel.js', import.meta.url).pathname;
// Every listener on an ephemeral port (or off), so the test never collides with a running Tinsel.
const env = { ...process.env, TINSEL_LISTEN_PORT: '0', TINSEL_LISTEN_XRAY_UDP_PORT: '0', TINSEL_LISTEN_OTLP_PORT: 'off', TINSEL_LISTEN_ES_PORT: 'off', TINSEL_LISTEN_SEQ_PORT: 'off' };

/** A running `tinsel demo` and what it has printed so far. */
interface Demo {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>;
  stop: () => Promise<number | null>;
}

function startDemo(dataDir: string, extra: string[]): Demo {
  // An hour-long incident cycle keeps the scripted incidents the only ones in the backfill.
  const args = [bin, 'demo', '--data-dir', dataDir, '--backfill', '6m', '--rate', '25', '--sample-rate', '1', '--incident-every', '60m', ...extra];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    child,
    output: () => stdout,
    async waitFor(pattern, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(stdout);
        if (match) return match;
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} in the demo's output:\n${stdout}\n${stderr}`);
        await new Promise((wake) => setTimeout(wake, 200));
      }
    },
    stop: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}

describe('tinsel demo', () => {
  let dir: string;
  let demo: Demo;
  let api: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tinsel-demo-'));
    demo = startDemo(join(dir, 'data'), ['--incident', 'bad-deploy@-5m/5m', '--incident', 'target-timeouts@-5m/5m']);
    api = (await demo.waitFor(/UI\/API +(http:\/\/\S+)/))[1]!;
  });
  after(async () => {
    if (demo.child.exitCode === null) await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const story = async (traceId: string): Promise<Story> => {
    const response = await fetch(`${api}/api/story/${traceId}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as Story;
  };

  it('prints a story link for a request that failed in the app, whose ALB row, spans and logs agree', async () => {
    const link = (await demo.waitFor(/500 failed in the app +(\S+)\/story\/(1-[0-9a-f]{8}-[0-9a-f]{24})/))[2]!;
    const s = await story(link);
    assert.equal(s.requests.at(-1)!.elb_status_code, 500);
    // The first 500 may be the bad deploy's or a latent bug's (the mix follows the clock); either way the app failed and says how.
    assert.equal(s.classification.kind, 'failed-in-app');
    assert.match(String(s.classification.exception?.type), /Exception$/);
    assert.ok(s.spans.some((span) => span.status === 'fault'));
    assert.ok(s.logs.some((log) => log.level === 'error' && /Unhandled exception/.test(String(log.message))));
    assert.ok(s.enrichment.app_version, 'the enrichment names the app version');
    const trace = (await (await fetch(`${api}/api/traces/${link}`)).json()) as { spans: { span_id: string }[] };
    assert.deepEqual(trace.spans.map((sp) => sp.span_id).sort(), s.spans.map((sp) => sp.span_id).sort());
  });

  it('prints a story link for a request that died at the load balancer after the idle timeout', async () => {
    const link = (await demo.waitFor(/504 died at the load balancer +\S+\/story\/(1-[0-9a-f]{8}-[0-9a-f]{24})/))[1]!;
    const s = await story(link);
    const died = s.requests.find((r) => r.elb_status_code === 504)!;
    assert.ok(died);
    assert.equal(died.target_processing_time, null);
    assert.ok(s.spans.length > 0, 'the app was still working when the load balancer gave up');
  });

  it('keeps its data across a restart and sends nothing twice', async () => {
    assert.equal(await demo.stop(), 0);
    demo = startDemo(join(dir, 'data'), []);
    await demo.waitFor(/history +resumed; caught up/);
    await new Promise((wake) => setTimeout(wake, 3000));
    assert.equal(await demo.stop(), 0);
    const store = await createDuckDbStore({ dataDir: join(dir, 'data') });
    try {
      const [requests] = await store.query(sql`SELECT count(*) AS n, count(DISTINCT (trace_id, coalesce(trace_fields, ''))) AS distinct_n FROM requests`);
      const [logs] = await store.query(sql`SELECT count(*) AS n, count(DISTINCT (trace_id, timestamp, message_template)) AS distinct_n FROM logs`);
      const [spans] = await store.query(sql`SELECT count(*) AS n, count(DISTINCT span_id) AS distinct_n FROM spans`);
      assert.ok(Number(requests!.n) > 500);
      assert.equal(requests!.n, requests!.distinct_n);
      assert.equal(logs!.n, logs!.distinct_n);
      assert.equal(spans!.n, spans!.distinct_n);
      // History arrives through PutTraceSegments, live seconds through the daemon's UDP port.
      const bySource = await store.query(sql`SELECT source, count(*) AS n FROM spans GROUP BY source ORDER BY source`);
      assert.deepEqual(bySource.map((row) => row.source), ['xray-api', 'xray-udp']);
      const [logSources] = await store.query(sql`SELECT count(*) AS n FROM logs WHERE source = 'seq-clef'`);
      assert.equal(logSources!.n, logs!.n);
    } finally {
      await store.close();
    }
  });
});
