// Who is signed in, kept for the whole app: asked once at start, and turned
// to "signed out" by any 401 an API call gets (an expired or ended session).
import { useCallback, useEffect, useState } from 'react';
import { fetchSession, signOut as endSession, type SessionInfo, type SignInMethod } from '../api/session.ts';
import { onUnauthorized } from '../api/unauthorized.ts';

export type SessionView =
  /** Not known yet: the page renders meanwhile, so an open server costs no extra wait. */
  | { phase: 'unknown' }
  /** The server asks no one to sign in. */
  | { phase: 'open' }
  | { phase: 'signed-in'; info: SessionInfo }
  /** `methods` null until the server has said; `ended` when a session was refused mid-use. */
  | { phase: 'signed-out'; methods: SignInMethod[] | null; ended: boolean };

function viewOf(info: SessionInfo): SessionView {
  if (!info.authRequired) return { phase: 'open' };
  if (info.signedIn) return { phase: 'signed-in', info };
  return { phase: 'signed-out', methods: info.methods ?? null, ended: false };
}

/** The session state plus what changes it: a successful sign-in and signing out. */
export function useSession(): { view: SessionView; signedIn: (info: SessionInfo) => void; signOut: () => Promise<void> } {
  const [view, setView] = useState<SessionView>({ phase: 'unknown' });

  const refresh = useCallback(() => {
    fetchSession().then(
      (info) =>
        setView((current) => {
          const next = viewOf(info);
          // Keep saying the session ended while the form is up.
          return next.phase === 'signed-out' && current.phase === 'signed-out' ? { ...next, ended: current.ended } : next;
        }),
      // Unreachable server: the pages say so themselves.
      () => {},
    );
  }, []);

  useEffect(() => {
    refresh();
    return onUnauthorized(() => {
      setView((current) => (current.phase === 'signed-out' ? current : { phase: 'signed-out', methods: null, ended: current.phase === 'signed-in' }));
      refresh();
    });
  }, [refresh]);

  const signOut = useCallback(async () => {
    await endSession().catch(() => {});
    setView({ phase: 'signed-out', methods: null, ended: false });
    refresh();
  }, [refresh]);

  return { view, signedIn: (info) => setView(viewOf(info)), signOut };
}
