import { parseArgs } from 'node:util';
import { startAlbProxy } from '../alb-proxy/alb-proxy.ts';

/**
 * `tinsel alb-proxy --listen :8080 --target http://localhost:3000 --log-dir DIR`:
 * a local stand-in for an ALB in front of one target, writing real-format
 * access logs that `tinsel ingest alb DIR` reads.
 */
export async function runAlbProxy(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      listen: { type: 'string', default: ':8080' }, target: { type: 'string' }, 'log-dir': { type: 'string' }, 'flush-seconds': { type: 'string', default: '60' },
      'lb-name': { type: 'string', default: 'local-proxy' }, account: { type: 'string', default: '123456789012' }, region: { type: 'string', default: 'us-east-1' },
    },
    strict: true,
  });
  if (!values.target || !values['log-dir']) throw new Error('usage: tinsel alb-proxy --listen [HOST]:PORT --target URL --log-dir DIR [--flush-seconds 60] [--lb-name NAME] [--account ID] [--region R]');
  const match = /^(.*):(\d+)$/.exec(values.listen);
  if (match === null) throw new Error(`--listen: expected [HOST]:PORT, got "${values.listen}"`);
  if (!/^\d{12}$/.test(values.account)) throw new Error(`--account: expected 12 digits, got "${values.account}"`);
  const flushSeconds = Number(values['flush-seconds']);
  if (!(flushSeconds > 0)) throw new Error(`--flush-seconds: expected a positive number, got "${values['flush-seconds']}"`);
  const proxy = await startAlbProxy({
    host: match[1] || '127.0.0.1', port: Number(match[2]), target: values.target, flushMs: flushSeconds * 1000,
    layout: { logDir: values['log-dir'], accountId: values.account, region: values.region, lbId: `app.${values['lb-name']}.0123456789abcdef`, nodeIp: '127.0.0.1' },
  });
  process.stderr.write(`alb-proxy: ${proxy.url} → ${values.target}; access logs every ${flushSeconds}s under ${values['log-dir']}/AWSLogs\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const written = await proxy.close();
  process.stderr.write(`alb-proxy: wrote ${written.length} last log object(s)\n`);
  return 0;
}
