import { AlertEngine, Detector, EmailNotifier, IncidentRepository, WebhookNotifier, type Incident, type Notifier } from '@tinsel/insights';
import type { Store } from '@tinsel/store';
import { defaultInsightsConfig, type InsightsConfig, type NotifierConfig } from '../config/insights-config.ts';
import { readAlertState, writeAlertState } from './alert-state-file.ts';

/** The detector, the incidents it keeps and the alert engine, as the API sees them. */
export interface InsightsRuntime {
  detector: Detector;
  incidents: IncidentRepository;
  alerts: AlertEngine;
  config: InsightsConfig;
  /** One detection cycle and one alert evaluation at `nowMs`. */
  tick(nowMs: number): Promise<void>;
  /** Keeps the rules and silences made through the API for the next start (a no-op without a state file). */
  saveAlerts(): void;
  close(): Promise<void>;
}

/**
 * Builds the insights side of a running Tinsel and, when enabled, runs it on
 * its interval (once a minute by default) until closed. A cycle still
 * running when the next is due is not doubled: that tick is skipped.
 */
export function startInsights(store: Store, config: InsightsConfig | undefined, log: (event: Record<string, unknown>) => void, options: { loop?: boolean; statePath?: string } = {}): InsightsRuntime {
  const settings = config ?? defaultInsightsConfig;
  const notifiers = settings.alerts.notifiers.map(notifierFor);
  const incidents = new IncidentRepository(store);
  const detector = new Detector({ store, repository: incidents, historyMinutes: settings.insights.historyMinutes, sameHourDays: settings.insights.sameHourDays });
  const alerts = new AlertEngine({ store, notifiers, repeatMs: settings.alerts.repeatMs, publicUrl: settings.alerts.publicUrl, log });
  for (const rule of settings.alerts.rules) alerts.putRule(rule);
  if (options.statePath) {
    const saved = readAlertState(options.statePath, log);
    // A rule tinsel.yaml now defines under the same name wins over the one posted earlier.
    for (const rule of saved.rules) if (!settings.alerts.rules.some((r) => r.name === rule.name)) alerts.putRule(rule);
    for (const silence of saved.silences) alerts.addSilence(silence);
  }
  const incidentNotifiers = notifiers.filter((n) => settings.insights.notify.includes(n.name));
  let running = false;
  const tick = async (nowMs: number) => {
    if (running) return;
    running = true;
    try {
      if (settings.insights.enabled) {
        const report = await detector.runCycle(nowMs);
        for (const incident of report.changed) await notifyIncident(incident, incidentNotifiers, settings.alerts.publicUrl, log);
        if (report.changed.length > 0) log({ level: 'info', msg: 'insights cycle', minute: new Date(report.minute).toISOString(), anomalies: report.anomalies.length, changed: report.changed.map((i) => `${i.id}:${i.status}`), elapsedMs: Math.round(report.elapsedMs) });
      }
      await alerts.evaluate(nowMs);
    } catch (error) {
      log({ level: 'error', msg: 'insights cycle failed', error: String(error) });
    } finally {
      running = false;
    }
  };
  const timer = options.loop === false ? null : setInterval(() => void tick(Date.now()), settings.insights.intervalMs);
  timer?.unref();
  return {
    detector, incidents, alerts, config: settings, tick,
    saveAlerts() {
      if (options.statePath) writeAlertState(options.statePath, alerts);
    },
    async close() {
      if (timer) clearInterval(timer);
      for (const n of notifiers) if (n instanceof EmailNotifier) n.close();
    },
  };
}

function notifierFor(config: NotifierConfig): Notifier {
  return config.type === 'webhook' ? new WebhookNotifier(config.name, config.url, config.format) : new EmailNotifier(config.name, config);
}

/** Incidents reach people through the same notifiers: opened as firing, resolved as resolved; updates stay quiet. */
async function notifyIncident(incident: Incident, notifiers: readonly Notifier[], publicUrl: string | null, log: (event: Record<string, unknown>) => void): Promise<void> {
  const last = incident.timeline[incident.timeline.length - 1];
  if (!last || last.kind === 'updated') return;
  const top = incident.candidates[0];
  const notification = {
    rule: `insights:${incident.family}`,
    status: incident.status === 'open' ? ('firing' as const) : ('resolved' as const),
    condition: 'anomalous',
    query: incident.title,
    alerts: [{ labels: { incident: incident.id, ...(top ? { [top.dimension]: top.value } : {}) }, value: incident.impact.badRequests, startsAt: incident.onset, endsAt: incident.resolvedAt }],
    groupKey: `insights/${incident.id}`,
    url: publicUrl === null ? null : `${publicUrl}/api/insights/${encodeURIComponent(incident.id)}`,
  };
  for (const n of notifiers) await n.send(notification).catch((error: unknown) => log({ level: 'warn', msg: 'incident notification failed', notifier: n.name, error: String(error) }));
}
