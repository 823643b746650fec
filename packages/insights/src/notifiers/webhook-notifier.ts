import { summary, type Notification, type Notifier } from './notification.ts';

/** `json`: Tinsel's own document; `slack`: an incoming-webhook message Slack (and Mattermost, Teams via Slack mode) accept. */
export type WebhookFormat = 'json' | 'slack';

/**
 * Posts notifications to a URL. A non-2xx answer is an error, so the
 * engine can count it and try again at the next change.
 *
 * @example
 * new WebhookNotifier('ops', 'https://hooks.slack.com/services/…', 'slack');
 */
export class WebhookNotifier implements Notifier {
  constructor(readonly name: string, private readonly url: string, private readonly format: WebhookFormat, private readonly timeoutMs = 10_000) {}

  async send(notification: Notification): Promise<void> {
    const body = this.format === 'slack' ? slackMessage(notification) : { version: 1, ...notification };
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`webhook ${this.name} answered ${response.status}`);
  }
}

/** Slack's incoming-webhook shape: a `text` fallback and one coloured attachment per alert group. */
export function slackMessage(n: Notification): Record<string, unknown> {
  return {
    text: summary(n),
    attachments: [{
      color: n.status === 'firing' ? 'danger' : 'good',
      title: `${n.status === 'firing' ? 'Firing' : 'Resolved'}: ${n.rule}`,
      title_link: n.url ?? undefined,
      text: `\`${n.query}\` ${n.condition}`,
      fields: n.alerts.slice(0, 20).map((a) => ({
        title: Object.keys(a.labels).length === 0 ? n.rule : Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(' '),
        value: String(a.value),
        short: true,
      })),
    }],
  };
}
