/** Where one alert (a rule's group) stands. */
export interface AlertState {
  rule: string;
  labels: Record<string, string>;
  value: number;
  /** Epoch ms the condition began to hold; null while it does not. */
  pendingSince: number | null;
  /** Epoch ms it fired (held for the rule's `for`); null while not firing. */
  firingSince: number | null;
  /** Epoch ms its firing was last notified; null when never (silenced, or not yet). */
  notifiedAt: number | null;
  /** Recent values, for `anomalous` rules. */
  history: number[];
}

export function labelsKey(rule: string, labels: Record<string, string>): string {
  return `${rule}\u0000${Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('\u0000')}`;
}
