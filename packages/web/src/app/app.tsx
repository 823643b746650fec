// Picks the page from the address's first path segment.
import { DashboardsPage } from '../pages/dashboards/dashboards-page.tsx';
import { SearchPage } from '../pages/search/search-page.tsx';
import { ServiceMapPage } from '../pages/service-map/service-map-page.tsx';
import { StoryPage } from '../pages/story/story-page.tsx';
import { TracePage } from '../pages/trace/trace-page.tsx';
import { AppShell } from './app-shell.tsx';
import { useLocation } from './router.tsx';

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
    default:
      return <p>No page here. Try the Search page.</p>;
  }
}

/** The whole UI. */
export function App() {
  return (
    <AppShell>
      <Page />
    </AppShell>
  );
}
