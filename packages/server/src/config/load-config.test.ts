import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from './load-config.ts';

function yamlFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tinsel-config-')), 'tinsel.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('serves the demo defaults with no file: embedded store under ./data, loopback', () => {
    const config = loadConfig({ env: {} });
    assert.ok(config.ok);
    assert.equal(config.value.dataDir, './data');
    assert.deepEqual(config.value.listen, { host: '127.0.0.1', port: 5170, xrayUdpPort: 2000, otlpPort: 4318, seqPort: 5341, esPort: 9200 });
  });

  it('applies the file, then TINSEL_ variables, then flags', () => {
    const file = yamlFile('dataDir: /var/lib/tinsel\nlisten:\n  port: 6000\n  host: 0.0.0.0\n');
    const config = loadConfig({ file, env: { TINSEL_LISTEN_PORT: '7000', TINSEL_DATA_DIR: '/srv/tinsel' }, overrides: { dataDir: '/flag' } });
    assert.ok(config.ok);
    assert.equal(config.value.listen.port, 7000);
    assert.equal(config.value.listen.host, '0.0.0.0');
    assert.equal(config.value.dataDir, '/flag');
  });

  it('reads the Elasticsearch port from the file or TINSEL_LISTEN_ES_PORT, false switching it off', () => {
    const fromFile = loadConfig({ file: yamlFile('listen:\n  esPort: 9201\n'), env: {} });
    assert.ok(fromFile.ok);
    assert.equal(fromFile.value.listen.esPort, 9201);
    const off = loadConfig({ file: yamlFile('listen:\n  esPort: 9201\n'), env: { TINSEL_LISTEN_ES_PORT: 'false' } });
    assert.ok(off.ok);
    assert.equal(off.value.listen.esPort, false);
    assert.deepEqual(loadConfig({ file: yamlFile('listen:\n  esPort: http\n'), env: {} }), { ok: false, reason: 'listen.esPort: expected a positive integer, got "http"' });
  });

  it('names the key of a bad value', () => {
    const config = loadConfig({ file: yamlFile('listen:\n  port: 70000\n'), env: {} });
    assert.deepEqual(config, { ok: false, reason: 'listen.port: expected an integer from 0 to 65535, got 70000' });
  });

  it('caps DuckDB memory at 256MB unless told otherwise, and checks the size', () => {
    const defaults = loadConfig({ env: {} });
    assert.ok(defaults.ok);
    assert.equal(defaults.value.store.duckdb.memoryLimit, '256MB');
    const raised = loadConfig({ env: { TINSEL_STORE_DUCKDB_MEMORY_LIMIT: '4GB' } });
    assert.ok(raised.ok);
    assert.equal(raised.value.store.duckdb.memoryLimit, '4GB');
    const bad = loadConfig({ file: yamlFile('store:\n  duckdb:\n    memoryLimit: lots\n'), env: {} });
    assert.deepEqual(bad, { ok: false, reason: 'store.duckdb.memoryLimit: expected a size like 256MB or 4GB, got "lots"' });
  });

  it('names an unknown top-level key', () => {
    const config = loadConfig({ file: yamlFile('dataDri: ./x\n'), env: {} });
    assert.equal(config.ok, false);
    assert.match(config.ok ? '' : config.reason, /^dataDri: unknown key/);
  });

  it('reports a YAML syntax error with the file name', () => {
    const file = yamlFile('listen: [\n');
    const config = loadConfig({ file, env: {} });
    assert.equal(config.ok, false);
    assert.match(config.ok ? '' : config.reason, new RegExp(`^${file}: `));
  });

  it('resolves relative paths against the folder of tinsel.yaml', () => {
    const file = yamlFile('enrichment: {}\n');
    const config = loadConfig({ file, env: {} });
    assert.ok(config.ok);
    assert.equal(config.value.baseDir, join(file, '..'));
  });
});
