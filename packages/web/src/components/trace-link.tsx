import { Link } from '../app/router.tsx';
import { storyPath } from '../app/paths.ts';

/** A trace id shown short, linking to its story; the whole id is in the title and the accessible name. */
export function TraceLink({ id, full = false }: { id: string; full?: boolean }) {
  return (
    <Link to={storyPath(id)} className="mono trace-link" title={`Open the story of ${id}`} aria-label={`Story of trace ${id}`}>
      {full ? id : `${id.slice(0, 12)}…`}
    </Link>
  );
}
