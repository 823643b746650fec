import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeAlertRule, parseAlertRule, type AlertEngine, type AlertRule, type Silence } from '@tinsel/insights';

/** Where alert rules and silences made through the API are kept, beside the store's data. */
export function alertStatePath(dataDir: string): string {
  return join(dataDir, 'alerts.json');
}

/** What the file holds: API rules in the shape they are posted in, and silences not yet ended. */
interface AlertStateFile {
  rules: Record<string, unknown>[];
  silences: { id: string; rule: string | null; matchers: Record<string, string>; startsAt: string; endsAt: string; comment: string; createdBy: string }[];
}

/**
 * The rules and silences saved by an earlier run. Each rule is checked again
 * as if posted; a file that cannot be read is set aside (renamed with
 * `.unreadable-<time>`), reported, and the server starts without it rather
 * than not at all.
 */
export function readAlertState(path: string, log: (event: Record<string, unknown>) => void, nowMs = Date.now()): { rules: AlertRule[]; silences: Silence[] } {
  if (!existsSync(path)) return { rules: [], silences: [] };
  try {
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Partial<AlertStateFile>;
    const rules = (saved.rules ?? []).map((raw, i) => {
      const parsed = parseAlertRule(raw, 'api');
      if (!parsed.ok) throw new Error(`rules[${i}]: ${parsed.reason}`);
      return parsed.value;
    });
    const silences = (saved.silences ?? []).map((s, i) => silenceOf(s, i)).filter((s) => s.endsAt > nowMs);
    return { rules, silences };
  } catch (error) {
    const aside = `${path}.unreadable-${nowMs}`;
    renameSync(path, aside);
    log({ level: 'error', msg: 'the saved alert rules and silences could not be read; starting without them', file: aside, error: (error as Error).message });
    return { rules: [], silences: [] };
  }
}

function silenceOf(raw: AlertStateFile['silences'][number], i: number): Silence {
  const startsAt = Date.parse(raw.startsAt);
  const endsAt = Date.parse(raw.endsAt);
  const matchers = raw.matchers ?? {};
  if (typeof raw.id !== 'string' || !Number.isFinite(startsAt) || !Number.isFinite(endsAt) || typeof matchers !== 'object' || !Object.values(matchers).every((v) => typeof v === 'string')) {
    throw new Error(`silences[${i}]: not a silence`);
  }
  return { id: raw.id, rule: typeof raw.rule === 'string' ? raw.rule : null, matchers, startsAt, endsAt, comment: String(raw.comment ?? ''), createdBy: String(raw.createdBy ?? '') };
}

/** Saves the engine's API rules and live silences, replacing the file whole (write, then rename). */
export function writeAlertState(path: string, engine: AlertEngine, nowMs = Date.now()): void {
  const rules = engine.rules().filter((r) => r.origin === 'api').map((rule) => {
    const { origin: _origin, ...posted } = describeAlertRule(rule);
    return posted;
  });
  const silences = engine.silences().filter((s) => s.endsAt > nowMs).map((s) => ({ ...s, startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString() }));
  const file: AlertStateFile = { rules, silences };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}
