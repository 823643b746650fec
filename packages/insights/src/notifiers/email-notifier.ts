import nodemailer, { type Transporter } from 'nodemailer';
import { summary, type Notification, type Notifier } from './notification.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  to: string[];
}

/** Sends notifications as plain-text email through an SMTP server (nodemailer). */
export class EmailNotifier implements Notifier {
  private readonly transport: Transporter;

  constructor(readonly name: string, private readonly settings: SmtpSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user === null ? undefined : { user: settings.user, pass: settings.password ?? '' },
    });
  }

  async send(n: Notification): Promise<void> {
    await this.transport.sendMail({ from: this.settings.from, to: this.settings.to, subject: summary(n).slice(0, 200), text: emailBody(n) });
  }

  close(): void {
    this.transport.close();
  }
}

function emailBody(n: Notification): string {
  const lines = [`${n.status === 'firing' ? 'Firing' : 'Resolved'}: ${n.rule}`, `Query: ${n.query}`, `Condition: ${n.condition}`, ''];
  for (const a of n.alerts) {
    const labels = Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(' ') || '(all)';
    lines.push(`- ${labels}: ${a.value} since ${new Date(a.startsAt).toISOString()}${a.endsAt === null ? '' : `, resolved ${new Date(a.endsAt).toISOString()}`}`);
  }
  if (n.url) lines.push('', n.url);
  return `${lines.join('\n')}\n`;
}
