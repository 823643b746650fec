// `/traces/<id>` shows one trace; `/traces` alone finds traces by service,
// status, duration or annotation.
import { useLocation } from '../../app/index.ts';
import { TraceSearch } from './trace-search.tsx';
import { TraceView } from './trace-view.tsx';

/** The trace view, or the trace finder when the address names no trace. */
export function TracePage() {
  const { segments } = useLocation();
  const id = segments[1];
  return id ? <TraceView key={id} id={id} /> : <TraceSearch />;
}
