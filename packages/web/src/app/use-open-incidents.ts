// The count of open incidents for the navigation's badge, polled while the
// page is open. A server without insights (or a key that cannot read them)
// shows no badge rather than an error.
import { useEffect, useState } from 'react';
import { fetchIncidents } from '../api/index.ts';

/** How often the badge asks: detection runs once a minute, so twice a minute is enough. */
export const OPEN_INCIDENTS_POLL_MS = 30_000;

/** Open incidents opened in the last week; null while unknown or unavailable. */
export function useOpenIncidents(enabled: boolean): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    const ask = () =>
      fetchIncidents({ status: 'open', from: '-7d', limit: 1000 }, abort.signal).then(
        (answer) => setCount(answer.incidents.length),
        () => !abort.signal.aborted && setCount(null),
      );
    void ask();
    const timer = setInterval(() => void ask(), OPEN_INCIDENTS_POLL_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [enabled]);
  return enabled ? count : null;
}
