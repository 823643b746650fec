// A 401 from any API call means the session ended (or never began): the
// app listens here and shows the sign-in form instead of the page.

const listeners = new Set<() => void>();

/** Calls `listener` on every 401 answer; returns the way to stop. */
export function onUnauthorized(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners that the API refused a call for want of a session. */
export function reportUnauthorized(): void {
  for (const listener of listeners) listener();
}
