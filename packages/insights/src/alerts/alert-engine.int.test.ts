import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { EmailNotifier } from '../notifiers/email-notifier.ts';
import { WebhookNotifier } from '../notifiers/webhook-notifier.ts';
import { openSimulatedStore, type SimulatedStore } from '../simulated-store.test-support.ts';
import { AlertEngine } from './alert-engine.ts';
import { parseAlertRule, type AlertRule } from './alert-rule.ts';

const MINUTE = 60_000;
const ONSET = Date.UTC(2026, 10, 24, 14);

interface Received { path: string; body: Record<string, unknown> }

describe('AlertEngine with real receivers', () => {
  let env: SimulatedStore;
  let http: Server;
  let smtp: SMTPServer;
  let hookBase = '';
  let smtpPort = 0;
  const posts: Received[] = [];
  const mails: string[] = [];

  before(async () => {
    env = await openSimulatedStore({ fromMs: ONSET - 10 * MINUTE, toMs: ONSET + 12 * MINUTE, rate: 20, incidents: [{ kind: 'target-timeouts', start: ONSET, durationMs: 4 * MINUTE, target: '2' }] });
    http = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        posts.push({ path: req.url ?? '', body: JSON.parse(text) as Record<string, unknown> });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    hookBase = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let text = '';
        stream.on('data', (c: Buffer) => (text += c.toString()));
        stream.on('end', () => {
          mails.push(text);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });

  after(async () => {
    await env.close();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  function rule(extra: Record<string, unknown> = {}): AlertRule {
    const parsed = parseAlertRule({ name: 'lb-5xx', query: 'status:>=500 | stats count() by instance_id', condition: '> 20', window: '1m', for: '1m', ...extra }, 'api');
    assert.ok(parsed.ok);
    return parsed.value;
  }

  it('notifies a firing alert once to every receiver, then its resolution', async () => {
    posts.length = 0;
    mails.length = 0;
    const email = new EmailNotifier('mail', { host: '127.0.0.1', port: smtpPort, secure: false, user: null, password: null, from: 'tinsel@example.com', to: ['oncall@example.com'] });
    const engine = new AlertEngine({ store: env.store, notifiers: [new WebhookNotifier('hook', `${hookBase}/generic`, 'json'), new WebhookNotifier('slack', `${hookBase}/slack`, 'slack'), email] });
    engine.putRule(rule());
    const statuses: string[] = [];
    for (let now = ONSET - 3 * MINUTE; now <= ONSET + 9 * MINUTE; now += MINUTE) {
      const report = await engine.evaluate(now);
      assert.deepEqual(report.failures, []);
      statuses.push(...report.notifications.map((n) => `${(now - ONSET) / MINUTE}:${n.status}:${n.alerts.length}`));
    }
    email.close();
    // Fires after holding for a minute, is not repeated while it keeps firing, resolves after the incident.
    assert.equal(statuses.filter((s) => s.includes(':firing:')).length, 1, statuses.join(' '));
    assert.equal(statuses.filter((s) => s.includes(':resolved:')).length, 1, statuses.join(' '));
    const generic = posts.filter((p) => p.path === '/generic');
    assert.deepEqual(generic.map((p) => p.body.status), ['firing', 'resolved']);
    const firstAlert = (generic[0]?.body.alerts as { labels: Record<string, string> }[])[0];
    assert.equal(firstAlert?.labels.instance_id, env.sim.timeline.at(2, ONSET).instanceId);
    const slack = posts.filter((p) => p.path === '/slack');
    assert.equal(slack.length, 2);
    assert.match(String(slack[0]?.body.text), /^\[FIRING\] lb-5xx/);
    assert.equal((slack[1]?.body.attachments as { color: string }[])[0]?.color, 'good');
    assert.equal(mails.length, 2);
    assert.match(mails[0] ?? '', /Subject: \[FIRING\] lb-5xx/);
    assert.match(mails[1] ?? '', /Resolved: lb-5xx/);
  });

  it('sends nothing for a silenced alert, firing or resolved', async () => {
    posts.length = 0;
    const engine = new AlertEngine({ store: env.store, notifiers: [new WebhookNotifier('hook', `${hookBase}/generic`, 'json')] });
    engine.putRule(rule());
    const instance = env.sim.timeline.at(2, ONSET).instanceId;
    engine.addSilence({ id: 's1', rule: 'lb-5xx', matchers: { instance_id: instance }, startsAt: ONSET - MINUTE, endsAt: ONSET + 30 * MINUTE, comment: 'known', createdBy: 'test' });
    for (let now = ONSET - MINUTE; now <= ONSET + 9 * MINUTE; now += MINUTE) await engine.evaluate(now);
    assert.deepEqual(posts, []);
  });

  it('counts a receiver that refuses as a failure', async () => {
    const engine = new AlertEngine({ store: env.store, notifiers: [new WebhookNotifier('dead', 'http://127.0.0.1:1/none', 'json', 2000)] });
    engine.putRule(rule({ condition: '>= 0', for: '0s' }));
    const report = await engine.evaluate(ONSET + 2 * MINUTE);
    assert.equal(report.failures.length, 1);
    assert.equal(report.failures[0]?.notifier, 'dead');
  });
});
