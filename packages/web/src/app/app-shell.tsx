// The frame around every page: navigation, the theme switch and the id box.
import type { ReactNode } from 'react';
import { OpenIdDialog } from './open-id-dialog.tsx';
import { Link, useLocation } from './router.tsx';
import { useTheme } from './theme.ts';
import { useOpenIncidents } from './use-open-incidents.ts';

const SECTIONS = [
  { label: 'Search', path: '/search' },
  { label: 'Story', path: '/story' },
  { label: 'Traces', path: '/traces' },
  { label: 'Dashboards', path: '/dashboards' },
  { label: 'Service map', path: '/service-map' },
  { label: 'Insights', path: '/insights' },
  { label: 'Alerts', path: '/alerts' },
];

export interface AppShellProps {
  children: ReactNode;
  /** Who is signed in, shown with a sign-out button; null on a server that asks no one. */
  who?: { name: string; kind: 'user' | 'key' } | null;
  onSignOut?: () => void;
  /** The sign-in form is up: no sections to go to yet. */
  signedOut?: boolean;
}

/** Navigation bar plus the current page. */
export function AppShell({ children, who = null, onSignOut, signedOut = false }: AppShellProps) {
  const { segments } = useLocation();
  const [theme, toggleTheme] = useTheme();
  const current = `/${segments[0] ?? 'search'}`;
  const open = useOpenIncidents(!signedOut);
  return (
    <div className="shell">
      <header className="topbar">
        <Link to="/search" className="brand">
          Tinsel
        </Link>
        {!signedOut && (
          <nav className="nav" aria-label="Sections">
            {SECTIONS.map((s) => (
              <Link key={s.path} to={s.path} aria-current={current === s.path ? 'page' : undefined}>
                {s.label}
                {s.path === '/insights' && open ? (
                  <span className="nav-badge" aria-label={`${open} open`} title={`${open} open incident${open === 1 ? '' : 's'}`}>
                    {open}
                  </span>
                ) : null}
              </Link>
            ))}
          </nav>
        )}
        <span className="spacer" />
        {!signedOut && (
          <span className="muted" aria-hidden="true">
            <kbd>Ctrl</kbd>+<kbd>K</kbd> open an id
          </span>
        )}
        {who && (
          <span className="signed-in" data-testid="signed-in">
            <span className="muted">{who.kind === 'key' ? 'Signed in with key' : 'Signed in as'}</span> <strong>{who.name}</strong>
          </span>
        )}
        {who && onSignOut && (
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        )}
        <button type="button" onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? 'Light' : 'Dark'}
        </button>
      </header>
      <main className="main" id="main">
        {children}
      </main>
      {!signedOut && <OpenIdDialog />}
    </div>
  );
}
