// Picks the page from the address's first path segment.
import { AlertsPage } from '../pages/alerts/alerts-page.tsx';
import { DashboardsPage } from '../pages/dashboards/dashboards-page.tsx';
import { InsightsPage } from '../pages/insights/insights-page.tsx';
import { SearchPage } from '../pages/search/search-page.tsx';
import { ServiceMapPage } from '../pages/service-map/service-map-page.tsx';
import { StoryPage } from '../pages/story/story-page.tsx';
import { SignInPage } from '../pages/sign-in/sign-in-page.tsx';
import { TracePage } from '../pages/trace/trace-page.tsx';
import { AppShell } from './app-shell.tsx';
import { useLocation } from './router.tsx';
import { useSession } from './use-session.ts';

function Page() {
  const { segments } = useLocation();
  switch (segments[0]) {
    case undefined:
    case 'search':
      return <SearchPage />;
    case 'story':
      return <StoryPage />;
    case 'trace':
    case 'traces':
      return <TracePage />;
    case 'dashboards':
      return <DashboardsPage />;
    case 'service-map':
      return <ServiceMapPage />;
    case 'insights':
      return <InsightsPage />;
    case 'alerts':
      return <AlertsPage />;
    default:
      return <p>No page here. Try the Search page.</p>;
  }
}

/** The whole UI: the page the address names, or the sign-in form while the server wants one. */
export function App() {
  const { view, signedIn, signOut } = useSession();
  if (view.phase === 'signed-out') {
    return (
      <AppShell signedOut>
        <SignInPage methods={view.methods} ended={view.ended} onSignedIn={signedIn} />
      </AppShell>
    );
  }
  const who = view.phase === 'signed-in' ? { name: view.info.name ?? '', kind: view.info.kind ?? 'user' } : null;
  return (
    <AppShell who={who} onSignOut={signOut}>
      <Page />
    </AppShell>
  );
}
